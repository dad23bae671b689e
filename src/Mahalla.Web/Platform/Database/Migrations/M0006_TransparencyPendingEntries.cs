using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The transparency log: a partial index of the pending entries in id order, so the sequencer reads its next
/// batch in O(batch) however large the backlog and the log grow (ADR 0049).
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000006_TransparencyPendingEntries")]
public sealed class M0006_TransparencyPendingEntries : MahallaMigration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_tlog_entries_Pending", "tlog_entries", "Id", S("transparency"), filter: "\"Index\" IS NULL");

    protected override void Down(MigrationBuilder m) =>
        m.DropIndex("IX_tlog_entries_Pending", "tlog_entries", S("transparency"));
}
