using System.Security.Claims;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Accounts.SignIn;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Accounts;

public static class AccountsModule
{
    /// <summary>Cookie sign-in for pages, or an Identity bearer token when the request carries one.</summary>
    public const string Scheme = "Mahalla";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Mahalla.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403; only pages are redirected to the sign-in form.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<User>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<MahallaDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopedClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<Registration>();
        services.AddSingleton<RevokedSignIns>();
        return services;
    }

    /// <summary>After authentication: sign-ins issued before an account's security stamp changed no longer count.</summary>
    public static IApplicationBuilder UseRevokedSignInCheck(this IApplicationBuilder app) => app.UseMiddleware<RevokedSignIns>();

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Accounts").AllowAnonymous().RequireRateLimiting(Platform.Web.WebSetup.AuthLimit);
        auth.MapPost("/login", LoginApi.LoginAsync).WithName("Login")
            .WithSummary("Exchange a user name and password for a bearer token ({accessToken, refreshToken, expiresIn}).");
        auth.MapPost("/register", LoginApi.RegisterAsync).WithName("Register")
            .WithSummary("A citizen signs up with a phone number (+998…) or an e-mail address and a password.");
        routes.MapGet("/api/me", (HttpContext http) =>
        {
            var c = Caller.From(http.User);
            return TypedResults.Ok(new { userId = c.UserId, userName = http.User.Identity?.Name, roles = c.Roles, organizationId = c.OrganizationId });
        }).RequireAuthorization().WithTags("Accounts").WithName("Me").WithSummary("Who the token or cookie belongs to.");
        return routes;
    }

    private static Task ApiOr(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the organisation and territory that scope a staff member into the sign-in, so scope checks need no lookup.</summary>
internal sealed class ScopedClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(Caller.OrganizationClaim, org.ToString()));
        }

        if (user.TerritoryPath is { } path)
        {
            identity.AddClaim(new Claim(Caller.TerritoryPathClaim, path));
        }

        return identity;
    }
}
