using System.Globalization;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.PublicMap;

/// <summary>Filters of the public map and list. Every one optional; an empty value counts as absent.</summary>
public sealed record ReportFilter(string? Bbox, string? Category, string? Status, Guid? TerritoryId, DateOnly? From, DateOnly? To, int? Zoom, int? Page);

public sealed record MapPoint(Guid Id, double Latitude, double Longitude, string Title, string CategoryCode, string Status, int Supporters);

public sealed record MapCluster(double Latitude, double Longitude, int Count);

/// <summary>What the map shows for a viewport: single reports when few, clusters (counts on a grid) when many.</summary>
public sealed record MapData(IReadOnlyList<MapPoint> Reports, IReadOnlyList<MapCluster> Clusters, int Total);

public sealed record ReportListItem(Guid Id, string TrackingNumber, string Title, string CategoryCode, string Status, Guid TerritoryId,
    double? Latitude, double? Longitude, string? Address, int Supporters, DateTime FiledAtUtc);

public sealed record ReportList(IReadOnlyList<ReportListItem> Items, int Page, bool HasMore);

/// <summary>
/// The public map's data endpoint and the public list. A viewport is a box <c>minLon,minLat,maxLon,maxLat</c>;
/// the (latitude, longitude) index finds its reports, and when more than <see cref="ReportsOptions.MapMaxPoints"/> fall inside,
/// the database counts them on a grid whose cell follows the zoom, so the answer stays small at any scale.
/// </summary>
public sealed class MapQueries(MahallaDb db, Microsoft.Extensions.Options.IOptions<ReportsOptions> options)
{
    public const int PageSize = 50;

    public async Task<MapData> MapAsync(ReportFilter filter, CancellationToken ct)
    {
        var box = ParseBox(filter.Bbox) ?? throw new InvalidInputException(Validation.Of("bbox", "reports.validation.bbox"));
        var query = (await FilteredAsync(filter, ct)).Where(r => r.Latitude != null && r.Latitude >= box.MinLat && r.Latitude <= box.MaxLat
            && r.Longitude >= box.MinLon && r.Longitude <= box.MaxLon);

        // Few reports: each one, live. No ordering, so the database stops at the first rows past the limit.
        var maxPoints = options.Value.MapMaxPoints;
        var points = await query.Take(maxPoints + 1)
            .Select(r => new { r.Id, Lat = r.Latitude!.Value, Lon = r.Longitude!.Value, r.Title, r.CategoryCode, r.Status, r.SupporterCount })
            .ToListAsync(ct);
        if (points.Count <= maxPoints)
        {
            return new MapData(points.Select(p => new MapPoint(p.Id, p.Lat, p.Lon, p.Title, p.CategoryCode, p.Status.Code(), p.SupporterCount)).ToList(), [], points.Count);
        }

        // Many: clusters on a grid whose cell is about an eighth of the viewport's shorter side.
        var desired = Math.Max(0.0001, Math.Min(box.MaxLat - box.MinLat, box.MaxLon - box.MinLon) / 8);
        if (filter.TerritoryId is null && filter.From is null && filter.To is null
            && await FromCellsAsync(box, desired, filter, ct) is { Count: > 0 } fromCells)
        {
            return new MapData([], fromCells, fromCells.Sum(c => c.Count));
        }

        var scale = 1 / desired;
        var clusters = await query
            .GroupBy(r => new { Y = (int)((r.Latitude!.Value + 90) * scale), X = (int)((r.Longitude!.Value + 180) * scale) })
            .Select(g => new { g.Key.Y, g.Key.X, Count = g.Count(), Lat = g.Average(r => r.Latitude!.Value), Lon = g.Average(r => r.Longitude!.Value) })
            .ToListAsync(ct);
        return new MapData([], clusters.Select(c => new MapCluster(c.Lat, c.Lon, c.Count)).ToList(), clusters.Sum(c => c.Count));
    }

    /// <summary>Clusters from the prebuilt grid (<see cref="MapCells"/>): the finest level whose cells are at least the desired size.</summary>
    private async Task<List<MapCluster>> FromCellsAsync((double MinLat, double MinLon, double MaxLat, double MaxLon) box, double desired,
        ReportFilter filter, CancellationToken ct)
    {
        var level = 0;
        for (var i = 0; i < MapCells.CellSizes.Length && MapCells.CellSizes[i] >= desired; i++)
        {
            level = i;
        }

        var (y1, y2) = (MapCells.CellOf(box.MinLat, 90, level), MapCells.CellOf(box.MaxLat, 90, level));
        var (x1, x2) = (MapCells.CellOf(box.MinLon, 180, level), MapCells.CellOf(box.MaxLon, 180, level));
        var cells = db.Set<ReportMapCell>().AsNoTracking().Where(c => c.Level == level && c.Y >= y1 && c.Y <= y2 && c.X >= x1 && c.X <= x2);
        if (!string.IsNullOrEmpty(filter.Category))
        {
            cells = cells.Where(c => c.CategoryCode == filter.Category);
        }

        if (StatusesFor(filter.Status) is { } statuses)
        {
            cells = cells.Where(c => statuses.Contains(c.Status));
        }

        var rows = await cells.GroupBy(c => new { c.Y, c.X })
            .Select(g => new { Count = g.Sum(c => c.Count), Lat = g.Sum(c => c.SumLatitude), Lon = g.Sum(c => c.SumLongitude) })
            .ToListAsync(ct);
        return rows.Where(r => r.Count > 0).Select(r => new MapCluster(r.Lat / r.Count, r.Lon / r.Count, r.Count)).ToList();
    }

