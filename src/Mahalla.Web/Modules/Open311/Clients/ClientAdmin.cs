using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.Clients;

public sealed record ClientView(Guid Id, string Name, string KeyPrefix, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, bool Active);

/// <summary>A newly issued client with its key — the only time the key is ever shown.</summary>
public sealed record IssuedClient(Guid Id, string Name, string KeyPrefix, DateTime CreatedAtUtc, string ApiKey);

public sealed record IssueClientRequest(string? Name);

/// <summary>Administrators issue a key per client application, see the clients, and revoke a key (at once: the next request with it is a 403).</summary>
internal sealed class ClientAdmin(MahallaDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken ct) =>
        (await db.Set<Open311Client>().AsNoTracking().OrderBy(c => c.RevokedAtUtc != null).ThenBy(c => c.Name).ToListAsync(ct)).Select(View).ToList();

    public async Task<IssuedClient> IssueAsync(IssueClientRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Open311Client.MaxNameLength || !Appeals.TextInput.IsClean(name))
        {
            throw new InvalidInputException(Validation.Of("name", "open311.validation.client_name"));
        }

        var (client, key) = Open311Client.Issue(Guid.CreateVersion7(), name, clock.GetUtcNow().UtcDateTime);
        db.Add(client);
        await db.SaveChangesAsync(ct);
        return new IssuedClient(client.Id, client.Name, client.KeyPrefix, client.CreatedAtUtc, key);
    }

    public async Task<ClientView?> RevokeAsync(Guid id, CancellationToken ct)
    {
        var client = await db.Set<Open311Client>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return null;
        }

        client.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(client);
    }

    private static ClientView View(Open311Client c) => new(c.Id, c.Name, c.KeyPrefix, c.CreatedAtUtc, c.RevokedAtUtc, c.IsActive);
}

/// <summary>
/// The demo installation's key: with demo data on and <c>Demo:Open311ApiKey</c> set, a client "Demo client" holds
/// that key (added once, on start, after the database is migrated), so that outside checks can post at once.
/// </summary>
internal sealed class DemoClientSeed(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DemoClientSeed> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Enabled", true) || configuration["Demo:Open311ApiKey"] is not { Length: > 0 } key)
        {
            return;
        }

        if (key.Length is < 8 or > 200)
        {
            logger.LogWarning("Open311: Demo:Open311ApiKey must be 8 to 200 characters; no demo key was issued");
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var hash = Open311Client.Hash(key);
        if (await db.Set<Open311Client>().AnyAsync(c => c.KeyHash == hash, cancellationToken))
        {
            return;
        }

        db.Add(Open311Client.Issue(Guid.CreateVersion7(), "Demo client", key, clock.GetUtcNow().UtcDateTime).Client);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Open311: the demo key from Demo:Open311ApiKey was issued to \"Demo client\"");
        }
        catch (DbUpdateException)
        {
            // Another node issued it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
