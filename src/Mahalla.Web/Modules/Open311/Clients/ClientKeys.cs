using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.Clients;

/// <summary>The client application a request speaks for, once its key was checked.</summary>
internal sealed record VerifiedClient(Guid Id, string Name);

/// <summary>Checks an <c>api_key</c>: its hash must belong to a client that has not been revoked.</summary>
internal sealed class ClientKeys(MahallaDb db)
{
    public async Task<VerifiedClient?> VerifyAsync(string? key, CancellationToken ct)
    {
        if (key is not { Length: >= 8 and <= 200 })
        {
            return null;
        }

        var hash = Open311Client.Hash(key);
        return await db.Set<Open311Client>().AsNoTracking()
            .Where(c => c.KeyHash == hash && c.RevokedAtUtc == null)
            .Select(c => new VerifiedClient(c.Id, c.Name))
            .FirstOrDefaultAsync(ct);
    }
}