    /// <summary>The statuses a status filter means: open, fixed (marked fixed, confirmed or closed), or one status by its code.</summary>
    public static AppealStatus[]? StatusesFor(string? status) => status switch
    {
        null or "" => null,
        "open" => [AppealStatus.Submitted, AppealStatus.InProgress, AppealStatus.Reopened],
        "fixed" => [AppealStatus.Answered, AppealStatus.Resolved, AppealStatus.ClosedUnconfirmed],
        _ => AppealWords.ParseStatus(status) is { } one ? [one] : throw new InvalidInputException(Validation.Of("status", "validation.status")),
    };

    public async Task<ReportList> ListAsync(ReportFilter filter, CancellationToken ct)
    {
        var page = Math.Clamp(filter.Page ?? 1, 1, 10_000);
        var query = await FilteredAsync(filter, ct);
        if (!string.IsNullOrEmpty(filter.Bbox))
        {
            var box = ParseBox(filter.Bbox) ?? throw new InvalidInputException(Validation.Of("bbox", "reports.validation.bbox"));
            query = query.Where(r => r.Latitude >= box.MinLat && r.Latitude <= box.MaxLat && r.Longitude >= box.MinLon && r.Longitude <= box.MaxLon);
        }

        var rows = await (from r in query
                          join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                          orderby r.FiledAtUtc descending, r.Id
                          select new { r, a.TrackingNumber })
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        var items = rows.Take(PageSize).Select(x => new ReportListItem(x.r.Id, x.TrackingNumber, x.r.Title, x.r.CategoryCode, x.r.Status.Code(),
            x.r.TerritoryId, x.r.Latitude, x.r.Longitude, x.r.Address, x.r.SupporterCount, x.r.FiledAtUtc)).ToList();
        return new ReportList(items, page, rows.Count > PageSize);
    }

    private async Task<IQueryable<Report>> FilteredAsync(ReportFilter filter, CancellationToken ct)
    {
        var validation = new Validation();
        var query = db.Set<Report>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Category))
        {
            query = query.Where(r => r.CategoryCode == filter.Category);
        }

        if (StatusesFor(filter.Status) is { } statuses)
        {
            query = query.Where(r => statuses.Contains(r.Status));
        }

        if (filter.TerritoryId is { } territoryId)
        {
            var path = await db.Territories.AsNoTracking().Where(t => t.Id == territoryId).Select(t => t.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                validation.Add("territoryId", "validation.territory");
            }
            else
            {
                query = query.Where(r => r.TerritoryPath.StartsWith(path));
            }
        }

        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-5);
            query = query.Where(r => r.FiledAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-5);
            query = query.Where(r => r.FiledAtUtc < toUtc);
        }

        validation.ThrowIfInvalid();
        return query;
    }

    /// <summary><c>minLon,minLat,maxLon,maxLat</c> (the Leaflet/GeoJSON order), within range and not inverted.</summary>
    public static (double MinLat, double MinLon, double MaxLat, double MaxLon)? ParseBox(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 4 })
        {
            return null;
        }

        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        var (minLon, minLat, maxLon, maxLat) = (values[0], values[1], values[2], values[3]);
        if (minLat is < -90 or > 90 || maxLat is < -90 or > 90 || minLon is < -180 or > 180 || maxLon is < -180 or > 180
            || minLat > maxLat || minLon > maxLon)
        {
            return null;
        }

        return (minLat, minLon, maxLat, maxLon);
    }
}

/// <summary>Open reports of the same category near a point: the "is it already reported?" check before filing.</summary>
public sealed class Nearby(MahallaDb db, Microsoft.Extensions.Options.IOptions<ReportsOptions> options)
{
    public sealed record NearbyReport(Guid Id, string Title, double Latitude, double Longitude, double DistanceMeters, int Supporters, DateTime FiledAtUtc);

    public async Task<IReadOnlyList<NearbyReport>> FindAsync(string? categoryCode, double? latitude, double? longitude, CancellationToken ct)
    {
        var validation = new Validation();
        if (string.IsNullOrEmpty(categoryCode) || categoryCode.Length > 40)
        {
            validation.Add("categoryCode", "reports.validation.category");
        }

        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180))
        {
            validation.Add("latitude", "reports.validation.location");
        }

        validation.ThrowIfInvalid();
        var radius = await db.Set<ReportCategory>().AsNoTracking().Where(c => c.CategoryCode == categoryCode)
            .Select(c => (int?)c.NearbyRadiusMeters).FirstOrDefaultAsync(ct) ?? options.Value.DefaultNearbyRadiusMeters;
        var (lat, lon) = (latitude!.Value, longitude!.Value);
        var box = Earth.BoxAround(lat, lon, radius);
        var candidates = await db.Set<Report>().AsNoTracking()
            .Where(r => r.CategoryCode == categoryCode
                && AppealWords.OpenStatuses.Contains(r.Status)
                && r.Latitude >= box.MinLat && r.Latitude <= box.MaxLat && r.Longitude >= box.MinLon && r.Longitude <= box.MaxLon)
            .Select(r => new { r.Id, r.Title, Lat = r.Latitude!.Value, Lon = r.Longitude!.Value, r.SupporterCount, r.FiledAtUtc })
            .Take(500)
            .ToListAsync(ct);
        return candidates
            .Select(c => new NearbyReport(c.Id, c.Title, c.Lat, c.Lon, Math.Round(Earth.DistanceMeters(lat, lon, c.Lat, c.Lon)), c.SupporterCount, c.FiledAtUtc))
            .Where(c => c.DistanceMeters <= radius)
            .OrderBy(c => c.DistanceMeters)
            .Take(10)
            .ToList();
    }
}
