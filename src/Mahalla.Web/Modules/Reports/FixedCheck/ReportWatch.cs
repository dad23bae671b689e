using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Reports.FixedCheck;

/// <summary>
/// The reports' follow-up, run on every node: asks each reporter "was it fixed?" some days after the report was
/// marked fixed, tells followers about every update and area-alert subscribers about every new report. Each piece
/// of it is claimed by a conditional update of its own column, so when two nodes pick the same report only one of
/// them tells anyone, and a person's change of the report never fails because of it (ADR 0076).
/// It also keeps the public map's grid of cluster counts up to date.
/// </summary>
public sealed class ReportWatch(MahallaDb db, Notifier notifier, TextCatalog catalog, TimeProvider clock, PublicMap.MapCells cells, ILogger<ReportWatch> logger)
{
    private const int Batch = 100;

    public async Task<(int Asked, int Notified)> RunOnceAsync(CancellationToken ct)
    {
        var asked = await AskWhetherFixedAsync(ct);
        var notified = await TellFollowersAsync(ct);
        await cells.RefreshAsync(ct);
        return (asked, notified);
    }

    private async Task<int> AskWhetherFixedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await (from r in db.Set<Report>().AsNoTracking()
                         join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                         where r.Status == AppealStatus.Answered && r.FixedQuestionDueUtc <= now && r.FixedQuestionAskedAtUtc == null
                         orderby r.FixedQuestionDueUtc
                         select new { r.Id, a.TrackingNumber, a.ApplicantUserId, r.Title }).Take(Batch).ToListAsync(ct);
        var count = 0;
        foreach (var item in due)
        {
            var recipients = item.ApplicantUserId is { } reporter ? (await notifier.RecipientsAsync([reporter], ct)).Values.ToList() : [];
            // Still answered, due and not asked: the question goes out once, and not after a dispute or a new answer came in between.
            var claim = db.Set<Report>().Where(r => r.Id == item.Id && r.Status == AppealStatus.Answered && r.FixedQuestionDueUtc <= now
                && r.FixedQuestionAskedAtUtc == null);
            count += await ClaimAndTellAsync(() => claim.ExecuteUpdateAsync(u => u.SetProperty(r => r.FixedQuestionAskedAtUtc, now), ct), () =>
            {
                foreach (var recipient in recipients)
                {
                    notifier.Notify(recipient, item.Id, "report_fixed_question", _ => [item.TrackingNumber, item.Title]);
                }
            }, ct);
        }

        return count;
    }

    private async Task<int> TellFollowersAsync(CancellationToken ct)
    {
        var pending = await (from r in db.Set<Report>().AsNoTracking()
                             join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                             where r.AppealVersion > r.NotifiedVersion
                             orderby r.UpdatedAtUtc
                             select new { r.Id, r.Title, r.TerritoryPath, r.NotifiedVersion, r.AppealVersion, a.TrackingNumber, a.ApplicantUserId })
            .Take(Batch).ToListAsync(ct);
        var count = 0;
        foreach (var item in pending)
        {
            var events = await db.AppealEvents.AsNoTracking()
                .Where(e => e.AppealId == item.Id && e.Sequence > item.NotifiedVersion && e.Sequence <= item.AppealVersion)
                .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Kind, e.ToStatus, e.ActorUserId }).ToListAsync(ct);
            var followers = await db.Set<ReportFollower>().AsNoTracking().Where(f => f.ReportId == item.Id).Select(f => f.UserId).ToListAsync(ct);
            var filed = events.Any(e => e.Kind == EventKind.Filed);
            var subscribers = new List<Guid>();
            if (filed)
            {
                var ancestors = Ancestors(item.TerritoryPath);
                subscribers = await db.Set<AreaAlert>().AsNoTracking().Where(a => ancestors.Contains(a.TerritoryPath))
                    .Select(a => a.UserId).Distinct().ToListAsync(ct);
            }

            // The reporter hears from the request engine itself; whoever acted needs no message about their own act.
            var actors = events.Select(e => e.ActorUserId).OfType<Guid>().ToHashSet();
            var everyone = followers.Concat(subscribers).Where(u => u != item.ApplicantUserId && !actors.Contains(u)).Distinct().ToList();
            var recipients = await notifier.RecipientsAsync(everyone, ct);
            var subscriberSet = subscribers.ToHashSet();
            var last = events.LastOrDefault();

            // The watermark moves from where this run read it to the version whose events it read; a node that moved it first wins.
            var claim = db.Set<Report>().Where(r => r.Id == item.Id && r.NotifiedVersion == item.NotifiedVersion && r.AppealVersion >= item.AppealVersion);
            count += await ClaimAndTellAsync(() => claim.ExecuteUpdateAsync(u => u.SetProperty(r => r.NotifiedVersion, item.AppealVersion), ct), () =>
            {
                foreach (var recipient in recipients.Values)
                {
                    if (filed && subscriberSet.Contains(recipient.UserId) && !followers.Contains(recipient.UserId))
                    {
                        notifier.Notify(recipient, item.Id, "report_new_in_area", _ => [item.TrackingNumber, item.Title]);
                    }
                    else if (last is not null)
                    {
                        notifier.Notify(recipient, item.Id, "report_update",
                            language => [item.TrackingNumber, item.Title, catalog.Get(language, $"status.{last.ToStatus.Code()}")]);
                    }
                }
            }, ct);
        }

        return count;
    }

    /// <summary><c>/a/b/c/</c> → <c>/a/</c>, <c>/a/b/</c>, <c>/a/b/c/</c>.</summary>
    public static List<string> Ancestors(string path)
    {
        var result = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            result.Add(path[..(i + 1)]);
        }

        return result;
    }

    /// <summary>
    /// Claims one piece of the follow-up with a conditional UPDATE of its own column and saves the messages it sends, in one
    /// transaction; 0 when another node claimed it first. The claim leaves the report's concurrency token alone, so the
    /// follow-up never makes a person's change of the same report fail as a concurrent edit (ADR 0076).
    /// </summary>
    private Task<int> ClaimAndTellAsync(Func<Task<int>> claim, Action tell, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await claim() == 0)
            {
                logger.LogDebug("A report's follow-up was done by another node");
                return 0;
            }

            tell();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return 1;
        });
}

/// <summary>Runs <see cref="ReportWatch"/> every <see cref="ReportsOptions.WatchInterval"/> when enabled.</summary>
public sealed class ReportWatcher(IServiceScopeFactory scopes, IOptions<ReportsOptions> options, ILogger<ReportWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatcherEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.WatchInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReportWatch>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The reports' follow-up failed; it runs again at the next tick");
            }
        }
    }
}
