using System.Runtime.CompilerServices;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Open311.PostRequest;

/// <summary>The Open311 facts of the report about to be filed in this scope: which client sent it, its media_url, its queued submission.</summary>
internal sealed record ExpectedFiling(Guid ClientId, string ServiceCode, string? MediaUrl, Guid? SubmissionId);

/// <summary>
/// Tells, for one request scope, what the Open311 endpoint expects the reports module to file: the expectation is
/// attached to the scope's DbContext, which is the one that will save the report.
/// </summary>
internal sealed class Open311Filing(MahallaDb db, RecordOpen311Filing recorder) : IDisposable
{
    public void Expect(ExpectedFiling expected) => recorder.Expect(db, expected);

    /// <summary>The DbContext goes back to the pool with the scope: nothing this scope expected may stay with it.</summary>
    public void Dispose() => recorder.Forget(db);
}

/// <summary>
/// Records an Open311 report's submission in the same SaveChanges — hence the same transaction — as the report
/// itself: a new row for a realtime request, or the queued row marked filed for a batch one. So a report never
/// exists without its submission, nor a filed submission without its report; and when two nodes file the same
/// queued submission, the row's version lets only one of them commit (the other's report is rolled back with it).
/// </summary>
/// <remarks>
/// One for the app, like every interceptor, so that DbContexts can come from a pool (ADR 0018): what
/// a scope expects is kept beside its DbContext and goes with it.
/// </remarks>
internal sealed class RecordOpen311Filing(TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, ExpectedFiling> _expected = [];

    public void Expect(DbContext db, ExpectedFiling expected) => _expected.AddOrUpdate(db, expected);

    public void Forget(DbContext db) => _expected.Remove(db);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        RecordAsync(eventData.Context, sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await RecordAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private async ValueTask RecordAsync(DbContext? db, bool sync, CancellationToken ct)
    {
        if (db is null || !_expected.TryGetValue(db, out var expected))
        {
            return;
        }

        var report = db.ChangeTracker.Entries<Report>()
            .Where(e => e.State == EntityState.Added && e.Entity.Channel == ReportChannel.Open311 && e.Entity.ClientId == expected.ClientId)
            .Select(e => e.Entity).FirstOrDefault();
        if (report is null || db.ChangeTracker.Entries<Open311Submission>().Any(e => e.Entity.ReportId == report.Id))
        {
            return;
        }

        var tracking = db.ChangeTracker.Entries<Appeal>().Single(e => e.Entity.Id == report.Id).Entity.TrackingNumber;
        var now = clock.GetUtcNow().UtcDateTime;
        if (expected.SubmissionId is { } id)
        {
            var queued = sync ? db.Set<Open311Submission>().Find(id) : await db.Set<Open311Submission>().FindAsync([id], ct);
            (queued ?? throw new InvalidOperationException("The queued submission disappeared.")).MarkFiled(report.Id, tracking, now);
        }
        else
        {
            db.Add(Open311Submission.Filed(Guid.CreateVersion7(), expected.ClientId, expected.ServiceCode, expected.MediaUrl, report.Id, tracking, now));
        }
    }
}
