using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.Organizations;

public sealed record OrganizationView(Guid Id, string Kind, string Name, NamesInput Names, Guid TerritoryId, string TerritoryName, bool IsActive);

/// <summary>Filters, all optional: the kind, a territory (everything inside it), words of the name, and whether to show deactivated ones.</summary>
public sealed record OrganizationQuery(
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "territoryId")] Guid? TerritoryId,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "includeInactive")] bool? IncludeInactive);

public sealed record NewOrganizationRequest(string? Kind, NamesInput? Names, Guid? TerritoryId);

/// <summary>
/// The bodies that receive requests: mahalla councils, district and regional hokimiyats and
/// service organisations. Organisations are deactivated, never deleted: past requests keep
/// pointing at them, and routing skips them.
/// </summary>
internal sealed class OrganizationAdmin(MahallaDb db, Texts texts)
{
    public static readonly IReadOnlyList<OrganizationKind> Kinds = Enum.GetValues<OrganizationKind>();

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/organizations");
        group.MapGet("/", async Task<Ok<IReadOnlyList<OrganizationView>>> ([AsParameters] OrganizationQuery query, OrganizationAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.ListAsync(query, ct)))
            .WithName("AdminOrganizations").WithSummary("Organisations, filtered by kind (mahalla, district_office, region_office, service_provider), territory or name.");
        group.MapRead("/{id:guid}", (OrganizationAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminOrganization").WithSummary("One organisation.");
        group.MapCreateOnce("/", (OrganizationAdmin a, NewOrganizationRequest r, Guid? once, CancellationToken ct) => a.CreateAsync(r, once, ct), o => $"/api/admin/organizations/{o.Id}")
            .WithName("AdminCreateOrganization").WithSummary("Create an organisation of a kind, with names in every language, on a territory.");
        group.MapChange("/{id:guid}/name", (OrganizationAdmin a, Caller _, Guid id, RenameRequest r, CancellationToken ct) => a.RenameAsync(id, r, ct))
            .WithName("AdminRenameOrganization").WithSummary("Rename an organisation in every language.");
        group.MapAct("POST", "/{id:guid}/deactivation", (OrganizationAdmin a, Caller _, Guid id, CancellationToken ct) => a.SetActiveAsync(id, false, ct))
            .WithName("AdminDeactivateOrganization").WithSummary("Deactivate an organisation: routing skips it from now on. A mahalla's council stays active.");
        group.MapAct("POST", "/{id:guid}/activation", (OrganizationAdmin a, Caller _, Guid id, CancellationToken ct) => a.SetActiveAsync(id, true, ct))
            .WithName("AdminActivateOrganization").WithSummary("Activate a deactivated organisation again.");
    }

    public static string KindCode(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Mahalla => "mahalla",
        OrganizationKind.DistrictOffice => "district_office",
        OrganizationKind.RegionOffice => "region_office",
        _ => "service_provider",
    };

    public static OrganizationKind? ParseKind(string? code) => Kinds.Cast<OrganizationKind?>().FirstOrDefault(k => KindCode(k!.Value) == code);

    public async Task<IReadOnlyList<OrganizationView>> ListAsync(OrganizationQuery query, CancellationToken ct)
    {
        var organizations = db.Organizations.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Kind))
        {
            var kind = ParseKind(query.Kind) ?? throw new InvalidInputException(Validation.Of("kind", "admin.validation.organization_kind"));
            organizations = organizations.Where(o => o.Kind == kind);
        }

        if (query.TerritoryId is { } territoryId)
        {
            var path = await db.Territories.AsNoTracking().Where(t => t.Id == territoryId).Select(t => t.Path).FirstOrDefaultAsync(ct)
                ?? throw new InvalidInputException(Validation.Of("territoryId", "validation.territory"));
            organizations = organizations.Where(o => o.TerritoryPath.StartsWith(path));
        }

        if (query.IncludeInactive != true)
        {
            organizations = organizations.Where(o => o.IsActive);
        }

