using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.Transitions;

/// <summary>Loading a request for a transition, with the caller's scope applied, and finding who to tell.</summary>
public sealed class AppealWork(MahallaDb db)
{
    /// <summary>Loads the request if the caller may see it; otherwise 404, never revealing that it exists.</summary>
    public async Task<Appeal> LoadAsync(Caller caller, Guid id, CancellationToken ct) =>
        await db.Appeals.Where(Scope.VisibleTo(caller)).FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException();

    public async Task<Appeal> LoadForStaffAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var appeal = await LoadAsync(caller, id, ct);
        if (!caller.IsStaff)
        {
            throw new ForbiddenException("rule.staff_only");
        }

        return appeal;
    }

    /// <summary>Supervisors of the level a request has reached: district (1) or region (2) supervisors whose territory contains it.</summary>
    public async Task<List<Guid>> SupervisorsAsync(Appeal appeal, CancellationToken ct)
    {
        var role = appeal.EscalationLevel >= 2 ? Roles.RegionSupervisor : Roles.DistrictSupervisor;
        var candidates = await (from u in db.Users
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where r.Name == role && u.TerritoryPath != null
                                select new { u.Id, u.TerritoryPath }).AsNoTracking().ToListAsync(ct);
        return candidates.Where(c => appeal.TerritoryPath.StartsWith(c.TerritoryPath!, StringComparison.Ordinal)).Select(c => c.Id).ToList();
    }

    /// <summary>A colleague as the scope sees them: roles, organisation and territory from the database.</summary>
    public async Task<(Guid Id, Caller Scope)?> ColleagueAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!)
            .ToListAsync(ct);
        return (user.Id, new Caller(user.Id, roles.ToHashSet(StringComparer.Ordinal), user.OrganizationId, user.TerritoryPath));
    }
}
