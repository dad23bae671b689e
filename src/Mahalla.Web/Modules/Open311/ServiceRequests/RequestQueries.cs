using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.ServiceRequests;

/// <summary>What <c>GET requests</c> asks for, read from its arguments.</summary>
internal sealed record RequestFilter(
    IReadOnlyList<string> TrackingNumbers, IReadOnlyList<string> ServiceCodes, DateTime FromUtc, DateTime ToUtc, bool? Open, int Page, int PageSize);

/// <summary>
/// <c>GET requests</c> and <c>GET requests/{id}</c>: reports as the public may see them — every channel's, not
/// only Open311's. <c>service_request_id</c> is the tracking number; <c>status</c> is <c>open</c> while the
/// request engine works on it (submitted, in progress, reopened) and <c>closed</c> once answered, resolved or
/// closed without confirmation; a dispute reopens it. Never a name, phone number or e-mail; the media_url is
/// the first of the report's own photos (stripped of metadata), never a URL a client gave.
/// </summary>
internal sealed class RequestQueries(MahallaDb db, ReferenceCache reference, Texts texts)
{
    public const int MaxPageSize = 1_000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>Reads the list's arguments; an invalid one is a 400 naming it.</summary>
    public static RequestFilter FilterFrom(Parameters arguments, DateTime nowUtc)
    {
        var ids = arguments.List("service_request_id");
        if (ids.Count > MaxPageSize)
        {
            throw Open311Exception.BadRequest("service_request_id: at most 1,000 ids.");
        }

        var (from, to) = Window(arguments, nowUtc);
        bool? open = null;
        var statuses = arguments.List("status").Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses.Any(s => s is not ("open" or "closed")))
        {
            throw Open311Exception.BadRequest("status must be open, closed, or both (comma-separated).");
        }

        if (statuses.Count == 1)
        {
            open = statuses[0] == "open";
        }

