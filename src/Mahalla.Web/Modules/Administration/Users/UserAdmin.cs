using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Accounts.SignIn;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.Users;

/// <summary>An account as administrators see it. It never carries the password hash, the security stamp or any token.</summary>
public sealed record UserView(Guid Id, string UserName, string? DisplayName, string? Email, string? PhoneNumber, IReadOnlyList<string> Roles,
    Guid? OrganizationId, string? OrganizationName, Guid? TerritoryId, string? TerritoryName, bool IsLocked, DateTime CreatedAtUtc);

public sealed record UserList(IReadOnlyList<UserView> Items, int Page, int PageSize, int Total);

public sealed record UserQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "role")] string? Role,
    [FromQuery(Name = "page")] int? Page);

public sealed record NewUserRequest(string? UserName, string? DisplayName, string? Email, string? PhoneNumber, string? Role,
    Guid? OrganizationId, Guid? TerritoryId, string? Password);

/// <summary>A role and the organisation and territory that scope it; without territoryId the organisation's territory is taken.</summary>
public sealed record UserRoleRequest(string? Role, Guid? OrganizationId, Guid? TerritoryId);

public sealed record PasswordRequest(string? Password);

/// <summary>
/// Accounts: administrators find citizens and staff, create staff accounts with the organisation and
/// territory that scope their work, change a role, lock an account or set a new password.
/// A change to role, scope, lock or password renews the security stamp, so old sign-ins stop being trusted.
/// </summary>
internal sealed class UserAdmin(MahallaDb db, UserManager<User> users, Texts texts, TimeProvider clock)
{
    public const int PageSize = 50;

    // Mahalla staff and social workers see their mahalla; operators their organisation; supervisors their territory.
    private static readonly HashSet<string> NeedOrganization = [Roles.MahallaStaff, Roles.OrganizationOperator, Roles.SocialWorker];
    private static readonly HashSet<string> NeedTerritory = [Roles.MahallaStaff, Roles.SocialWorker, Roles.DistrictSupervisor, Roles.RegionSupervisor];

    /// <summary>A lock that lasts until an administrator lifts it.</summary>
    private static readonly DateTimeOffset LockedForGood = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/users");
        group.MapGet("/", async Task<Ok<UserList>> ([AsParameters] UserQuery query, UserAdmin a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(query, ct)))
            .WithName("AdminUsers").WithSummary("Find accounts by user name, name, e-mail or phone, optionally of one role; 50 a page.");
        group.MapRead("/{id:guid}", (UserAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminUser").WithSummary("One account.");
        group.MapCreate("/", (UserAdmin a, NewUserRequest r, CancellationToken ct) => a.CreateAsync(r, ct), u => $"/api/admin/users/{u.Id}")
            .WithName("AdminCreateUser").WithSummary("Create a staff account: user name, name, e-mail or phone, role, organisation and territory, first password.");
        group.MapChange("/{id:guid}/role", (UserAdmin a, Caller caller, Guid id, UserRoleRequest r, CancellationToken ct) => a.ChangeRoleAsync(caller, id, r, ct))
            .WithName("AdminChangeUserRole").WithSummary("Give an account a role with its organisation and territory.");
        group.MapAct("POST", "/{id:guid}/lockout", (UserAdmin a, Caller caller, Guid id, CancellationToken ct) => a.LockAsync(caller, id, true, ct))
            .WithName("AdminLockUser").WithSummary("Lock an account: it can no longer sign in.");
        group.MapAct("DELETE", "/{id:guid}/lockout", (UserAdmin a, Caller caller, Guid id, CancellationToken ct) => a.LockAsync(caller, id, false, ct))
            .WithName("AdminUnlockUser").WithSummary("Unlock an account.");
        group.MapPut("/{id:guid}/password", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, PasswordRequest request, UserAdmin a, Texts texts, CancellationToken ct) =>
            await a.SetPasswordAsync(id, request, ct) ? TypedResults.NoContent() : AdminRoutes.NotFound(texts))
            .WithName("AdminSetUserPassword").WithSummary("Set a new password for an account.");
    }

    public async Task<UserList> ListAsync(UserQuery query, CancellationToken ct)
    {
        var accounts = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
            accounts = accounts.Where(u => u.UserName!.ToLower().Contains(q)
                || (u.DisplayName != null && u.DisplayName.ToLower().Contains(q))
                || (u.Email != null && u.Email.ToLower().Contains(q))
                || (u.PhoneNumber != null && u.PhoneNumber.Contains(q)));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            if (!Roles.All.Contains(query.Role))
            {
                throw new InvalidInputException(Validation.Of("role", "admin.validation.role"));
            }

            var roleIds = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }

