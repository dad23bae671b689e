using System.Collections.Concurrent;
using System.Security.Claims;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Accounts.SignIn;

/// <summary>
/// Bearer tokens carry the account's security stamp, but Identity checks it only when a token is refreshed.
/// Locking an account, changing its password or its roles changes the stamp; this check turns every
/// token and cookie issued before that into an anonymous caller, at the latest
/// <see cref="StampCheckInterval"/> later on every node. The current stamp of each active user is cached
/// per node for that interval, so the cost is one small query per user and interval. It runs as middleware
/// right after authentication, so that a revoked caller is anonymous to authorization (401, not 403).
/// </summary>
public sealed class RevokedSignIns(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, TimeProvider clock) : IMiddleware
{
    public static readonly TimeSpan StampCheckInterval = TimeSpan.FromSeconds(30);
    private const int MaxCached = 100_000;

    private static readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset CheckedAt)> Current = new();

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        http.User = await CheckAsync(http.User);
        await next(http);
    }

    private async Task<ClaimsPrincipal> CheckAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return principal;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        if (!Current.TryGetValue(userId, out var known) || now - known.CheckedAt > StampCheckInterval || known.CheckedAt > now)
        {
            if (Current.Count > MaxCached)
            {
                Current.Clear();
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
            // A lock by an administrator changes the stamp; a short lockout after failed sign-ins does not end live sessions.
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
            known = (current, now);
            Current[userId] = known;
        }

        return known.Stamp is not null && known.Stamp == stamp
            ? principal
            : new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>Forgets this node's cached stamp of one user (after a change made on this node).</summary>
    public static void Forget(Guid userId) => Current.TryRemove(userId, out _);
}
