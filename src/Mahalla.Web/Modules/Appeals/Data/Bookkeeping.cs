using System.Text.Json;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.Data;

/// <summary>
/// The first answer to an <c>Idempotency-Key</c>: a retried filing returns it and creates nothing.
/// The body holds the access code, so it is stored encrypted with the data-protection key ring.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(string key, string requestHash, Guid appealId, string protectedResponse, DateTime nowUtc)
    {
        Key = key;
        RequestHash = requestHash;
        AppealId = appealId;
        ProtectedResponse = protectedResponse;
        CreatedAtUtc = nowUtc;
    }

    /// <summary>The caller's user id and their key, so that two callers never share a key.</summary>
    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    public Guid AppealId { get; private set; }

    public string ProtectedResponse { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The first answer, encrypted, to store with the filing in its transaction.</summary>
    public static IdempotencyRecord Of<T>(string key, string requestHash, Guid appealId, T response, IDataProtector protector, DateTime nowUtc) =>
        new(key, requestHash, appealId, protector.Protect(JsonSerializer.Serialize(response)), nowUtc);

    /// <summary>
    /// The first answer under this key, or null when the key is new. The same key with another request is refused (409):
    /// a key names one request, never two.
    /// </summary>
    public static async Task<T?> ReplayAsync<T>(MahallaDb db, string key, string requestHash, IDataProtector protector, CancellationToken ct)
        where T : class
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            throw new BusinessRuleException("rule.idempotency_key_reused");
        }

        return JsonSerializer.Deserialize<T>(protector.Unprotect(record.ProtectedResponse));
    }
}

/// <summary>The last tracking sequence used per prefix and year; incremented atomically in the filing transaction.</summary>
public sealed class TrackingCounter
{
    public string Prefix { get; set; } = "";

    public int Year { get; set; }

    public long LastValue { get; set; }
}
