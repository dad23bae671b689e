using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Organizations.Data;

public enum OrganizationKind
{
    /// <summary>The mahalla's own council: the fallback for everything its residents file.</summary>
    Mahalla = 1,
    /// <summary>A district or city hokimiyat: supervises the mahallas and bodies of its territory.</summary>
    DistrictOffice = 2,
    /// <summary>A regional hokimiyat.</summary>
    RegionOffice = 3,
    /// <summary>A service organisation: water, power, gas, roads, sanitation, a department…</summary>
    ServiceProvider = 4,
}

/// <summary>A body that receives and answers requests within its territory.</summary>
public sealed class Organization
{
    private Organization()
    {
    }

    public Organization(Guid id, OrganizationKind kind, LocalizedName name, Guid territoryId, string territoryPath)
    {
        Id = id;
        Kind = kind;
        Name = name;
        TerritoryId = territoryId;
        TerritoryPath = territoryPath;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public OrganizationKind Kind { get; private set; }

    public LocalizedName Name { get; private set; } = null!;

    public Guid TerritoryId { get; private set; }

    public string TerritoryPath { get; private set; } = "";

    public bool IsActive { get; private set; }

    public void Update(LocalizedName name, bool isActive)
    {
        Name = name;
        IsActive = isActive;
    }
}

/// <summary>
/// Category × territory → organisation. A rule without a territory is the category's default;
/// the rule on the most specific territory that contains the request's mahalla wins.
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public RoutingRule(Guid id, string categoryCode, Guid? territoryId, string? territoryPath, Guid organizationId)
    {
        if ((territoryId is null) != (territoryPath is null))
        {
            throw new ArgumentException("A rule's territory needs its path.", nameof(territoryPath));
        }

        Id = id;
        CategoryCode = categoryCode;
        TerritoryId = territoryId;
        TerritoryPath = territoryPath;
        OrganizationId = organizationId;
    }

    public Guid Id { get; private set; }

    public string CategoryCode { get; private set; } = "";

    public Guid? TerritoryId { get; private set; }

    public string? TerritoryPath { get; private set; }

    public Guid OrganizationId { get; private set; }

    public void PointTo(Guid organizationId) => OrganizationId = organizationId;
}
