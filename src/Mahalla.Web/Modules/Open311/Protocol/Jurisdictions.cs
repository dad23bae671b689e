using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>The part of the platform a request speaks about: everything, or one territory and what lies inside it.</summary>
internal sealed record Jurisdiction(Guid? TerritoryId, string? TerritoryPath, bool IsMahalla)
{
    public static Jurisdiction Everything { get; } = new(null, null, false);

    public bool Covers(string territoryPath) => TerritoryPath is null || territoryPath.StartsWith(TerritoryPath, StringComparison.Ordinal);
}

/// <summary>
/// <c>jurisdiction_id</c>: optional, since the endpoint serves one platform. The platform's own id
/// (<see cref="Open311Options.JurisdictionId"/>) means everything; a territory's SOATO code (a region, a
/// district or city, a mahalla that has one) narrows requests to that territory. Anything else is a 404.
/// </summary>
internal sealed class Jurisdictions(MahallaDb db, IOptions<Open311Options> options)
{
    public async Task<Jurisdiction> ResolveAsync(string? jurisdictionId, CancellationToken ct)
    {
        if (jurisdictionId is null || string.Equals(jurisdictionId, options.Value.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            return Jurisdiction.Everything;
        }

        if (jurisdictionId.Length <= 20 && jurisdictionId.All(char.IsAsciiDigit)
            && await db.Territories.AsNoTracking().Where(t => t.SoatoCode == jurisdictionId)
                .Select(t => new { t.Id, t.Path, t.Kind }).FirstOrDefaultAsync(ct) is { } territory)
        {
            return new Jurisdiction(territory.Id, territory.Path, territory.Kind == Territories.Data.TerritoryKind.Mahalla);
        }

        throw Open311Exception.NotFound($"jurisdiction_id{Open311Exception.Quoted(jurisdictionId)} was not found: use '{options.Value.JurisdictionId}' or a territory's SOATO code.");
    }
}
