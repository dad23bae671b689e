using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The e-mail sender reads the oldest pending messages, fifty at a time. Its index held every notification by e-mail state
/// and next attempt, so each read took all the pending ones and sorted them: about 21 ms a read with 100,000 pending on
/// SQLite, and a backlog costs one read for every fifty it sends. A partial index of the pending messages only, in the order
/// they are sent, makes a read stop after its fifty; it is also smaller than the index it replaces, which held every message
/// ever sent and every one that was never to be mailed, and grew with each filing's notifications (ADR 0019, session 16).
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261123000018_PendingEmail")]
public sealed class M0018_PendingEmail : MahallaMigration
{
    /// <summary>Pending (<c>DeliveryState.Pending</c>), as the index's condition; the sender's read has the same term.</summary>
    public const string PendingFilter = "\"EmailState\" = 1";

    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_notifications_EmailState_EmailNextAttemptUtc", "notifications", S("notifications"));
        m.CreateIndex("IX_notifications_PendingEmail", "notifications", ["CreatedAtUtc"], S("notifications"), filter: PendingFilter);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_notifications_PendingEmail", "notifications", S("notifications"));
        m.CreateIndex("IX_notifications_EmailState_EmailNextAttemptUtc", "notifications", ["EmailState", "EmailNextAttemptUtc"], S("notifications"));
    }
}