        var page = Number(arguments["page"], "page", 1, 1_000_000) ?? 1;
        var size = Number(arguments["page_size"], "page_size", 1, MaxPageSize) ?? MaxPageSize;
        return new RequestFilter(ids.Select(TrackingNumberOf).ToList(), arguments.List("service_code"), from, to, open, page, size);
    }

    /// <summary>
    /// <c>start_date</c>/<c>end_date</c>: the spec's window of at most 90 days, the last 90 days by default;
    /// one bound alone reaches 90 days from it.
    /// </summary>
    public static (DateTime From, DateTime To) Window(Parameters arguments, DateTime nowUtc)
    {
        var start = Date(arguments["start_date"], "start_date");
        var end = Date(arguments["end_date"], "end_date");
        var to = end ?? (start is { } s ? s + MaxSpan : nowUtc);
        var from = start ?? to - MaxSpan;
        if (from > to)
        {
            throw Open311Exception.BadRequest("start_date is after end_date.");
        }

        if (to - from > MaxSpan)
        {
            throw Open311Exception.BadRequest("start_date and end_date may not span more than 90 days.");
        }

        return (from, to);
    }

    public async Task<Node> ListAsync(RequestFilter filter, Jurisdiction jurisdiction, HttpRequest request, CancellationToken ct)
    {
        var reports = db.Set<Report>().AsNoTracking();
        if (jurisdiction.TerritoryPath is { } path)
        {
            reports = reports.Where(r => r.TerritoryPath.StartsWith(path));
        }

        if (filter.TrackingNumbers.Count > 0)
        {
            // The ids override every other argument.
            var ids = filter.TrackingNumbers;
            var appeals = db.Appeals.Where(a => ids.Contains(a.TrackingNumber)).Select(a => a.Id);
            reports = reports.Where(r => appeals.Contains(r.Id));
        }
        else
        {
            reports = reports.Where(r => r.FiledAtUtc >= filter.FromUtc && r.FiledAtUtc <= filter.ToUtc);
            if (filter.ServiceCodes.Count > 0)
            {
                var codes = filter.ServiceCodes;
                reports = reports.Where(r => codes.Contains(r.CategoryCode));
            }

            if (filter.Open is { } open)
            {
                reports = open ? reports.Where(r => AppealWords.OpenStatuses.Contains(r.Status)) : reports.Where(r => !AppealWords.OpenStatuses.Contains(r.Status));
            }
        }

        var rows = await (from r in reports
                          join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                          orderby r.FiledAtUtc descending, r.Id
                          select new Row(r.Id, a.TrackingNumber, r.Status, a.AnswerText, r.CategoryCode, a.Text, a.ResponsibleOrganizationId,
                              r.FiledAtUtc, r.UpdatedAtUtc, a.AnswerDueUtc, r.Address, r.TerritoryId, r.TerritoryPath, r.Latitude, r.Longitude))
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return await DocumentAsync(rows, request, ct);
    }

    /// <summary>One request by its tracking number (typed loosely: lowercase, spaces); 404 when there is none in the jurisdiction.</summary>
    public async Task<Node> GetAsync(string serviceRequestId, Jurisdiction jurisdiction, HttpRequest request, CancellationToken ct)
    {
        var document = (Many)await ListAsync(new RequestFilter([TrackingNumberOf(serviceRequestId)], [], default, default, null, 1, 1), jurisdiction, request, ct);
        return document.Items.Count > 0 ? document
            : throw Open311Exception.NotFound($"service_request_id{Open311Exception.Quoted(serviceRequestId)} was not found.");
    }

    private async Task<Node> DocumentAsync(List<Row> rows, HttpRequest request, CancellationToken ct)
    {
        var culture = texts.Culture;
        var reportIds = rows.Select(r => r.Id).ToList();
        // Names of categories, organisations and places from the node's reference-data copy (ADR 0011).
        var data = await reference.GetAsync(db, ct);
        var photos = await db.Set<ReportPhoto>().AsNoTracking().Where(p => reportIds.Contains(p.ReportId) && p.Position == 0)
            .Select(p => new { p.ReportId, p.Id }).ToDictionaryAsync(p => p.ReportId, p => p.Id, ct);
        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";

        return new Many("service_requests", "request", rows.Select(r =>
        {
            var place = PathIds(r.TerritoryPath).Reverse().Select(id => data.Territory(id)?.Name.In(culture)).OfType<string>();
            var mahalla = data.Territory(r.TerritoryId);
            var status = texts[$"status.{r.Status.Code()}"];
            return (Node)new Group("request",
                new Leaf("service_request_id", r.TrackingNumber),
                new Leaf("status", StatusOf(r.Status)),
                new Leaf("status_notes", r.AnswerText is { } answer && !r.Status.IsOpen() ? $"{status}: {answer}" : status),
                new Leaf("service_name", data.Category(r.CategoryCode)?.Name.In(culture) ?? r.CategoryCode),
                new Leaf("service_code", r.CategoryCode),
                new Leaf("description", r.Description),
                new Leaf("agency_responsible", data.Organization(r.OrganizationId)?.Name.In(culture)),
                new Leaf("service_notice", null),
                new Leaf("requested_datetime", W3cDates.Format(r.FiledAtUtc)),
                new Leaf("updated_datetime", W3cDates.Format(r.UpdatedAtUtc)),
                new Leaf("expected_datetime", W3cDates.Format(r.AnswerDueUtc)),
                new Leaf("address", string.Join(", ", place.Prepend(r.Address).OfType<string>())),
                new Leaf("address_id", mahalla?.SoatoCode ?? r.TerritoryId.ToString()),
                new Leaf("zipcode", null),
                new Leaf("lat", r.Latitude),
                new Leaf("long", r.Longitude),
                new Leaf("media_url", photos.TryGetValue(r.Id, out var photo) ? $"{origin}/reports/photos/{photo:N}" : null));
        }).ToList());
    }

    /// <summary>The GeoReport status of a request-engine status.</summary>
    public static string StatusOf(AppealStatus status) => status.IsOpen() ? "open" : "closed";

    private static string TrackingNumberOf(string typed) => Appeals.Data.TrackingNumbers.Normalize(typed) ?? typed;

    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => Guid.TryParseExact(p, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty);

    private static DateTime? Date(string? text, string name) =>
        text is null ? null : W3cDates.Parse(text) ?? throw Open311Exception.BadRequest($"{name} must be a W3C date-time with a time zone, e.g. 2026-11-03T10:00:00+05:00.");

    private static int? Number(string? text, string name, int min, int max) =>
        text is null ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw Open311Exception.BadRequest($"{name} must be a whole number from {min} to {max}.");

    private sealed record Row(
        Guid Id, string TrackingNumber, AppealStatus Status, string? AnswerText, string CategoryCode, string Description, Guid OrganizationId,
        DateTime FiledAtUtc, DateTime UpdatedAtUtc, DateTime AnswerDueUtc, string? Address, Guid TerritoryId, string TerritoryPath,
        double? Latitude, double? Longitude);
}
