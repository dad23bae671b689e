using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.Territories;

public sealed record TerritoryView(Guid Id, Guid? ParentId, string Kind, string? SoatoCode, string Name, NamesInput Names,
    double? Latitude, double? Longitude, int ChildCount);

public sealed record TerritoryDetail(TerritoryView Territory, IReadOnlyList<TerritoryView> Ancestors, IReadOnlyList<TerritoryView> Children, Guid? CouncilOrganizationId);

public sealed record NewMahallaRequest(Guid? ParentId, NamesInput? Names, double? Latitude, double? Longitude);

public sealed record NewMahalla(TerritoryView Territory, Guid CouncilOrganizationId);

public sealed record CentreRequest(double? Latitude, double? Longitude);

/// <summary>
/// The territory tree as administrators keep it: browse region → district → mahalla, add a
/// mahalla together with its council (the organisation routing falls back to), rename, place its centre.
/// Regions and districts come from the SOATO dataset and are not created here.
/// </summary>
internal sealed class TerritoryAdmin(MahallaDb db, Texts texts)
{
    // Long enough for any mahalla, short enough that the council's name built from it fits its column.
    public const int MahallaNameLength = 150;

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/territories");
        group.MapGet("/", async Task<Ok<IReadOnlyList<TerritoryView>>> (Guid? parentId, TerritoryAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.ChildrenAsync(parentId, ct)))
            .WithName("AdminTerritories").WithSummary("Browse the tree: the regions, or the children of parentId, with SOATO codes and names in every language.");
        group.MapRead("/{id:guid}", (TerritoryAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminTerritory").WithSummary("One territory with its ancestors, its children and, for a mahalla, its council.");
        group.MapCreate("/mahallas", (TerritoryAdmin a, NewMahallaRequest r, CancellationToken ct) => a.AddMahallaAsync(r, ct), m => $"/api/admin/territories/{m.Territory.Id}")
            .WithName("AdminAddMahalla").WithSummary("Add a mahalla under a district or city, with its council organisation.");
        group.MapChange("/{id:guid}/name", (TerritoryAdmin a, Caller _, Guid id, RenameRequest r, CancellationToken ct) => a.RenameAsync(id, r, ct))
            .WithName("AdminRenameTerritory").WithSummary("Rename a territory in every language (a mahalla's council follows).");
        group.MapChange("/{id:guid}/centre", (TerritoryAdmin a, Caller _, Guid id, CentreRequest r, CancellationToken ct) => a.PlaceAsync(id, r, ct))
            .WithName("AdminPlaceTerritory").WithSummary("Set a territory's centre (latitude, longitude), used by the map.");
    }

    public async Task<IReadOnlyList<TerritoryView>> ChildrenAsync(Guid? parentId, CancellationToken ct)
    {
        var rows = await db.Territories.AsNoTracking().Where(t => t.ParentId == parentId).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    public async Task<TerritoryDetail?> GetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } territory)
        {
            return null;
        }

