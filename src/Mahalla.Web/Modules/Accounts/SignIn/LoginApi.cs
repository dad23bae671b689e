using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Mahalla.Web.Modules.Accounts.SignIn;

public sealed record LoginRequest(string? UserName, string? Password);

internal static class LoginApi
{
    /// <summary>Identity's bearer token scheme writes the token response itself on success.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest request, SignInManager<User> signIn, Texts texts, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password) || request.UserName.Length > 256 || request.Password.Length > 200)
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status401Unauthorized, "error.login_failed"));
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var userName = Registration.NormalizeLogin(request.UserName) ?? request.UserName.Trim();
        var result = await signIn.PasswordSignInAsync(userName, request.Password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(Problems.Create(texts, StatusCodes.Status401Unauthorized, await FailureAsync(signIn.UserManager, userName, result, clock)));
    }

    /// <summary>Why a sign-in failed: a wrong login or password, a lockout after failed attempts, or an account an administrator locked.</summary>
    public static async Task<string> FailureAsync(UserManager<User> users, string userName, SignInResult result, TimeProvider clock)
    {
        if (!result.IsLockedOut)
        {
            return "error.login_failed";
        }

        var user = await users.FindByNameAsync(userName);
        return user is not null && Contracts.SignIns.IsLockedByAdministrator(user.LockoutEnd, clock.GetUtcNow()) ? "error.account_locked" : "error.locked_out";
    }

    public static async Task<Created<RegisteredUser>> RegisterAsync(RegisterRequest request, Registration registration)
    {
        var user = await registration.RegisterAsync(request);
        return TypedResults.Created("/api/me", new RegisteredUser(user.Id, user.UserName!));
    }
}

public sealed record RegisteredUser(Guid Id, string UserName);