        var page = Math.Clamp(query.Page ?? 1, 1, 100_000);
        var total = await accounts.CountAsync(ct);
        var ids = await accounts.OrderBy(u => u.UserName).Skip((page - 1) * PageSize).Take(PageSize).Select(u => u.Id).ToListAsync(ct);
        return new UserList(await ViewsAsync(ids, ct), page, PageSize, total);
    }

    public async Task<UserView?> GetAsync(Guid id, CancellationToken ct) => (await ViewsAsync([id], ct)).FirstOrDefault();

    public async Task<UserView> CreateAsync(NewUserRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var userName = AdminInput.Text(request.UserName, "userName", 256, validation);
        if (userName is not null && !userName.All(c => users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            validation.Add("userName", "admin.validation.user_name");
        }

        var displayName = AdminInput.Text(request.DisplayName, "displayName", AdminInput.NameLength, validation);
        var (email, phone) = Contacts(request.Email, request.PhoneNumber, validation);
        var role = CheckRole(request.Role, validation);
        var (organizationId, territory) = await ScopeAsync(role, request.OrganizationId, request.TerritoryId, validation, ct);
        CheckPassword(request.Password, validation);
        validation.ThrowIfInvalid();
        if (await users.FindByNameAsync(userName!) is not null)
        {
            throw new BusinessRuleException("admin.rule.user_name_taken");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            Email = email,
            EmailConfirmed = email is not null,
            PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null,
            PreferredLanguage = texts.Culture,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            OrganizationId = organizationId,
            TerritoryId = territory?.Id,
            TerritoryPath = territory?.Path,
        };

        // The account and its role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            Succeed(await users.CreateAsync(user, request.Password!));
        }
        catch (DbUpdateException failure) when (ConcurrencyGuards.IsUniqueViolation(failure))
        {
            // Created at the same moment by another sending (a second click): the database's unique index found it.
            throw new BusinessRuleException("admin.rule.user_name_taken", failure);
        }

        Succeed(await users.AddToRoleAsync(user, role!));
        await transaction.CommitAsync(ct);
        return (await GetAsync(user.Id, ct))!;
    }

    public async Task<UserView?> ChangeRoleAsync(Caller caller, Guid id, UserRoleRequest request, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }

        var validation = new Validation();
        var role = CheckRole(request.Role, validation);
        var (organizationId, territory) = await ScopeAsync(role, request.OrganizationId, request.TerritoryId, validation, ct);
        validation.ThrowIfInvalid();
        if (user.Id == caller.UserId && role != Roles.Administrator)
        {
            // Otherwise the last administrator could lock everyone out of administration.
            throw new BusinessRuleException("admin.rule.keep_your_own_admin_role");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await users.GetRolesAsync(user);
        Succeed(await users.RemoveFromRolesAsync(user, current.Where(r => r != role)));
        if (!current.Contains(role!))
        {
            Succeed(await users.AddToRoleAsync(user, role!));
        }

        user.OrganizationId = organizationId;
        user.TerritoryId = territory?.Id;
        user.TerritoryPath = territory?.Path;
        Succeed(await users.UpdateAsync(user));
        Succeed(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitAsync(ct);
        SignIns.Changed(user.Id); // the old role and scope travel in issued tokens: those stop working
        return await GetAsync(id, ct);
    }

    public async Task<UserView?> LockAsync(Caller caller, Guid id, bool locked, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }

        if (locked && user.Id == caller.UserId)
        {
            throw new BusinessRuleException("admin.rule.cannot_lock_yourself");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (locked)
        {
            Succeed(await users.SetLockoutEnabledAsync(user, true));
            Succeed(await users.SetLockoutEndDateAsync(user, LockedForGood));
            Succeed(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            Succeed(await users.SetLockoutEndDateAsync(user, null));
            Succeed(await users.ResetAccessFailedCountAsync(user));
        }

        await transaction.CommitAsync(ct);
        SignIns.Changed(user.Id);
        return await GetAsync(id, ct);
    }

    public async Task<bool> SetPasswordAsync(Guid id, PasswordRequest request, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return false;
        }

        var validation = new Validation();
        CheckPassword(request.Password, validation);
        validation.ThrowIfInvalid();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Succeed(await users.ResetPasswordAsync(user, token, request.Password!)); // a new security stamp with it
        SignIns.Changed(user.Id);
        return true;
    }

    private static string? CheckRole(string? role, Validation validation)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            validation.Add("role", "admin.validation.role");
            return null;
        }

        return role;
    }

    private static void CheckPassword(string? password, Validation validation)
    {
        if (password is not { Length: >= 8 and <= 200 })
        {
            validation.Add("password", "validation.password");
        }
    }

    /// <summary>Staff are reached by e-mail or phone (notifications); at least one is required, each in the form citizens sign up with.</summary>
    private static (string? Email, string? Phone) Contacts(string? emailInput, string? phoneInput, Validation validation)
    {
        string? email = null, phone = null;
        if (!string.IsNullOrWhiteSpace(emailInput))
        {
            email = Registration.NormalizeLogin(emailInput);
            if (email is null || email.StartsWith('+'))
            {
                validation.Add("email", "admin.validation.email");
                email = null;
            }
        }

        if (!string.IsNullOrWhiteSpace(phoneInput))
        {
            phone = Registration.NormalizeLogin(phoneInput);
            if (phone is null || !phone.StartsWith('+'))
            {
                validation.Add("phoneNumber", "admin.validation.phone");
                phone = null;
            }
        }

        if (string.IsNullOrWhiteSpace(emailInput) && string.IsNullOrWhiteSpace(phoneInput))
        {
            validation.Add("email", "admin.validation.email_or_phone");
        }

        return (email, phone);
    }

    private async Task<(Guid? OrganizationId, Territory? Territory)> ScopeAsync(string? role, Guid? organizationId, Guid? territoryId,
        Validation validation, CancellationToken ct)
    {
        var organization = organizationId is { } o
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == o && x.IsActive, ct)
            : null;
        if (organizationId is not null && organization is null)
        {
            validation.Add("organizationId", "validation.organization");
        }

        var territory = territoryId is { } t ? await db.Territories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, ct) : null;
        if (territoryId is not null && territory is null)
        {
            validation.Add("territoryId", "validation.territory");
        }

        if (territoryId is null && organization is not null)
        {
            territory = await db.Territories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == organization.TerritoryId, ct);
        }

        if (role is not null && NeedOrganization.Contains(role) && organizationId is null)
        {
            validation.Add("organizationId", "admin.validation.role_needs_organization");
        }

        if (role is not null && NeedTerritory.Contains(role) && territoryId is null && organizationId is null)
        {
            validation.Add("territoryId", "admin.validation.role_needs_territory");
        }

        return (organization?.Id, territory);
    }

    /// <summary>Identity refuses what we did not check first (a password its validators reject, a name taken meanwhile).</summary>
    private static void Succeed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new BusinessRuleException("admin.rule.user_name_taken");
        }

        var validation = new Validation();
        foreach (var error in result.Errors)
        {
            if (error.Code.StartsWith("Password", StringComparison.Ordinal))
            {
                validation.Add("password", "validation.password");
            }
            else if (error.Code.Contains("UserName", StringComparison.Ordinal))
            {
                validation.Add("userName", "admin.validation.user_name");
            }
            else
            {
                throw new InvalidOperationException("Identity refused an administrator's change: " + error.Code);
            }
        }

        throw new InvalidInputException(validation);
    }

    private async Task<List<UserView>> ViewsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.PhoneNumber, u.OrganizationId, u.TerritoryId, u.LockoutEnd, u.CreatedAtUtc })
            .ToListAsync(ct);
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var organizationIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var territoryIds = rows.Where(r => r.TerritoryId is not null).Select(r => r.TerritoryId!.Value).Distinct().ToList();
        var culture = texts.Culture;
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name.In(culture), ct);
        var territories = await db.Territories.AsNoTracking().Where(t => territoryIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name.In(culture), ct);
        var now = clock.GetUtcNow();
        return rows
            .OrderBy(r => r.UserName, StringComparer.Ordinal)
            .Select(r => new UserView(r.Id, r.UserName ?? "", r.DisplayName, r.Email, r.PhoneNumber,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order(StringComparer.Ordinal).ToList(),
                r.OrganizationId, r.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null,
                r.TerritoryId, r.TerritoryId is { } t ? territories.GetValueOrDefault(t) : null,
                r.LockoutEnd is { } end && end > now, r.CreatedAtUtc))
            .ToList();
    }
}