        var ancestorIds = territory.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Where(a => a != id).ToList();
        var ancestors = await db.Territories.AsNoTracking().Where(t => ancestorIds.Contains(t.Id)).ToListAsync(ct);
        var council = await db.Organizations.AsNoTracking()
            .Where(o => o.TerritoryId == id && o.Kind == OrganizationKind.Mahalla).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return new TerritoryDetail(
            (await ViewsAsync([territory], ct))[0],
            (await ViewsAsync(ancestors, ct)).OrderBy(a => ancestorIds.IndexOf(a.Id)).ToList(),
            await ChildrenAsync(id, ct),
            council);
    }

    public async Task<NewMahalla> AddMahallaAsync(NewMahallaRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var name = AdminInput.Names(request.Names, validation, maxLength: MahallaNameLength);
        var parent = request.ParentId is { } parentId ? await db.Territories.FirstOrDefaultAsync(t => t.Id == parentId, ct) : null;
        if (parent is not { Kind: TerritoryKind.District or TerritoryKind.City })
        {
            validation.Add("parentId", "admin.validation.mahalla_parent");
        }

        var centre = Centre(request.Latitude, request.Longitude, validation, required: false);
        validation.ThrowIfInvalid();
        await EnsureNameIsFreeAsync(parent!.Id, null, name!, ct);

        var mahalla = new Territory(Guid.CreateVersion7(), parent, TerritoryKind.Mahalla, null, name!);
        if (centre is { } c)
        {
            mahalla.PlaceAt(c.Latitude, c.Longitude);
        }

        var council = new Organization(Guid.CreateVersion7(), OrganizationKind.Mahalla, CouncilName(name!), mahalla.Id, mahalla.Path);
        db.Territories.Add(mahalla);
        db.Organizations.Add(council);
        await db.SaveChangesAsync(ct);
        return new NewMahalla((await ViewsAsync([mahalla], ct))[0], council.Id);
    }

    public async Task<TerritoryView?> RenameAsync(Guid id, RenameRequest request, CancellationToken ct)
    {
        if (await db.Territories.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } territory)
        {
            return null;
        }

        var validation = new Validation();
        var name = AdminInput.Names(request.Names, validation,
            maxLength: territory.Kind == TerritoryKind.Mahalla ? MahallaNameLength : AdminInput.NameLength);
        validation.ThrowIfInvalid();
        if (territory.Kind == TerritoryKind.Mahalla)
        {
            await EnsureNameIsFreeAsync(territory.ParentId!.Value, territory.Id, name!, ct);

            // A council still called after the mahalla keeps following its name; one renamed by hand keeps its own.
            var council = await db.Organizations.FirstOrDefaultAsync(o => o.TerritoryId == id && o.Kind == OrganizationKind.Mahalla, ct);
            if (council is not null && council.Name == CouncilName(territory.Name))
            {
                council.Update(CouncilName(name!), council.IsActive);
            }
        }

        territory.Rename(name!);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([territory], ct))[0];
    }

    public async Task<TerritoryView?> PlaceAsync(Guid id, CentreRequest request, CancellationToken ct)
    {
        if (await db.Territories.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } territory)
        {
            return null;
        }

        var validation = new Validation();
        var centre = Centre(request.Latitude, request.Longitude, validation, required: true);
        validation.ThrowIfInvalid();
        territory.PlaceAt(centre!.Value.Latitude, centre.Value.Longitude);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([territory], ct))[0];
    }

    public static LocalizedName CouncilName(LocalizedName mahalla) => new(
        $"{mahalla.UzLatn} mahalla fuqarolar yigʻini",
        $"{mahalla.UzCyrl} маҳалла фуқаролар йиғини",
        $"Сход граждан махалли {mahalla.Ru}",
        $"{mahalla.En} Mahalla Citizens' Assembly");

    private static (double Latitude, double Longitude)? Centre(double? latitude, double? longitude, Validation validation, bool required)
    {
        if (latitude is null && longitude is null && !required)
        {
            return null;
        }

        if (latitude is not (>= -90 and <= 90))
        {
            validation.Add("latitude", "admin.validation.latitude");
        }

        if (longitude is not (>= -180 and <= 180))
        {
            validation.Add("longitude", "admin.validation.longitude");
        }

        return latitude is { } lat && longitude is { } lon ? (lat, lon) : null;
    }

    /// <summary>Two mahallas of one district with the same name would be indistinguishable to a citizen choosing where they live.</summary>
    private async Task EnsureNameIsFreeAsync(Guid parentId, Guid? self, LocalizedName name, CancellationToken ct)
    {
        var siblings = await db.Territories.AsNoTracking().Where(t => t.ParentId == parentId && t.Id != self).Select(t => t.Name).ToListAsync(ct);
        // "Bog'bon" and "Bogʻbon" are one name, whichever apostrophe was typed (ADR 0084).
        var key = Territory.KeyOf(name.UzLatn);
        if (siblings.Any(s => string.Equals(Territory.KeyOf(s.UzLatn), key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.UzCyrl, name.UzCyrl, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BusinessRuleException("admin.rule.mahalla_name_taken");
        }
    }

    private async Task<List<TerritoryView>> ViewsAsync(IReadOnlyList<Territory> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Territories.AsNoTracking().Where(t => t.ParentId != null && ids.Contains(t.ParentId.Value))
            .GroupBy(t => t.ParentId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var culture = texts.Culture;
        return rows
            .OrderBy(t => t.Kind).ThenBy(t => t.Name.In(culture), StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .Select(t => new TerritoryView(t.Id, t.ParentId, TerritoriesModule.KindCode(t.Kind), t.SoatoCode, t.Name.In(culture), NamesInput.From(t.Name),
                t.Latitude, t.Longitude, counts.GetValueOrDefault(t.Id)))
            .ToList();
    }
}
