using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Delivery.Sending;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Delivery.Planning;

/// <summary>
/// Plans deliveries in the same SaveChanges — hence the same transaction — as the change that calls for them,
/// whichever module made it: a report filed, a report whose responsible organisation changed (a category
/// change, a forward), or a report whose status changed after it was sent (answered, reopened by the reporter's
/// dispute, confirmed, closed). The organisation's method decides: nothing for the inbox, a delivery row
/// otherwise, which the worker sends after commit. On re-routing the previous organisation is told — its staff
/// in the app, and its own system by a withdrawal when the report may have reached it — its undelivered
/// deliveries are cancelled and its Open311 status pull stops. Status changes go to webhooks as updates, and a
/// reopening to Open311 servers (ADR 0063). A delivery cannot be lost between the change and the worker, nor
/// sent for a change that rolled back.
/// </summary>
internal sealed class DeliveryPlanner(TextCatalog catalog, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        PlanAsync(eventData.Context, sync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await PlanAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private async ValueTask PlanAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is not MahallaDb db)
        {
            return;
        }

        if (!db.ChangeTracker.TracksReport())
        {
            return;
        }

        var changes = new List<(Appeal Appeal, Guid? From)>();
        var updates = new List<Appeal>();
        HashSet<(Guid ReportId, Guid OrganizationId, DeliveryKind Kind)> planned;
        using (db.ChangeTracker.DetectOnce())
        {
            foreach (var entry in db.ChangeTracker.Entries<Appeal>().Where(e => e.Entity.Type == AppealType.Report))
            {
                if (entry.State == EntityState.Added)
                {
                    changes.Add((entry.Entity, null));
                }
                else if (entry.State == EntityState.Modified
                    && entry.Property(a => a.ResponsibleOrganizationId).OriginalValue is var from && from != entry.Entity.ResponsibleOrganizationId)
                {
                    changes.Add((entry.Entity, from));
                }
                else if (entry.State == EntityState.Modified && entry.Property(a => a.Status).OriginalValue != entry.Entity.Status
                    && entry.Entity.Status is AppealStatus.Answered or AppealStatus.Reopened or AppealStatus.Resolved or AppealStatus.ClosedUnconfirmed)
                {
                    updates.Add(entry.Entity);
                }
            }

            if (changes.Count == 0 && updates.Count == 0)
            {
                return;
            }

            // A SaveChanges retried on the same context must not plan a delivery twice.
            planned = db.ChangeTracker.Entries<ReportDelivery>().Where(e => e.State == EntityState.Added)
                .Select(e => (e.Entity.ReportId, e.Entity.OrganizationId, e.Entity.Kind)).ToHashSet();
        }

        var orgIds = changes.Select(c => c.Appeal.ResponsibleOrganizationId).Concat(changes.Select(c => c.From).OfType<Guid>())
            .Concat(updates.Select(a => a.ResponsibleOrganizationId)).Distinct().ToList();
        var settings = (await ListAsync(db.Set<DeliverySettings>().AsNoTracking().Where(s => orgIds.Contains(s.OrganizationId)), sync, ct))
            .ToDictionary(s => s.OrganizationId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (appeal, from) in changes)
        {
            if (from is { } previous)
            {
                await WithdrawAsync(db, appeal, previous, settings.GetValueOrDefault(previous), planned, now, sync, ct);
            }

            var method = settings.GetValueOrDefault(appeal.ResponsibleOrganizationId)?.Method ?? DeliveryMethod.Inbox;
            if (method != DeliveryMethod.Inbox && planned.Add((appeal.Id, appeal.ResponsibleOrganizationId, DeliveryKind.Report)))
            {
                db.Add(new ReportDelivery(Guid.CreateVersion7(), appeal.Id, appeal.ResponsibleOrganizationId, method, DeliveryKind.Report, now));
            }
        }

        foreach (var appeal in updates)
        {
            await PlanUpdateAsync(db, appeal, settings.GetValueOrDefault(appeal.ResponsibleOrganizationId), planned, now, sync, ct);
        }
    }

    /// <summary>
    /// A report the organisation received changed status here (ADR 0063): a webhook hears of every answer, reopening,
    /// confirmation and closure; an Open311 server of a reopening, which its own "closed" cannot tell it. Nothing is
    /// sent for a report that never went to the organisation's system, nor echoed back to the system that made the change.
    /// </summary>
    private static async Task PlanUpdateAsync(MahallaDb db, Appeal appeal, DeliverySettings? settings,
        HashSet<(Guid, Guid, DeliveryKind)> planned, DateTime now, bool sync, CancellationToken ct)
    {
        var wanted = settings?.Method switch
        {
            DeliveryMethod.Webhook => true,
            DeliveryMethod.Open311 => appeal.Status == AppealStatus.Reopened,
            _ => false,
        };
        var actorRole = appeal.Events.Count > 0 ? appeal.Events[^1].ActorRole : null;
        var organization = appeal.ResponsibleOrganizationId;
        if (!wanted || actorRole == DeliveryWorker.ExternalSystemRole || planned.Contains((appeal.Id, organization, DeliveryKind.Update)))
        {
            return;
        }

        var earlier = await ListAsync(db.Set<ReportDelivery>().AsNoTracking()
            .Where(d => d.ReportId == appeal.Id && d.OrganizationId == organization && d.Kind != DeliveryKind.Withdrawal && d.Status != DeliveryStatus.Cancelled), sync, ct);
        var received = settings!.Method == DeliveryMethod.Webhook
            ? earlier.Any(d => d.Kind == DeliveryKind.Report)
            : earlier.Any(d => d.HoldsOpen311Request);
        if (received && planned.Add((appeal.Id, organization, DeliveryKind.Update)))
        {
            db.Add(new ReportDelivery(Guid.CreateVersion7(), appeal.Id, organization, settings.Method, DeliveryKind.Update, now));
        }
    }

    private async Task WithdrawAsync(MahallaDb db, Appeal appeal, Guid previous, DeliverySettings? settings,
        HashSet<(Guid, Guid, DeliveryKind)> planned, DateTime now, bool sync, CancellationToken ct)
    {
        var earlier = await ListAsync(db.Set<ReportDelivery>()
            .Where(d => d.ReportId == appeal.Id && d.OrganizationId == previous && d.Kind != DeliveryKind.Withdrawal), sync, ct);
        var reached = earlier.Where(d => d.MayHaveReached).OrderByDescending(d => d.CreatedAtUtc).FirstOrDefault();
        foreach (var delivery in earlier)
        {
            if (delivery.Status is DeliveryStatus.Pending or DeliveryStatus.Failed)
            {
                delivery.Cancel();
            }

            if (delivery.NextPollUtc is not null)
            {
                delivery.StopPolling();
            }
        }

        // GeoReport v2 itself cannot withdraw a request; servers with the updates extension are told it is closed (ADR 0062).
        var canWithdraw = reached is not null
            && (reached.Method != DeliveryMethod.Open311 || (settings?.Open311PostsUpdates == true && earlier.Any(d => d.HoldsOpen311Request)));
        if (canWithdraw && planned.Add((appeal.Id, previous, DeliveryKind.Withdrawal)))
        {
            db.Add(new ReportDelivery(Guid.CreateVersion7(), appeal.Id, previous, reached!.Method, DeliveryKind.Withdrawal, now));
        }

        await TellPreviousStaffAsync(db, appeal, previous, sync, ct);
    }

    private async Task TellPreviousStaffAsync(MahallaDb db, Appeal appeal, Guid previous, bool sync, CancellationToken ct)
    {
        var actor = appeal.Events.Count > 0 ? appeal.Events[^1].ActorUserId : null;
        var staff = await ListAsync(db.Users.AsNoTracking().Where(u => u.OrganizationId == previous && u.Id != actor)
            .Select(u => new Recipient(u.Id, u.PreferredLanguage, u.Email)), sync, ct);
        if (staff.Count == 0)
        {
            return;
        }

        var category = (await ListAsync(db.Categories.AsNoTracking().Where(c => c.Code == appeal.CategoryCode).Select(c => c.Name), sync, ct)).FirstOrDefault();
        var target = (await ListAsync(db.Organizations.AsNoTracking().Where(o => o.Id == appeal.ResponsibleOrganizationId).Select(o => o.Name), sync, ct)).FirstOrDefault();
        var notifier = new Notifier(db, catalog, clock);
        foreach (var recipient in staff)
        {
            notifier.Notify(recipient, appeal.Id, "report_rerouted",
                language => [appeal.TrackingNumber, category?.In(language) ?? appeal.CategoryCode, target?.In(language) ?? ""]);
        }
    }

    private static async Task<List<T>> ListAsync<T>(IQueryable<T> query, bool sync, CancellationToken ct) =>
        sync ? query.ToList() : await query.ToListAsync(ct);
}
