using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// Triage: the duplicate groups' index also holds the applicant, so the inbox counts a group's requests
/// and people from the index alone however large the group grows.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000010_TriageGroupMembers")]
public sealed class M0010_TriageGroupMembers : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_assessments_GroupId", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_GroupId_ApplicantUserId", "triage_assessments", ["GroupId", "ApplicantUserId"], S("triage"));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_assessments_GroupId_ApplicantUserId", "triage_assessments", S("triage"));
        m.CreateIndex("IX_triage_assessments_GroupId", "triage_assessments", "GroupId", S("triage"));
    }
}
