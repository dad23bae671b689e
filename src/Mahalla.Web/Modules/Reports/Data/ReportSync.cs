using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>
/// Keeps each report's mirror of its appeal (status, category, territory, version) in step, in the same
/// SaveChanges as the appeal's change, whichever module made it (a staff answer, a forward, escalation,
/// the deadline sweeper…), and schedules "was it fixed?" when a report has just been marked fixed.
/// </summary>
internal sealed class ReportSync(IOptions<ReportsOptions> options) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SyncAsync(eventData.Context, sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await SyncAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private async ValueTask SyncAsync(DbContext? db, bool sync, CancellationToken ct)
    {
        if (db is null)
        {
            return;
        }

        if (!db.ChangeTracker.TracksReport())
        {
            return;
        }

        List<Appeal> changed;
        Dictionary<Guid, Report> tracked;
        using (db.ChangeTracker.DetectOnce())
        {
            changed = db.ChangeTracker.Entries<Appeal>()
                .Where(e => e.Entity.Type == AppealType.Report && e.State == EntityState.Modified)
                .Select(e => e.Entity)
                .ToList();
            if (changed.Count == 0)
            {
                return;
            }

            tracked = db.ChangeTracker.Entries<Report>().Select(r => r.Entity).ToDictionary(r => r.Id);
        }

        var askAfter = TimeSpan.FromDays(options.Value.AskFixedAfterDays);
        foreach (var appeal in changed)
        {
            var report = tracked.GetValueOrDefault(appeal.Id)
                ?? (sync ? db.Set<Report>().Find(appeal.Id) : await db.Set<Report>().FindAsync([appeal.Id], ct));
            report?.Follow(appeal, askAfter);
        }
    }
}