        var rows = await organizations.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Names are matched in every language, so a clerk finds "Chorsu" whichever script they type in.
            var q = query.Q.Trim();
            rows = rows.Where(o => new[] { o.Name.UzLatn, o.Name.UzCyrl, o.Name.Ru, o.Name.En }.Any(n => n.Contains(q, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        return await ViewsAsync(rows, ct);
    }

    public async Task<OrganizationView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? (await ViewsAsync([o], ct))[0] : null;

    /// <summary>
    /// Creates an organisation. With <paramref name="once"/> (a page form's, ADR 0083, or an API caller's key, ADR 0086)
    /// the same request sent twice creates one; the key sent with another organisation is refused.
    /// </summary>
    public async Task<OrganizationView> CreateAsync(NewOrganizationRequest request, Guid? once, CancellationToken ct)
    {
        var validation = new Validation();
        var kind = ParseKind(request.Kind);
        if (kind is null)
        {
            validation.Add("kind", "admin.validation.organization_kind");
        }

        var name = AdminInput.Names(request.Names, validation);
        var territory = request.TerritoryId is { } territoryId ? await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Id == territoryId, ct) : null;
        if (territory is null)
        {
            validation.Add("territoryId", "validation.territory");
        }
        else if (kind == OrganizationKind.Mahalla && territory.Kind != TerritoryKind.Mahalla)
        {
            validation.Add("territoryId", "admin.validation.council_needs_mahalla");
        }

        validation.ThrowIfInvalid();
        var made = new Organization(once ?? Guid.CreateVersion7(), kind!.Value, name!, territory!.Id, territory.Path);

        // The council rule, unless a request under this key was saved already: then the key's own answer is due (the same
        // organisation again, or 409 for another request), and the rule would say the council it made exists.
        var sentAgain = once is not null && await db.Organizations.AnyAsync(o => o.Id == made.Id, ct);
        if (!sentAgain && kind == OrganizationKind.Mahalla
            && await db.Organizations.AnyAsync(o => o.TerritoryId == territory.Id && o.Kind == OrganizationKind.Mahalla, ct))
        {
            throw new BusinessRuleException("admin.rule.mahalla_has_a_council");
        }

        var organization = await db.SaveNewAsync(made, once is not null, o => (o.Kind, o.TerritoryId, o.Name), ct);
        return (await ViewsAsync([organization], ct))[0];
    }

    public async Task<OrganizationView?> RenameAsync(Guid id, RenameRequest request, CancellationToken ct)
    {
        if (await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization)
        {
            return null;
        }

        var validation = new Validation();
        var name = AdminInput.Names(request.Names, validation);
        validation.ThrowIfInvalid();
        organization.Update(name!, organization.IsActive);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([organization], ct))[0];
    }

    public async Task<OrganizationView?> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if (await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization)
        {
            return null;
        }

        // Routing falls back to the mahalla's council when no rule matches; without it a citizen could not file at all.
        if (!active && organization.Kind == OrganizationKind.Mahalla)
        {
            throw new BusinessRuleException("admin.rule.council_stays_active");
        }

        organization.Update(organization.Name, active);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([organization], ct))[0];
    }

    private async Task<List<OrganizationView>> ViewsAsync(IReadOnlyList<Organization> rows, CancellationToken ct)
    {
        var culture = texts.Culture;
        var territoryIds = rows.Select(o => o.TerritoryId).Distinct().ToList();
        var territories = await db.Territories.AsNoTracking().Where(t => territoryIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name.In(culture), ct);
        return rows
            .OrderBy(o => o.Kind).ThenBy(o => o.Name.In(culture), StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .Select(o => new OrganizationView(o.Id, KindCode(o.Kind), o.Name.In(culture), NamesInput.From(o.Name), o.TerritoryId,
                territories.GetValueOrDefault(o.TerritoryId, ""), o.IsActive))
            .ToList();
    }
}
