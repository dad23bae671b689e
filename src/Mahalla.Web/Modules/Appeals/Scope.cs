using System.Linq.Expressions;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Web.Modules.Appeals;

/// <summary>
/// Which requests a caller may see, as one query filter, applied to every read and write:
/// a citizen sees their own; mahalla staff what their mahalla council is responsible for or what
/// concerns their mahalla; an operator what is routed to their organisation; supervisors
/// everything inside their district or region. Anyone else sees nothing.
/// </summary>
internal static class Scope
{
    public static Expression<Func<Appeal, bool>> VisibleTo(Caller caller)
    {
        var userId = caller.UserId;
        var org = caller.OrganizationId;
        var path = caller.TerritoryPath;
        return KindOf(caller) switch
        {
            Kind.Nobody => _ => false,
            Kind.Territory => path is null ? a => false : a => a.TerritoryPath.StartsWith(path),
            Kind.Mahalla => path is null
                ? a => a.ResponsibleOrganizationId == org
                : a => a.ResponsibleOrganizationId == org || a.TerritoryPath.StartsWith(path),
            Kind.Organization => a => a.ResponsibleOrganizationId == org,
            _ => a => a.ApplicantUserId == userId,
        };
    }

    /// <summary>
    /// The caller's scope as parts that do not overlap, for counting: a mahalla's scope (its council's requests, or its
    /// territory's) is the council's, plus its territory's that are not the council's. Counted apart, each part is read
    /// from one index; counted as one <c>OR</c>, SQLite gathers the rows of both indexes and reads every one of them.
    /// <c>ByOrganization</c>: the part is one organisation's requests.
    /// </summary>
    public static IReadOnlyList<(Expression<Func<Appeal, bool>> Part, bool ByOrganization)> CountedParts(Caller caller)
    {
        var org = caller.OrganizationId;
        var kind = KindOf(caller);
        if (kind == Kind.Mahalla && caller.TerritoryPath is { } path)
        {
            return [(a => a.ResponsibleOrganizationId == org, true), (a => a.TerritoryPath.StartsWith(path) && a.ResponsibleOrganizationId != org, false)];
        }

        return [(VisibleTo(caller), kind is Kind.Mahalla or Kind.Organization)];
    }

    /// <summary>Whose requests a caller sees, by role; a supervisor's territory wins over any other role they hold.</summary>
    private enum Kind
    {
        Nobody,
        Territory,
        Mahalla,
        Organization,
        Applicant,
    }

    private static Kind KindOf(Caller caller) =>
        !caller.IsSignedIn ? Kind.Nobody
        : caller.Is(Roles.RegionSupervisor) || caller.Is(Roles.DistrictSupervisor) ? Kind.Territory
        : caller.Is(Roles.MahallaStaff) || caller.Is(Roles.SocialWorker) ? Kind.Mahalla
        : caller.Is(Roles.OrganizationOperator) ? Kind.Organization
        : Kind.Applicant;
}
