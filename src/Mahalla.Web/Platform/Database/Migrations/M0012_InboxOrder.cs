using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The staff inbox's order (escalation level, highest first; then the answer deadline; then the id) as an
/// index that also holds the two scope columns, so a page is found by walking the index in order and
/// stopping at the page's end, instead of reading and sorting every request in scope.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000012_InboxOrder")]
public sealed class M0012_InboxOrder : MahallaMigration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_appeals_Inbox", "appeals", ["EscalationLevel", "AnswerDueUtc", "Id", "ResponsibleOrganizationId", "TerritoryPath"],
            S("appeals"), descending: [true, false, false, false, false]);

    protected override void Down(MigrationBuilder m) =>
        m.DropIndex("IX_appeals_Inbox", "appeals", S("appeals"));
}
