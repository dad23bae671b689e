using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Reports.Geo;

/// <summary>How a point was placed in a mahalla.</summary>
public enum PlacedBy
{
    /// <summary>The point lies inside the mahalla's boundary.</summary>
    MahallaBoundary = 1,
    /// <summary>Inside a district's boundary but no mahalla's: the district's nearest mahalla centre.</summary>
    DistrictBoundaryNearestCentre = 2,
    /// <summary>No boundary covers the point: the nearest mahalla centre.</summary>
    NearestCentre = 3,
}

public sealed record Placement(Guid MahallaId, string MahallaPath, PlacedBy By, double DistanceToCentreMeters);

/// <summary>
/// The point decides the territory: the smallest mahalla boundary that contains it; else, inside a district
/// boundary, that district's nearest mahalla centre; else the nearest mahalla centre, within
/// <see cref="ReportsOptions.MaxFallbackDistanceMeters"/>. Boundaries and centres are cached per node and
/// re-read when an import on any node changes the boundaries' fingerprint (ADR 0060).
/// </summary>
public sealed class Locator(MahallaDb db, IMemoryCache cache, IOptions<ReportsOptions> options)
{
    private const string CacheKey = "reports:geo-index";

    public async Task<Placement?> PlaceAsync(double latitude, double longitude, CancellationToken ct)
    {
        var index = await IndexAsync(ct);
        var byBoundary = index.Mahallas
            .Where(b => b.Shape.Contains(latitude, longitude))
            .OrderBy(b => b.Area)
            .FirstOrDefault();
        if (byBoundary is not null)
        {
            return new Placement(byBoundary.TerritoryId, byBoundary.Path, PlacedBy.MahallaBoundary, Distance(byBoundary.Centre));
        }

        var district = index.Districts.Where(b => b.Shape.Contains(latitude, longitude)).OrderBy(b => b.Area).FirstOrDefault();
        if (district is not null)
        {
            var inDistrict = index.Centres.Where(c => c.Path.StartsWith(district.Path, StringComparison.Ordinal))
                .MinBy(c => Distance((c.Lat, c.Lon)));
            if (inDistrict is not null)
            {
                return new Placement(inDistrict.Id, inDistrict.Path, PlacedBy.DistrictBoundaryNearestCentre, Distance((inDistrict.Lat, inDistrict.Lon)));
            }
        }

        var nearest = index.Centres.MinBy(c => Distance((c.Lat, c.Lon)));
        if (nearest is null || Distance((nearest.Lat, nearest.Lon)) > options.Value.MaxFallbackDistanceMeters)
        {
            return null;
        }

        return new Placement(nearest.Id, nearest.Path, PlacedBy.NearestCentre, Distance((nearest.Lat, nearest.Lon)));

        double Distance((double Lat, double Lon) centre) => Earth.DistanceMeters(latitude, longitude, centre.Lat, centre.Lon);
    }

    /// <summary>Forgets the cached boundaries on this node (other nodes notice the new fingerprint).</summary>
    public void Invalidate() => cache.Remove(CacheKey);

    private async Task<GeoIndex> IndexAsync(CancellationToken ct)
    {
        var fingerprint = await db.Set<Data.TerritoryBoundary>().AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(b => b.ImportedAtUtc) })
            .FirstOrDefaultAsync(ct);
        var key = $"{fingerprint?.Count ?? 0}:{fingerprint?.Latest.Ticks ?? 0}";
        if (cache.TryGetValue(CacheKey, out GeoIndex? cached) && cached!.Fingerprint == key)
        {
            return cached;
        }

        var rows = await (from b in db.Set<Data.TerritoryBoundary>().AsNoTracking()
                          join t in db.Territories.AsNoTracking() on b.TerritoryId equals t.Id
                          select new { b.TerritoryId, b.GeoJson, t.Kind, t.Path }).ToListAsync(ct);
        var shapes = rows.Select(r =>
        {
            var shape = GeoShape.Parse(r.GeoJson);
            return new Bounded(r.TerritoryId, r.Path, r.Kind, shape, shape.AreaSquareMeters(), shape.Centre());
        }).ToList();
        var centres = await db.Territories.AsNoTracking()
            .Where(t => t.Kind == TerritoryKind.Mahalla && t.Latitude != null && t.Longitude != null)
            .Select(t => new Centre(t.Id, t.Path, t.Latitude!.Value, t.Longitude!.Value))
            .ToListAsync(ct);
        var index = new GeoIndex(key,
            shapes.Where(s => s.Kind == TerritoryKind.Mahalla).ToList(),
            shapes.Where(s => s.Kind is TerritoryKind.District or TerritoryKind.City).ToList(),
            centres);
        cache.Set(CacheKey, index, TimeSpan.FromMinutes(1));
        return index;
    }

    private sealed record Bounded(Guid TerritoryId, string Path, TerritoryKind Kind, GeoShape Shape, double Area, (double Lat, double Lon) Centre);

    private sealed record Centre(Guid Id, string Path, double Lat, double Lon);

    private sealed record GeoIndex(string Fingerprint, List<Bounded> Mahallas, List<Bounded> Districts, List<Centre> Centres);
}
