using Microsoft.AspNetCore.Identity;

namespace Mahalla.Web.Modules.Accounts.Data;

/// <summary>
/// An account. Citizens sign up themselves (phone or e-mail); staff are created by administrators
/// and carry the organisation and territory that scope everything they can see and do.
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }

    /// <summary>The language notifications are written in; follows the user's last choice.</summary>
    public string PreferredLanguage { get; set; } = "uz-Latn";

    public Guid? OrganizationId { get; set; }

    public Guid? TerritoryId { get; set; }

    public string? TerritoryPath { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role()
    {
    }

    public Role(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

public static class Roles
{
    public const string Citizen = "Citizen";
    public const string MahallaStaff = "MahallaStaff";
    public const string OrganizationOperator = "OrganizationOperator";
    public const string DistrictSupervisor = "DistrictSupervisor";
    public const string RegionSupervisor = "RegionSupervisor";
    public const string SocialWorker = "SocialWorker";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [Citizen, MahallaStaff, OrganizationOperator, DistrictSupervisor, RegionSupervisor, SocialWorker, Auditor, Administrator];

    /// <summary>Roles that work requests in the staff inbox.</summary>
    public static readonly IReadOnlyList<string> Staff =
        [MahallaStaff, OrganizationOperator, DistrictSupervisor, RegionSupervisor, SocialWorker];

    public const string StaffList = $"{MahallaStaff},{OrganizationOperator},{DistrictSupervisor},{RegionSupervisor},{SocialWorker}";

    /// <summary>The role name as it appears in events and the transparency log (no person, only the role).</summary>
    public static string EventName(string role) => role switch
    {
        MahallaStaff => "mahalla_staff",
        OrganizationOperator => "organization_operator",
        DistrictSupervisor => "district_supervisor",
        RegionSupervisor => "region_supervisor",
        SocialWorker => "social_worker",
        Administrator => "administrator",
        Auditor => "auditor",
        _ => "citizen",
    };
}
