using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;

namespace Mahalla.Web.Modules.Organizations.Contracts;

/// <summary>
/// Decides who is responsible for a request: the routing rule for the category on the most
/// specific territory that contains the mahalla, else the category's default rule, else the
/// mahalla's own council. Reads the rules from the node's reference-data copy (ADR 0011).
/// </summary>
public sealed class Router(MahallaDb db, ReferenceCache reference)
{
    public async Task<Guid> ResponsibleForAsync(string categoryCode, Territory mahalla, CancellationToken ct) =>
        ResponsibleFor(await reference.GetAsync(db, ct), categoryCode, mahalla);

    public static Guid ResponsibleFor(ReferenceSnapshot data, string categoryCode, Territory mahalla)
    {
        var best = data.ActiveRules(categoryCode)
            .Where(r => r.TerritoryPath is null || mahalla.Path.StartsWith(r.TerritoryPath, StringComparison.Ordinal))
            .OrderByDescending(r => r.TerritoryPath?.Length ?? 0)
            .FirstOrDefault();
        if (best is not null)
        {
            return best.OrganizationId;
        }

        return data.MahallaCouncil(mahalla.Id)
            ?? throw new InvalidOperationException($"Mahalla {mahalla.Id} has no council organisation to fall back on.");
    }
}
