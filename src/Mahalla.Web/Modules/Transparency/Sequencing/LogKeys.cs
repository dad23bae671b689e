using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Transparency.Sequencing;

/// <summary>
/// The log's signing key and the policy its own checkpoints must meet before they are published. The key
/// comes from <c>Transparency:SigningKey</c>; without it, the first node to start generates one and stores
/// it in the database, and every node then uses that one (development only: ADR 0043).
/// </summary>
internal sealed class LogKeys(IOptions<TransparencyOptions> options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LogKeys> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SignerKey? _key;

    public string Origin => options.Value.Origin;

    public async ValueTask<SignerKey> SignerAsync(CancellationToken ct)
    {
        if (_key is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What a published checkpoint must satisfy: our key, our origin, and k of the configured witnesses.</summary>
    public async ValueTask<CheckpointPolicy> PolicyAsync(CancellationToken ct)
    {
        var key = await SignerAsync(ct);
        var witnesses = options.Value.Witnesses.Select(w => NoteVerifier.ParseCosigner(w.Vkey)).ToList();
        return new CheckpointPolicy(Origin, [NoteVerifier.Parse(key.VerifierKey)], witnesses, options.Value.WitnessThreshold);
    }

    public void Dispose()
    {
        _key?.Dispose();
        _gate.Dispose();
    }

    private async Task<SignerKey> LoadAsync(CancellationToken ct)
    {
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            return SignerKey.Parse(configured);
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var stored = await db.Set<LogSecret>().AsNoTracking().Where(s => s.Name == LogSecret.SigningKeyName).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (stored is not null)
        {
            return SignerKey.Parse(stored);
        }

        using (var generated = SignerKey.Generate(Origin))
        {
            db.Add(new LogSecret(LogSecret.SigningKeyName, generated.Format(), clock.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogWarning("Transparency:SigningKey is not configured: generated a log key and stored it in the database (development only). Verifier key: {VerifierKey}",
                    generated.VerifierKey);
            }
            catch (DbUpdateException)
            {
                // Another node stored its key first: everyone signs with that one.
            }
        }

        db.ChangeTracker.Clear();
        return SignerKey.Parse(await db.Set<LogSecret>().AsNoTracking().Where(s => s.Name == LogSecret.SigningKeyName).Select(s => s.Value).SingleAsync(ct));
    }
}
