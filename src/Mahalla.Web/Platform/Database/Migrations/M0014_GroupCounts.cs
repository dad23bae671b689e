using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// A duplicate group's size and affected people are kept on its master (ADR 0055), instead of being
/// counted from every member whenever an inbox page or a request page shows them: a campaign's group
/// holds thousands of requests. Existing masters are counted here once.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000014_GroupCounts")]
public sealed class M0014_GroupCounts : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("GroupSize", "triage_assessments", nullable: false, defaultValue: 1, schema: S("triage"));
        m.AddColumn<int>("GroupPeople", "triage_assessments", nullable: false, defaultValue: 1, schema: S("triage"));
        var table = S("triage") is { } schema ? $"\"{schema}\".\"triage_assessments\"" : "\"triage_assessments\"";
        m.Sql($"""
            UPDATE {table} SET
                "GroupSize" = (SELECT COUNT(*) FROM {table} g WHERE g."GroupId" = "triage_assessments"."AppealId"),
                "GroupPeople" = (SELECT COUNT(DISTINCT g."ApplicantUserId") FROM {table} g WHERE g."GroupId" = "triage_assessments"."AppealId")
                    + (SELECT COUNT(*) FROM {table} g WHERE g."GroupId" = "triage_assessments"."AppealId" AND g."ApplicantUserId" IS NULL)
            WHERE "GroupId" = "AppealId"
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        DropColumn(m, "GroupPeople", "triage_assessments", "triage");
        DropColumn(m, "GroupSize", "triage_assessments", "triage");
    }
}
