using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Notifications.Delivery;

/// <summary>
/// Delivers committed notifications through the channels, a batch at a time. The batch is claimed
/// with one conditional update before sending, so two nodes never send the same message twice.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxSender> logger,
    Microsoft.Extensions.Options.IOptions<EmailOptions> options) : BackgroundService
{
    internal const int BatchSize = 50;

    /// <summary>Sends one batch; returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var channel = scope.ServiceProvider.GetServices<INotificationChannel>().First(c => c.Name == "email");
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Due(db.Notifications, now).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var claimed = await ClaimAsync(db, due, now, ct);
        var sent = new List<Guid>(claimed.Count);
        foreach (var notification in claimed)
        {
            try
            {
                await channel.DeliverAsync(notification, ct);
                sent.Add(notification.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("E-mail notification {NotificationId} failed: {Error}", notification.Id, ex.GetType().Name);
                notification.EmailFailed(now);
            }
        }

        // A crash before these saves leaves the claimed rows to be sent again once the lease ends.
        await MarkSentAsync(db, sent, ct);
        await db.SaveChangesAsync(ct); // the failed ones, each with its own next attempt
        return sent.Count;
    }

    /// <summary>
    /// Marks the batch's sent messages in one statement (ADR 0019, amended in session 16); saved row by row, they were one
    /// UPDATE each.
    /// </summary>
    private static Task<int> MarkSentAsync(MahallaDb db, List<Guid> sent, CancellationToken ct) => sent.Count == 0
        ? Task.FromResult(0)
        : StillPending(db.Notifications, sent).ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailState, DeliveryState.Sent), ct);

    /// <summary>
    /// The given messages that are still pending, found by primary key. No index of the e-mail state may serve this: with one
    /// (before M0018), SQLite's planner, which keeps no statistics here, preferred it to the fifty ids, and each claim read
    /// every pending message under the write lock: all of a backlog, for every fifty claimed.
    /// </summary>
    internal static IQueryable<Notification> StillPending(IQueryable<Notification> notifications, IReadOnlyList<Guid> ids) =>
        Pending(notifications).Where(n => ids.Contains(n.Id));

    /// <summary>
    /// The ids of the oldest pending messages that are due, a batch of them: read from the partial index of pending
    /// messages in their order (M0018), so the read stops at the batch's end however many are pending.
    /// </summary>
    internal static IQueryable<Guid> Due(IQueryable<Notification> notifications, DateTime now) =>
        DueBy(Pending(notifications), now).OrderBy(n => n.CreatedAtUtc).Take(BatchSize).Select(n => n.Id);

    /// <summary>The given messages that are still pending and due: what a claim takes.</summary>
    internal static IQueryable<Notification> Claimable(IQueryable<Notification> notifications, IReadOnlyList<Guid> ids, DateTime now) =>
        DueBy(StillPending(notifications, ids), now);

    /// <summary>Messages waiting to be mailed: the condition of the partial index M0018 (<c>"EmailState" = 1</c>).</summary>
    private static IQueryable<Notification> Pending(IQueryable<Notification> notifications) =>
        notifications.Where(n => n.EmailState == DeliveryState.Pending);

    /// <summary>Never tried, or their next attempt has come: the read of due messages and the claim take the same ones.</summary>
    private static IQueryable<Notification> DueBy(IQueryable<Notification> notifications, DateTime now) =>
        notifications.Where(n => n.EmailNextAttemptUtc == null || n.EmailNextAttemptUtc <= now);

    /// <summary>
    /// Sends runs while they come back full, so a burst does not wait for the next tick; returns how many
    /// messages were sent. Under a steady stream the rest waits for the tick: a run for every few messages
    /// would take SQLite's one write turn from filings twice each time (ADR 0019).
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        int sent;
        do
        {
            sent = await RunOnceAsync(ct);
            total += sent;
        }
        while (sent >= BatchSize);

        return total;
    }

    /// <summary>
    /// Claims due messages in one statement: pushes their next attempt forward to a lease value of this
    /// run's own (a random whole number of microseconds, which PostgreSQL stores exactly); the rows that
    /// carry it afterwards are this run's, so two nodes never send the same message twice.
    /// </summary>
    internal static async Task<List<Notification>> ClaimAsync(MahallaDb db, IReadOnlyList<Guid> due, DateTime now, CancellationToken ct)
    {
        var lease = now.AddMinutes(5).AddTicks(Random.Shared.Next(1, 1_000_000) * 10L);
        await Claimable(db.Notifications, due, now)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailNextAttemptUtc, lease), ct);
        return await StillPending(db.Notifications, due).Where(n => n.EmailNextAttemptUtc == lease)
            .OrderBy(n => n.CreatedAtUtc).ToListAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The notification outbox run failed");
            }
        }
    }
}
