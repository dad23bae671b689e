using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.Transitions;
using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.Escalation;

public sealed class SweeperOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Runs on every node: escalates overdue requests one level and closes answered requests whose
/// confirmation period passed. Each request is changed through its entity under the optimistic
/// concurrency token, so when two nodes sweep at once one of them wins and the other skips —
/// never a double escalation.
/// </summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineSweeper> logger,
    Microsoft.Extensions.Options.IOptions<SweeperOptions> options) : BackgroundService
{
    public sealed record SweepResult(int Escalated, int Closed, int Skipped);

    /// <summary>The most requests one sweep reads; the rest wait for the next sweep, a minute later by default.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// The requests the sweeper has something to do with, earliest first: one search of the partial index
    /// <c>IX_appeals_SweepDue</c> (M0019) that stops at the batch's end. It reads only the due requests, not the work
    /// that waits for registration or is held at its level after an escalation, nor the overdue work at the top level.
    /// </summary>
    public static IQueryable<Appeal> Due(IQueryable<Appeal> appeals, DateTime now) =>
        appeals.Where(a => a.SweepDueUtc < now).OrderBy(a => a.SweepDueUtc);

    public async Task<SweepResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var due = await Due(scope.ServiceProvider.GetRequiredService<MahallaDb>().Appeals.AsNoTracking(), now)
            .Select(a => new { a.Id, a.Status }).Take(BatchSize).ToListAsync(ct);
        int escalated = 0, closed = 0, skipped = 0;
        foreach (var request in due)
        {
            // An answered request's due time is the end of its confirmation period; an open one's, its escalation.
            var close = request.Status == AppealStatus.Answered;
            if (!await TryAsync(request.Id, close ? CloseAsync : EscalateAsync, ct))
            {
                skipped++;
            }
            else if (close)
            {
                closed++;
            }
            else
            {
                escalated++;
            }
        }

        return new SweepResult(escalated, closed, skipped);
    }

    private async Task<bool> TryAsync(Guid id, Func<IServiceProvider, Appeal, DateTime, CancellationToken, Task> change, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var appeal = await db.Appeals.FirstAsync(a => a.Id == id, ct);
            await change(scope.ServiceProvider, appeal, now, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or Platform.Errors.BusinessRuleException or DbUpdateException)
        {
            // Another node got there first, or the request changed since the query: nothing to do.
            return false;
        }
    }

    private static async Task EscalateAsync(IServiceProvider services, Appeal appeal, DateTime now, CancellationToken ct)
    {
        var deadlines = services.GetRequiredService<Calendar.Contracts.Deadlines>();
        var terms = await deadlines.TermsForAsync(appeal.Type.Code(), appeal.CategoryCode, ct);
        var calendar = await deadlines.CalendarAsync(ct);
        appeal.Escalate(calendar.WorkingDaysAfter(now, terms.EscalationWorkingDays), now);
        var work = services.GetRequiredService<AppealWork>();
        var notifier = services.GetRequiredService<Notifier>();
        await notifier.NotifyManyAsync(await work.SupervisorsAsync(appeal, ct), appeal.Id, "escalated", _ => [appeal.TrackingNumber, appeal.EscalationLevel], ct);
        if (appeal.ApplicantUserId is { } applicant)
        {
            await notifier.NotifyAsync(applicant, appeal.Id, "escalated_citizen", _ => [appeal.TrackingNumber], ct);
        }
    }

    private static async Task CloseAsync(IServiceProvider services, Appeal appeal, DateTime now, CancellationToken ct)
    {
        appeal.CloseUnconfirmed(now);
        if (appeal.ApplicantUserId is { } applicant)
        {
            await services.GetRequiredService<Notifier>().NotifyAsync(applicant, appeal.Id, "closed_unconfirmed", _ => [appeal.TrackingNumber], ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                if (result.Escalated + result.Closed > 0)
                {
                    logger.LogInformation("Deadline sweep: {Escalated} escalated, {Closed} closed unconfirmed", result.Escalated, result.Closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The deadline sweep failed");
            }
        }
    }
}
