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
}

/// <summary>The last tracking sequence used per prefix and year; incremented atomically in the filing transaction.</summary>
public sealed class TrackingCounter
{
    public string Prefix { get; set; } = "";

    public int Year { get; set; }

    public long LastValue { get; set; }
}
