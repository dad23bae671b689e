using System.Text.RegularExpressions;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Accounts.SignIn;

public sealed record RegisterRequest(string? Login, string? Password, string? DisplayName);

/// <summary>Citizens sign up with a phone number in the +998 plan or an e-mail address; the login becomes the user name.</summary>
public sealed partial class Registration(UserManager<User> users, MahallaDb db, Texts texts, TimeProvider clock)
{
    [GeneratedRegex(@"^\+998\d{9}$")]
    private static partial Regex UzbekPhone();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]{1,185}\.[^@\s]{2,}$")]
    private static partial Regex Email();

    public static string? NormalizeLogin(string? login)
    {
        if (string.IsNullOrWhiteSpace(login) || login.Length > 256)
        {
            return null;
        }

        var trimmed = login.Trim();
        var phone = new string(trimmed.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            if (phone.Length == 9)
            {
                phone = "+998" + phone;
            }
            else if (phone.StartsWith("998", StringComparison.Ordinal))
            {
                phone = "+" + phone;
            }

            return UzbekPhone().IsMatch(phone) ? phone : null;
        }

        return Email().IsMatch(trimmed) ? trimmed.ToLowerInvariant() : null;
    }

    public async Task<User> RegisterAsync(RegisterRequest request)
    {
        var validation = new Validation();
        var login = NormalizeLogin(request.Login);
        if (login is null)
        {
            validation.Add("login", "validation.login");
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length is < 8 or > 200)
        {
            validation.Add("password", "validation.password");
        }

        if (request.DisplayName is { Length: > 200 } || (request.DisplayName is { } name && !Appeals.TextInput.IsClean(name)))
        {
            validation.Add("displayName", "validation.display_name");
        }

        validation.ThrowIfInvalid();
        if (await users.FindByNameAsync(login!) is not null)
        {
            throw new BusinessRuleException("rule.login_taken");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = login,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            PreferredLanguage = texts.Culture,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (login!.StartsWith('+'))
        {
            user.PhoneNumber = login;
        }
        else
        {
            user.Email = login;
        }

        // The account and its role are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException failure) when (ConcurrencyGuards.IsUniqueViolation(failure))
        {
            // The same login signed up at the same moment (a second tap on the button): the database's unique index found it.
            throw new BusinessRuleException("rule.login_taken", failure);
        }

        if (!created.Succeeded)
        {
            // The same login signed up a moment ago: Identity's own check found it.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
            {
                throw new BusinessRuleException("rule.login_taken");
            }

            var v = new Validation();
            foreach (var error in created.Errors)
            {
                v.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "login",
                    error.Code.Contains("Password", StringComparison.Ordinal) ? "validation.password" : "validation.login");
            }

            throw new InvalidInputException(v);
        }

        var role = await users.AddToRoleAsync(user, Roles.Citizen);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException("The citizen role could not be given: " + string.Join(", ", role.Errors.Select(e => e.Code)));
        }

        await transaction.CommitAsync();
        return user;
    }
}
