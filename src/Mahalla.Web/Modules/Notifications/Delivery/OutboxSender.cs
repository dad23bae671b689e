using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Notifications.Delivery;

/// <summary>
/// Delivers committed notifications through the channels. Each row is claimed with a conditional
/// update before sending, so two nodes never send the same message twice.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxSender> logger,
    Microsoft.Extensions.Options.IOptions<EmailOptions> options) : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>Sends one batch; returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var channel = scope.ServiceProvider.GetServices<INotificationChannel>().First(c => c.Name == "email");
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications
            .Where(n => n.EmailState == DeliveryState.Pending && (n.EmailNextAttemptUtc == null || n.EmailNextAttemptUtc <= now))
            .OrderBy(n => n.CreatedAtUtc).Take(BatchSize).Select(n => n.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            // Claim: push the next attempt forward; whoever changes the row owns this attempt.
            var lease = now.AddMinutes(5);
            var claimed = await db.Notifications
                .Where(n => n.Id == id && n.EmailState == DeliveryState.Pending && (n.EmailNextAttemptUtc == null || n.EmailNextAttemptUtc <= now))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailNextAttemptUtc, lease), ct);
            if (claimed == 0)
            {
                continue;
            }

            var notification = await db.Notifications.SingleAsync(n => n.Id == id, ct);
            try
            {
                await channel.DeliverAsync(notification, ct);
                notification.EmailSent();
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("E-mail notification {NotificationId} failed: {Error}", id, ex.GetType().Name);
                notification.EmailFailed(now);
            }

            await db.SaveChangesAsync(ct);
        }

        return sent;
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
                // Keep draining while batches come back full, so a burst does not wait for the next tick.
                while (await RunOnceAsync(stoppingToken) >= BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The notification outbox run failed");
            }
        }
    }
}
