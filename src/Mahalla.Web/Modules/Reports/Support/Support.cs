using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.Support;

public sealed record SupportResult(Guid ReportId, int Supporters, bool Following);

/// <summary>"Me too", following a report, and alerts for a whole area: what residents do instead of filing duplicates.</summary>
public sealed class Support(MahallaDb db, TimeProvider clock)
{
    /// <summary>
    /// Adds the caller as one more affected resident (once) and makes them a follower. Not for the reporter. The count is raised
    /// by the database, not written back from what was read, and the report's concurrency token is left alone (ADR 0078): residents
    /// who say it at once are all counted, and a staff answer that saves its mirror of the request meanwhile goes through.
    /// </summary>
    public async Task<SupportResult> SupportAsync(Caller caller, Guid reportId, CancellationToken ct)
    {
        var me = SignedIn(caller);
        // Who filed it never changes: read before the transaction, once, not in the writer's turn on SQLite.
        var filing = await db.Appeals.AsNoTracking().Where(a => a.Id == reportId && db.Set<Report>().Any(r => r.Id == a.Id))
            .Select(a => new { a.ApplicantUserId }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (filing.ApplicantUserId == me)
        {
            throw new BusinessRuleException("reports.rule.reporter_cannot_support");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(() => SupportOnceAsync(me, reportId, ct));
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // "Follow" on another tab added the follower row between the check below and the insert (on PostgreSQL a follow does
            // not wait for the report's row lock). Nothing of this attempt was kept; the next one finds the row and leaves it.
            return await strategy.ExecuteAsync(() => SupportOnceAsync(me, reportId, ct));
        }
    }

    private async Task<SupportResult> SupportOnceAsync(Guid me, Guid reportId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The update comes first: on PostgreSQL it locks the report's row until the commit, so the checks below see every
        // "me too" that committed before it, and nobody else's count can come between this one and its reading below.
        var raised = await db.Set<Report>()
            .Where(r => r.Id == reportId && AppealWords.OpenStatuses.Contains(r.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SupporterCount, r => r.SupporterCount + 1), ct);
        if (raised == 0)
        {
            throw new BusinessRuleException("reports.rule.support_open_reports_only");
        }

        if (await db.Set<ReportSupporter>().AnyAsync(s => s.ReportId == reportId && s.UserId == me, ct))
        {
            throw new BusinessRuleException("reports.rule.supported_already");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new ReportSupporter(reportId, me, now));
        if (!await db.Set<ReportFollower>().AnyAsync(f => f.ReportId == reportId && f.UserId == me, ct))
        {
            db.Add(new ReportFollower(reportId, me, now));
        }

        await db.SaveChangesAsync(ct);
        var supporters = await db.Set<Report>().Where(r => r.Id == reportId).Select(r => r.SupporterCount).SingleAsync(ct);
        await tx.CommitAsync(ct);
        return new SupportResult(reportId, supporters, true);
    }

    public async Task<bool> FollowAsync(Caller caller, Guid reportId, bool follow, CancellationToken ct)
    {
        var me = SignedIn(caller);
        if (!await db.Set<Report>().AnyAsync(r => r.Id == reportId, ct))
        {
            throw new NotFoundException();
        }

        var existing = await db.Set<ReportFollower>().FirstOrDefaultAsync(f => f.ReportId == reportId && f.UserId == me, ct);
        if (follow && existing is null)
        {
            db.Add(new ReportFollower(reportId, me, clock.GetUtcNow().UtcDateTime));
        }
        else if (!follow && existing is not null)
        {
            db.Remove(existing);
        }

        await SaveIgnoringDuplicateAsync(ct);
        return follow;
    }

    public async Task<bool> IsFollowingAsync(Caller caller, Guid reportId, CancellationToken ct) =>
        caller.UserId is { } me && await db.Set<ReportFollower>().AnyAsync(f => f.ReportId == reportId && f.UserId == me, ct);

    public async Task<bool> IsSupportingAsync(Caller caller, Guid reportId, CancellationToken ct) =>
        caller.UserId is { } me && await db.Set<ReportSupporter>().AnyAsync(f => f.ReportId == reportId && f.UserId == me, ct);

    /// <summary>Alerts for every new report in a mahalla, a district or a city.</summary>
    public async Task<bool> AlertAsync(Caller caller, Guid territoryId, bool on, CancellationToken ct)
    {
        var me = SignedIn(caller);
        var territory = await db.Territories.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == territoryId && t.Kind != TerritoryKind.Region, ct)
            ?? throw new InvalidInputException(Validation.Of("territoryId", "reports.validation.alert_territory"));
        var existing = await db.Set<AreaAlert>().FirstOrDefaultAsync(a => a.UserId == me && a.TerritoryId == territoryId, ct);
        if (on && existing is null)
        {
            db.Add(new AreaAlert(me, territory.Id, territory.Path, clock.GetUtcNow().UtcDateTime));
        }
        else if (!on && existing is not null)
        {
            db.Remove(existing);
        }

        await SaveIgnoringDuplicateAsync(ct);
        return on;
    }

    public async Task<IReadOnlyList<Guid>> AlertsAsync(Caller caller, CancellationToken ct)
    {
        var me = SignedIn(caller);
        return await db.Set<AreaAlert>().AsNoTracking().Where(a => a.UserId == me).Select(a => a.TerritoryId).ToListAsync(ct);
    }

    private async Task SaveIgnoringDuplicateAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click raced us to the same row: the wanted state holds either way.
            db.ChangeTracker.Clear();
        }
    }

    private static Guid SignedIn(Caller caller) => caller.UserId ?? throw new ForbiddenException("reports.rule.sign_in");
}
