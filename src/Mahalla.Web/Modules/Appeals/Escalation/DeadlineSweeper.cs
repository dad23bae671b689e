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

    /// <summary>The most requests one read of a sweep takes; a sweep reads again until nothing due is left.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int BatchSize { get; set; } = DeadlineSweeper.DefaultBatchSize;
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
    /// <summary>
    /// What one sweep did. <paramref name="Skipped"/>: changed by someone else since the read (another node, a member of
    /// staff); <paramref name="Failed"/>: an error of its own, logged with the request's id. Neither is tried again before
    /// the next sweep. <paramref name="Reads"/>: the reads of due requests it took.
    /// </summary>
    public sealed record SweepResult(int Escalated, int Closed, int Skipped, int Failed, int Reads);

    /// <summary>The most requests one read takes by default (<see cref="SweeperOptions.BatchSize"/>).</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>
    /// The requests the sweeper has something to do with, earliest first: one search of the partial index
    /// <c>IX_appeals_SweepDue</c> (M0019) that stops at the batch's end. It reads only the due requests, not the work
    /// that waits for registration or is held at its level after an escalation, nor the overdue work at the top level.
    /// </summary>
    public static IQueryable<Appeal> Due(IQueryable<Appeal> appeals, DateTime now) =>
        appeals.Where(a => a.SweepDueUtc < now).OrderBy(a => a.SweepDueUtc);

    /// <summary>
    /// One sweep: reads a batch of due requests, handles each, and reads on from where the batch ended until a read comes
    /// back short, so that a backlog (after a node was down, or at the end of a working day, when many deadlines fall at
    /// the same instant) is handled in one sweep, not a batch a minute. A request that was skipped or failed stays due
    /// until the next sweep; each later read starts at the last due time read, so such requests are not read again unless
    /// they share that instant, and they never stop the sweep.
    /// </summary>
    public async Task<SweepResult> RunOnceAsync(CancellationToken ct)
    {
        var batchSize = options.Value.BatchSize;
        var passed = new Dictionary<Guid, DateTime>(); // skipped or failed in this sweep, with their due time
        DateTime? from = null;
        int escalated = 0, closed = 0, skipped = 0, failed = 0, reads = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var wanted = batchSize + passed.Values.Count(d => d >= from);
            List<DueRequest> due;
            using (var scope = scopes.CreateScope())
            {
                var appeals = scope.ServiceProvider.GetRequiredService<MahallaDb>().Appeals.AsNoTracking();
                due = await Due(from is { } start ? appeals.Where(a => a.SweepDueUtc >= start) : appeals, now)
                    .Select(a => new DueRequest(a.Id, a.Status, a.SweepDueUtc!.Value)).Take(wanted).ToListAsync(ct);
            }

            reads++;
            var fresh = due.Where(r => !passed.ContainsKey(r.Id)).ToList();
            foreach (var request in fresh)
            {
                // An answered request's due time is the end of its confirmation period; an open one's, its escalation.
                var close = request.Status == AppealStatus.Answered;
                switch (await TryAsync(request.Id, close ? CloseAsync : EscalateAsync, ct))
                {
                    case Outcome.Done when close:
                        closed++;
                        break;
                    case Outcome.Done:
                        escalated++;
                        break;
                    case Outcome.Skipped:
                        skipped++;
                        passed[request.Id] = request.DueUtc;
                        break;
                    default:
                        failed++;
                        passed[request.Id] = request.DueUtc;
                        break;
                }
            }

            if (due.Count < wanted || fresh.Count == 0)
            {
                return new SweepResult(escalated, closed, skipped, failed, reads);
            }

            from = due[^1].DueUtc;
        }
    }

    private sealed record DueRequest(Guid Id, AppealStatus Status, DateTime DueUtc);

    private enum Outcome
    {
        Done,
        Skipped,
        Failed,
    }

    private async Task<Outcome> TryAsync(Guid id, Func<IServiceProvider, Appeal, DateTime, CancellationToken, Task> change, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appeal is null)
            {
                return Outcome.Skipped;
            }

            await change(scope.ServiceProvider, appeal, now, ct);
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or Platform.Errors.BusinessRuleException)
        {
            // Another node got there first, or the request changed since the query: nothing to do.
            return Outcome.Skipped;
        }
        catch (DbUpdateException ex)
        {
            // The save was refused (a busy database shared by two nodes): the request stays due for the next sweep.
            logger.LogWarning(ex, "The deadline sweep could not save request {AppealId}; the next sweep tries again", id);
            return Outcome.Skipped;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A fault of this request alone (a row edited by hand, a bug): the others are still escalated. Only the id is logged.
            logger.LogError(ex, "The deadline sweep could not change request {AppealId}", id);
            return Outcome.Failed;
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
                if (result.Escalated + result.Closed + result.Failed > 0)
                {
                    logger.LogInformation("Deadline sweep: {Escalated} escalated, {Closed} closed unconfirmed, {Failed} failed in {Reads} reads",
                        result.Escalated, result.Closed, result.Failed, result.Reads);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The deadline sweep failed");
            }
        }
    }
}
