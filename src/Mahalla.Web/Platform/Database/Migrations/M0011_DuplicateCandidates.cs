using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The duplicate search on filing reads its candidates from indexes alone: the mahalla's assessments by
/// time carry the request, its group and its signature, and the requests' categories are indexed by id.
/// Before, each candidate cost a read of its assessment row and of its request row (the request's text included).
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000011_DuplicateCandidates")]
public sealed class M0011_DuplicateCandidates : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_assessments_TerritoryId_FiledAtUtc", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_TerritoryId_FiledAtUtc_AppealId_GroupId_Signature", "triage_assessments",
            ["TerritoryId", "FiledAtUtc", "AppealId", "GroupId", "Signature"], S("triage"));
        m.CreateIndex("IX_appeals_Id_CategoryCode", "appeals", ["Id", "CategoryCode"], S("appeals"));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_appeals_Id_CategoryCode", "appeals", S("appeals"));
        m.DropIndex("IX_triage_assessments_TerritoryId_FiledAtUtc_AppealId_GroupId_Signature", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_TerritoryId_FiledAtUtc", "triage_assessments", ["TerritoryId", "FiledAtUtc"], S("triage"));
    }
}
