using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.RoutingRules;

public sealed record RoutingRuleView(Guid Id, string CategoryCode, string CategoryName, Guid? TerritoryId, string? TerritoryName, string? TerritoryKind,
    Guid OrganizationId, string OrganizationName, bool OrganizationIsActive);

public sealed record NewRoutingRuleRequest(string? CategoryCode, Guid? TerritoryId, Guid? OrganizationId);

public sealed record PointToRequest(Guid? OrganizationId);

/// <summary>
/// Who gets a request about a category from a mahalla, as the real router decides it, and why:
/// <c>rule</c> (a rule on a territory containing the mahalla), <c>default_rule</c> (the category's
/// rule without territory) or <c>mahalla_council</c> (nothing matched).
/// </summary>
public sealed record RoutingDecision(Guid MahallaId, string CategoryCode, Guid OrganizationId, string OrganizationName, string Source,
    Guid? RuleId, string? RuleTerritoryName);

/// <summary>Routing rules: category × territory → organisation; the most specific territory wins, then the category's default, then the mahalla's council.</summary>
internal sealed class RoutingAdmin(MahallaDb db, Router router, Texts texts)
{
    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/routing-rules");
        group.MapGet("/", async Task<Ok<IReadOnlyList<RoutingRuleView>>> (string? categoryCode, RoutingAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.ListAsync(categoryCode, ct)))
            .WithName("AdminRoutingRules").WithSummary("Routing rules, optionally of one category.");
        group.MapGet("/decision", async Task<Ok<RoutingDecision>> (Guid? mahallaId, string? categoryCode, RoutingAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.DecideAsync(mahallaId, categoryCode, ct)))
            .WithName("AdminRoutingDecision").WithSummary("Who gets a request of this category from this mahalla, decided by the live router, and which rule decided it.");
        group.MapRead("/{id:guid}", (RoutingAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminRoutingRule").WithSummary("One routing rule.");
        group.MapCreate("/", (RoutingAdmin a, NewRoutingRuleRequest r, CancellationToken ct) => a.CreateAsync(r, ct), v => $"/api/admin/routing-rules/{v.Id}")
            .WithName("AdminCreateRoutingRule").WithSummary("Route a category on a territory (or everywhere, without territoryId) to an organisation. One rule per category and territory.");
        group.MapChange("/{id:guid}/organization", (RoutingAdmin a, Caller _, Guid id, PointToRequest r, CancellationToken ct) => a.PointToAsync(id, r, ct))
            .WithName("AdminRepointRoutingRule").WithSummary("Send what a rule routes to another organisation.");
        group.MapRemove((RoutingAdmin a, Guid id, CancellationToken ct) => a.DeleteAsync(id, ct))
            .WithName("AdminDeleteRoutingRule").WithSummary("Delete a rule; requests then follow the next less specific rule or the mahalla's council.");
    }

    public async Task<IReadOnlyList<RoutingRuleView>> ListAsync(string? categoryCode, CancellationToken ct)
    {
        var rules = db.RoutingRules.AsNoTracking();
        if (!string.IsNullOrEmpty(categoryCode))
        {
            rules = rules.Where(r => r.CategoryCode == categoryCode);
        }

        return await ViewsAsync(await rules.ToListAsync(ct), ct);
    }

    public async Task<RoutingRuleView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule ? (await ViewsAsync([rule], ct))[0] : null;

    public async Task<RoutingRuleView> CreateAsync(NewRoutingRuleRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var categoryCode = request.CategoryCode?.Trim();
        if (string.IsNullOrEmpty(categoryCode) || !await db.Categories.AnyAsync(c => c.Code == categoryCode, ct))
        {
            validation.Add("categoryCode", "validation.category");
        }

        Territory? territory = null;
        if (request.TerritoryId is { } territoryId
            && (territory = await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == territoryId, ct)) is null)
        {
            validation.Add("territoryId", "validation.territory");
        }

        await CheckOrganizationAsync(request.OrganizationId, validation, ct);
        validation.ThrowIfInvalid();
        if (await db.RoutingRules.AnyAsync(r => r.CategoryCode == categoryCode && r.TerritoryId == request.TerritoryId, ct))
        {
            throw new BusinessRuleException("admin.rule.routing_rule_exists");
        }

        var rule = new RoutingRule(Guid.CreateVersion7(), categoryCode!, territory?.Id, territory?.Path, request.OrganizationId!.Value);
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([rule], ct))[0];
    }

    public async Task<RoutingRuleView?> PointToAsync(Guid id, PointToRequest request, CancellationToken ct)
    {
        if (await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule)
        {
            return null;
        }

        var validation = new Validation();
        await CheckOrganizationAsync(request.OrganizationId, validation, ct);
        validation.ThrowIfInvalid();
        rule.PointTo(request.OrganizationId!.Value);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([rule], ct))[0];
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule)
        {
            return false;
        }

        await db.RemoveFoundAsync(rule, ct);
        return true;
    }

    public async Task<RoutingDecision> DecideAsync(Guid? mahallaId, string? categoryCode, CancellationToken ct)
    {
        var validation = new Validation();
        var mahalla = mahallaId is { } id ? await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Kind == TerritoryKind.Mahalla, ct) : null;
        if (mahalla is null)
        {
            validation.Add("mahallaId", "validation.mahalla");
        }

        if (string.IsNullOrEmpty(categoryCode) || !await db.Categories.AnyAsync(c => c.Code == categoryCode, ct))
        {
            validation.Add("categoryCode", "validation.category");
        }

        validation.ThrowIfInvalid();
        var responsible = await router.ResponsibleForAsync(categoryCode!, mahalla!, ct);

        // The router answers who; the explanation names the rule that gave that answer.
        var rule = (await db.RoutingRules.AsNoTracking().Where(r => r.CategoryCode == categoryCode && r.OrganizationId == responsible).ToListAsync(ct))
            .Where(r => r.TerritoryPath is null || mahalla!.Path.StartsWith(r.TerritoryPath, StringComparison.Ordinal))
            .OrderByDescending(r => r.TerritoryPath?.Length ?? 0)
            .FirstOrDefault();
        var culture = texts.Culture;
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == responsible, ct);
        var ruleTerritory = rule?.TerritoryId is { } tid ? await db.Territories.AsNoTracking().FirstAsync(t => t.Id == tid, ct) : null;
        var source = rule is null ? "mahalla_council" : rule.TerritoryId is null ? "default_rule" : "rule";
        return new RoutingDecision(mahalla!.Id, categoryCode!, responsible, organization.Name.In(culture), source, rule?.Id, ruleTerritory?.Name.In(culture));
    }

    private async Task CheckOrganizationAsync(Guid? organizationId, Validation validation, CancellationToken ct)
    {
        if (organizationId is not { } id || !await db.Organizations.AnyAsync(o => o.Id == id && o.IsActive, ct))
        {
            validation.Add("organizationId", "validation.organization");
        }
    }

    private async Task<List<RoutingRuleView>> ViewsAsync(IReadOnlyList<RoutingRule> rules, CancellationToken ct)
    {
        var culture = texts.Culture;
        var codes = rules.Select(r => r.CategoryCode).Distinct().ToList();
        var territoryIds = rules.Where(r => r.TerritoryId is not null).Select(r => r.TerritoryId!.Value).Distinct().ToList();
        var organizationIds = rules.Select(r => r.OrganizationId).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var territories = await db.Territories.AsNoTracking().Where(t => territoryIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return rules
            .Select(r =>
            {
                var territory = r.TerritoryId is { } t ? territories.GetValueOrDefault(t) : null;
                var organization = organizations.GetValueOrDefault(r.OrganizationId);
                return new RoutingRuleView(r.Id, r.CategoryCode, categories.GetValueOrDefault(r.CategoryCode)?.Name.In(culture) ?? r.CategoryCode,
                    r.TerritoryId, territory?.Name.In(culture), territory is null ? null : TerritoriesModule.KindCode(territory.Kind),
                    r.OrganizationId, organization?.Name.In(culture) ?? "", organization?.IsActive == true);
            })
            .OrderBy(v => categories.GetValueOrDefault(v.CategoryCode)?.SortOrder ?? int.MaxValue)
            .ThenBy(v => v.TerritoryId is null ? 0 : 1)
            .ThenBy(v => v.TerritoryName, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .ToList();
    }
}
