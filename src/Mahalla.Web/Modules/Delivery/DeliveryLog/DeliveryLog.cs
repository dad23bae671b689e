using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Delivery.DeliveryLog;

public sealed record DeliveryItem(
    Guid Id, Guid ReportId, string TrackingNumber, Guid OrganizationId, string Organization, string Method, string Kind, string Status,
    int Attempts, DateTime CreatedAtUtc, DateTime? NextAttemptUtc, DateTime? DeliveredAtUtc, int? LastStatusCode, string? LastError,
    string? RemoteId, string? RemoteStatus, DateTime? LastPolledAtUtc, string? LastPollError);

public sealed record DeliveryPage(IReadOnlyList<DeliveryItem> Items, int Page, int PageSize, int Total);

public sealed record AttemptView(int Number, DateTime StartedAtUtc, int DurationMs, int? StatusCode, bool Succeeded, string? Error);

public sealed record DeliveryDetail(DeliveryItem Delivery, IReadOnlyList<AttemptView> Attempts);

public sealed record DeliveryFilter(string? Status, Guid? OrganizationId, Guid? ReportId, int Page);

/// <summary>
/// The delivery log: staff see their own organisation's deliveries, administrators everyone's — with each
/// attempt's time, duration, status code and error — and can send a delivery again. Nothing here holds
/// personal data: the log names reports by tracking number only.
/// </summary>
internal sealed class DeliveryLogQueries(MahallaDb db, Texts texts, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<DeliveryPage> ListAsync(Caller caller, DeliveryFilter filter, CancellationToken ct)
    {
        var validation = new Validation();
        DeliveryStatus? status = null;
        if (!string.IsNullOrEmpty(filter.Status) && (status = DeliveryWords.ParseStatus(filter.Status)) is null)
        {
            validation.Add("status", "delivery.validation.status");
        }

        validation.ThrowIfInvalid();
        var query = Visible(caller);
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (filter.OrganizationId is { } org)
        {
            query = query.Where(d => d.OrganizationId == org);
        }

        if (filter.ReportId is { } report)
        {
            query = query.Where(d => d.ReportId == report);
        }

        var page = Math.Clamp(filter.Page, 1, 10_000);
        var total = await query.CountAsync(ct);
        var items = await ItemsAsync(query.OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize), ct);
        return new DeliveryPage(items, page, PageSize, total);
    }

    public async Task<DeliveryDetail> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var item = (await ItemsAsync(Visible(caller).Where(d => d.Id == id), ct)).SingleOrDefault() ?? throw new NotFoundException();
        var attempts = await db.Set<DeliveryAttempt>().AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.Number).ThenBy(a => a.StartedAtUtc)
            .Select(a => new AttemptView(a.Number, a.StartedAtUtc, a.DurationMs, a.StatusCode, a.Succeeded, a.Error)).ToListAsync(ct);
        return new DeliveryDetail(item, attempts);
    }

    /// <summary>Sends a delivery again at once, with a fresh retry budget (a failed one, or a pending one waiting out its back-off).</summary>
    public async Task<DeliveryDetail> RetryAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var delivery = await VisibleTo(caller, db.Set<ReportDelivery>()).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException();
        delivery.RetryByHand(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, id, ct);
    }

    /// <summary>How many of the caller's deliveries have failed and wait for someone to send them again (the staff pages show it).</summary>
    public Task<int> CountFailedAsync(Caller caller, CancellationToken ct) =>
        Visible(caller).CountAsync(d => d.Status == DeliveryStatus.Failed, ct);

    private IQueryable<ReportDelivery> Visible(Caller caller) => VisibleTo(caller, db.Set<ReportDelivery>().AsNoTracking());

    private static IQueryable<ReportDelivery> VisibleTo(Caller caller, IQueryable<ReportDelivery> deliveries)
    {
        if (caller.Is(Roles.Administrator))
        {
            return deliveries;
        }

        var org = caller.OrganizationId;
        return caller.IsStaff && org is not null ? deliveries.Where(d => d.OrganizationId == org) : deliveries.Where(_ => false);
    }

    private async Task<List<DeliveryItem>> ItemsAsync(IQueryable<ReportDelivery> query, CancellationToken ct)
    {
        var culture = texts.Culture;
        var rows = await (from d in query
                          join a in db.Appeals.AsNoTracking() on d.ReportId equals a.Id
                          join o in db.Organizations.AsNoTracking() on d.OrganizationId equals o.Id
                          select new { d, a.TrackingNumber, o.Name }).ToListAsync(ct);
        // The page was cut in the database; its order is restored here, after the join.
        return rows.OrderByDescending(r => r.d.CreatedAtUtc).ThenByDescending(r => r.d.Id).Select(r => new DeliveryItem(r.d.Id, r.d.ReportId, r.TrackingNumber, r.d.OrganizationId, r.Name.In(culture), r.d.Method.Code(),
            r.d.Kind.Code(), r.d.Status.Code(), r.d.Attempts, r.d.CreatedAtUtc, r.d.NextAttemptUtc, r.d.DeliveredAtUtc, r.d.LastStatusCode,
            r.d.LastError, r.d.RemoteId, r.d.RemoteStatus, r.d.LastPolledAtUtc, r.d.LastPollError)).ToList();
    }
}
