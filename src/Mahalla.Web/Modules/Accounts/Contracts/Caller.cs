using System.Security.Claims;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Web.Modules.Accounts.Contracts;

/// <summary>
/// Who is calling, read from the sign-in (cookie or bearer token) without a database round trip:
/// the user, their roles, and the organisation and territory that scope a staff member's work.
/// </summary>
public sealed record Caller(Guid? UserId, IReadOnlySet<string> Roles, Guid? OrganizationId, string? TerritoryPath)
{
    public const string OrganizationClaim = "mahalla:organization";
    public const string TerritoryPathClaim = "mahalla:territory_path";

    public static Caller Anonymous { get; } = new(null, new HashSet<string>(), null, null);

    public bool IsSignedIn => UserId is not null;

    public bool IsStaff => Roles.Overlaps(Data.Roles.Staff);

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>The role this caller acts in, most senior first; recorded on events (never the person's name).</summary>
    public string ActingRole =>
        Is(Data.Roles.RegionSupervisor) ? Data.Roles.RegionSupervisor
        : Is(Data.Roles.DistrictSupervisor) ? Data.Roles.DistrictSupervisor
        : Is(Data.Roles.OrganizationOperator) ? Data.Roles.OrganizationOperator
        : Is(Data.Roles.MahallaStaff) ? Data.Roles.MahallaStaff
        : Is(Data.Roles.SocialWorker) ? Data.Roles.SocialWorker
        : Is(Data.Roles.Administrator) ? Data.Roles.Administrator
        : Is(Data.Roles.Auditor) ? Data.Roles.Auditor
        : Data.Roles.Citizen;

    public Actor AsActor() => new(UserId, Data.Roles.EventName(ActingRole));

    public static Caller From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Guid? organization = Guid.TryParse(principal.FindFirstValue(OrganizationClaim), out var org) ? org : null;
        return new Caller(id, roles, organization, principal.FindFirstValue(TerritoryPathClaim));
    }
}

/// <summary>Tells sign-in checking on this node that a user's sign-ins changed (locked, password or roles changed).</summary>
public static class SignIns
{
    public static void Changed(Guid userId) => SignIn.RevokedSignIns.Forget(userId);

    /// <summary>A lock set by an administrator lasts "for good"; a lockout after failed attempts ends within minutes.</summary>
    public static bool IsLockedByAdministrator(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now.AddYears(1);
}
