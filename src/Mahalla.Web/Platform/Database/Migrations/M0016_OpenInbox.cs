using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The inbox holds the open work by default: submitted, in progress and reopened requests (status 1, 2 and 5).
/// Its order puts the earliest answer deadline first, and a closed request keeps its deadline, so in the
/// indexes of M0012 and M0015 every request answered or closed since the service began comes before
/// the open work of today. Two partial indexes hold the open requests only, in the same orders:
/// a page is still one search that stops at the page's end, and its count reads the open requests, not
/// the organisation's whole history; a third holds their territory path, for a territory's count.
/// SQLite and PostgreSQL both use a partial index when the query has
/// the same condition (<c>Inbox.OpenWorkInOrder</c>, which says why it is written with <c>abs</c>).
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000016_OpenInbox")]
public sealed class M0016_OpenInbox : MahallaMigration
{
    /// <summary>
    /// The open statuses (<c>AppealStatus</c> Submitted, InProgress, Reopened), as the indexes' condition. <c>abs</c> changes
    /// no value; it is in the query too (<c>Inbox.OpenWorkInOrder</c>), where it keeps SQLite from using the status index instead.
    /// </summary>
    public const string OpenFilter =
        "abs(CAST(\"Status\" AS INTEGER)) = 1 OR abs(CAST(\"Status\" AS INTEGER)) = 2 OR abs(CAST(\"Status\" AS INTEGER)) = 5";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_appeals_OpenInbox", "appeals", ["EscalationLevel", "AnswerDueUtc", "Id", "ResponsibleOrganizationId", "TerritoryPath"],
            S("appeals"), filter: OpenFilter, descending: [true, false, false, false, false]);
        m.CreateIndex("IX_appeals_OrganizationOpenInbox", "appeals", ["ResponsibleOrganizationId", "EscalationLevel", "AnswerDueUtc", "Id"],
            S("appeals"), filter: OpenFilter, descending: [false, true, false, false]);
        // The count of a territory's open work, from the index alone (path range; organisation and status read from it).
        m.CreateIndex("IX_appeals_OpenByTerritory", "appeals", ["TerritoryPath", "ResponsibleOrganizationId", "Status"], S("appeals"), filter: OpenFilter);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_appeals_OpenByTerritory", "appeals", S("appeals"));
        m.DropIndex("IX_appeals_OrganizationOpenInbox", "appeals", S("appeals"));
        m.DropIndex("IX_appeals_OpenInbox", "appeals", S("appeals"));
    }
}
