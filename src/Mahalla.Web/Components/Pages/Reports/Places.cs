using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Components.Pages.Reports;

public sealed record MahallaChoice(Guid Id, string Name, double? Latitude, double? Longitude);

public sealed record DistrictChoice(Guid Id, string Name, IReadOnlyList<MahallaChoice> Mahallas);

/// <summary>
/// The places the report pages offer without a map: mahallas grouped by their district or city, in the page's
/// language. A national list is too long for one select, so past <see cref="MaxMahallasInOneList"/> the pages ask
/// for the district first (as the appeal form does).
/// </summary>
public static class Places
{
    public const int MaxMahallasInOneList = 300;

    /// <summary>Every district or city that has mahallas, without them (the first step of a long list).</summary>
    public static async Task<List<DistrictChoice>> DistrictsAsync(MahallaDb db, string culture, CancellationToken ct)
    {
        var parents = await db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Mahalla && t.ParentId != null)
            .Select(t => t.ParentId!.Value).Distinct().ToListAsync(ct);
        var districts = await db.Territories.AsNoTracking().Where(t => parents.Contains(t.Id)).ToListAsync(ct);
        return districts.Select(d => new DistrictChoice(d.Id, d.Name.In(culture), [])).OrderBy(d => d.Name, Order).ToList();
    }

    /// <summary>The mahallas, grouped by district; only one district's when <paramref name="district"/> is given.</summary>
    public static async Task<List<DistrictChoice>> MahallasAsync(MahallaDb db, string culture, Guid? district, CancellationToken ct)
    {
        var query = db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Mahalla);
        if (district is { } d)
        {
            query = query.Where(t => t.ParentId == d);
        }

        var mahallas = await query.ToListAsync(ct);
        var parentIds = mahallas.Select(m => m.ParentId).OfType<Guid>().Distinct().ToList();
        var parents = await db.Territories.AsNoTracking().Where(t => parentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return mahallas.GroupBy(m => m.ParentId ?? Guid.Empty)
            .Select(g => new DistrictChoice(g.Key, parents.TryGetValue(g.Key, out var p) ? p.Name.In(culture) : "",
                g.Select(m => new MahallaChoice(m.Id, m.Name.In(culture), m.Latitude, m.Longitude)).OrderBy(m => m.Name, Order).ToList()))
            .OrderBy(g => g.Name, Order).ToList();
    }

    /// <summary>Where the maps open: the middle of the mahallas' centres (the service area), or central Tashkent.</summary>
    public static async Task<(double Latitude, double Longitude)> CentreAsync(MahallaDb db, CancellationToken ct)
    {
        var centres = db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Mahalla && t.Latitude != null && t.Longitude != null);
        return await centres.AnyAsync(ct)
            ? (await centres.AverageAsync(t => t.Latitude!.Value, ct), await centres.AverageAsync(t => t.Longitude!.Value, ct))
            : (41.3111, 69.2797);
    }

    /// <summary>A coordinate as the maps and forms write it (invariant, about 10 cm).</summary>
    public static string Coordinate(double value) => value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<int> MahallaCountAsync(MahallaDb db, CancellationToken ct) =>
        await db.Territories.AsNoTracking().CountAsync(t => t.Kind == TerritoryKind.Mahalla, ct);

    /// <summary>The names of some territories in the page's language.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(MahallaDb db, string culture, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Territories.AsNoTracking().Where(t => wanted.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Name.In(culture));
    }

    private static readonly StringComparer Order = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true);
}
