using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Organizations.Contracts;

/// <summary>
/// Decides who is responsible for a request: the routing rule for the category on the most
/// specific territory that contains the mahalla, else the category's default rule, else the
/// mahalla's own council.
/// </summary>
public sealed class Router(MahallaDb db)
{
    public async Task<Guid> ResponsibleForAsync(string categoryCode, Territory mahalla, CancellationToken ct)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.CategoryCode == categoryCode)
            .Join(db.Organizations.Where(o => o.IsActive), r => r.OrganizationId, o => o.Id, (r, o) => new { r.TerritoryPath, r.OrganizationId })
            .ToListAsync(ct);
        var best = rules
            .Where(r => r.TerritoryPath is null || mahalla.Path.StartsWith(r.TerritoryPath, StringComparison.Ordinal))
            .OrderByDescending(r => r.TerritoryPath?.Length ?? 0)
            .FirstOrDefault();
        if (best is not null)
        {
            return best.OrganizationId;
        }

        return await MahallaCouncilAsync(mahalla.Id, ct)
            ?? throw new InvalidOperationException($"Mahalla {mahalla.Id} has no council organisation to fall back on.");
    }

    public Task<Guid?> MahallaCouncilAsync(Guid mahallaId, CancellationToken ct) =>
        db.Organizations.AsNoTracking()
            .Where(o => o.TerritoryId == mahallaId && o.Kind == OrganizationKind.Mahalla && o.IsActive)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(ct);
}
