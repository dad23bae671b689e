using System.Text.Json;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.Settings;

public sealed record QuestionValueView(string Key, string Name);

public sealed record QuestionView(string Code, string Type, bool Required, int Order, string Prompt, IReadOnlyList<QuestionValueView> Values);

public sealed record ReportCategoryView(string Code, string Name, int NearbyRadiusMeters, bool Realtime, IReadOnlyList<QuestionView> Questions);

public sealed record ReportCategoryRequest(bool? IsReportable, int? NearbyRadiusMeters, bool? Realtime, List<ReportQuestion>? Questions);

public sealed record BoundaryView(Guid TerritoryId, string Territory, string Kind, double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude, DateTime ImportedAtUtc);

public sealed record BoundaryImportResult(int Imported);

/// <summary>What categories residents can report on the map (with their questions), and the territories' boundaries.</summary>
public sealed class ReportSettings(MahallaDb db, Locator locator, TimeProvider clock, Texts texts)
{
    public async Task<IReadOnlyList<ReportCategoryView>> CategoriesAsync(CancellationToken ct)
    {
        var culture = texts.Culture;
        var rows = await (from r in db.Set<ReportCategory>().AsNoTracking()
                          join c in db.Categories.AsNoTracking() on r.CategoryCode equals c.Code
                          where r.IsReportable && c.IsActive
                          orderby c.SortOrder
                          select new { r, c.Name }).ToListAsync(ct);
        return rows.Select(x => new ReportCategoryView(x.r.CategoryCode, x.Name.In(culture), x.r.NearbyRadiusMeters, x.r.Realtime,
            x.r.Questions.Select(q => new QuestionView(q.Code, q.Type, q.Required, q.Order, q.Prompt.In(culture),
                q.Values.Select(v => new QuestionValueView(v.Key, v.Name.In(culture))).ToList())).ToList())).ToList();
    }

    public async Task<ReportCategory> SaveCategoryAsync(string code, ReportCategoryRequest request, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Code == code, ct))
        {
            throw new NotFoundException();
        }

        var validation = new Validation();
        var radius = request.NearbyRadiusMeters ?? 100;
        if (radius is < ReportCategory.MinRadiusMeters or > ReportCategory.MaxRadiusMeters)
        {
            validation.Add("nearbyRadiusMeters", "reports.validation.radius");
        }

        var questions = request.Questions ?? [];
        validation.ThrowIfInvalid();
        var existing = await db.Set<ReportCategory>().FirstOrDefaultAsync(c => c.CategoryCode == code, ct);
        try
        {
            if (existing is null)
            {
                existing = new ReportCategory(code, radius, request.Realtime ?? true, questions);
                if (request.IsReportable == false)
                {
                    existing.Update(false, radius, request.Realtime ?? true, questions);
                }

                db.Add(existing);
            }
            else
            {
                existing.Update(request.IsReportable ?? true, radius, request.Realtime ?? true, questions);
            }
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException(Validation.Of("questions", "reports.validation.questions"));
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    public async Task<IReadOnlyList<BoundaryView>> BoundariesAsync(CancellationToken ct)
    {
        var culture = texts.Culture;
        var rows = await (from b in db.Set<TerritoryBoundary>().AsNoTracking()
                          join t in db.Territories.AsNoTracking() on b.TerritoryId equals t.Id
                          select new { b.TerritoryId, t.Name, t.Kind, b.MinLatitude, b.MinLongitude, b.MaxLatitude, b.MaxLongitude, b.ImportedAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => new BoundaryView(r.TerritoryId, r.Name.In(culture), r.Kind.ToString().ToLowerInvariant(),
            r.MinLatitude, r.MinLongitude, r.MaxLatitude, r.MaxLongitude, r.ImportedAtUtc)).ToList();
    }

    public async Task<string?> BoundaryGeoJsonAsync(Guid territoryId, CancellationToken ct) =>
        await db.Set<TerritoryBoundary>().AsNoTracking().Where(b => b.TerritoryId == territoryId).Select(b => b.GeoJson).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Imports boundaries, all or nothing: one geometry or Feature for <paramref name="territoryId"/>, or a FeatureCollection
    /// whose features name their territory in <c>properties.territoryId</c> or <c>properties.soato</c>. Only mahallas,
    /// districts and cities take boundaries.
    /// </summary>
    public async Task<BoundaryImportResult> ImportAsync(JsonElement body, Guid? territoryId, CancellationToken ct)
    {
        var items = new List<(Guid TerritoryId, GeoShape Shape)>();
        var validation = new Validation();
        if (territoryId is { } single)
        {
            items.Add((single, ParseShape(body, "geometry", validation)!));
        }
        else if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                 && type.GetString() == "FeatureCollection" && body.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var field = $"features[{i++}]";
                var id = await TerritoryOfAsync(feature, ct);
                if (id is null)
                {
                    validation.Add(field, "reports.validation.boundary_territory");
                    continue;
                }

                if (ParseShape(feature, field, validation) is { } shape)
                {
                    items.Add((id.Value, shape));
                }
            }

            if (i == 0)
            {
                validation.Add("features", "reports.validation.boundary_empty");
            }
        }
        else
        {
            validation.Add("body", "reports.validation.boundary_collection");
        }

        validation.ThrowIfInvalid();
        var ids = items.Select(x => x.TerritoryId).ToList();
        var kinds = await db.Territories.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Kind, ct);
        if (items.Any(x => !kinds.TryGetValue(x.TerritoryId, out var kind) || kind == TerritoryKind.Region) || ids.Distinct().Count() != ids.Count)
        {
            throw new InvalidInputException(Validation.Of("territoryId", "reports.validation.boundary_territory"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<TerritoryBoundary>().Where(b => ids.Contains(b.TerritoryId)).ToDictionaryAsync(b => b.TerritoryId, ct);
        foreach (var (id, shape) in items)
        {
            if (existing.TryGetValue(id, out var boundary))
            {
                boundary.Replace(shape, now);
            }
            else
            {
                db.Add(new TerritoryBoundary(id, shape, now));
            }
        }

        await db.SaveChangesAsync(ct);
        locator.Invalidate();
        return new BoundaryImportResult(items.Count);
    }

    public async Task<bool> DeleteBoundaryAsync(Guid territoryId, CancellationToken ct)
    {
        var deleted = await db.Set<TerritoryBoundary>().Where(b => b.TerritoryId == territoryId).ExecuteDeleteAsync(ct);
        locator.Invalidate();
        return deleted > 0;
    }

    private async Task<Guid?> TerritoryOfAsync(JsonElement feature, CancellationToken ct)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (p.TryGetProperty("territoryId", out var idElement) && idElement.ValueKind == JsonValueKind.String && Guid.TryParse(idElement.GetString(), out var id))
        {
            return id;
        }

        if (p.TryGetProperty("soato", out var soato) && soato.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var code = soato.ToString();
            return await db.Territories.AsNoTracking().Where(t => t.SoatoCode == code).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    private static GeoShape? ParseShape(JsonElement element, string field, Validation validation)
    {
        try
        {
            return GeoShape.Parse(element);
        }
        catch (GeoJsonException)
        {
            validation.Add(field, "reports.validation.boundary_geojson");
            return null;
        }
    }
}
