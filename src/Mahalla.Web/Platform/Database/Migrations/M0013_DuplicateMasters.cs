using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// A new request is compared with the masters of the duplicate groups only (ADR 0055), so the duplicate
/// search on filing reads a partial index of masters, by mahalla and time, that carries the signature.
/// It replaces M0011's covering index of every assessment, which nothing else reads.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000013_DuplicateMasters")]
public sealed class M0013_DuplicateMasters : MahallaMigration
{
    private const string Masters = "\"GroupId\" = \"AppealId\"";

    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_assessments_TerritoryId_FiledAtUtc_AppealId_GroupId_Signature", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_Masters", "triage_assessments", ["TerritoryId", "FiledAtUtc", "AppealId", "Signature"], S("triage"),
            filter: Masters);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_assessments_Masters", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_TerritoryId_FiledAtUtc_AppealId_GroupId_Signature", "triage_assessments",
            ["TerritoryId", "FiledAtUtc", "AppealId", "GroupId", "Signature"], S("triage"));
    }
}
