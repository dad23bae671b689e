using System.Text.Json;

namespace Mahalla.Web.Modules.Delivery.Data;

/// <summary>
/// How one organisation receives its reports. An organisation without a row uses the platform's inbox.
/// The webhook secret and the Open311 API key are stored encrypted with the data-protection key ring
/// (<c>Protected…</c>) and never leave the server through the API; the administrator sees only that they are set.
/// </summary>
public sealed class DeliverySettings
{
    public const int MaxUrlLength = 500;
    public const int MaxEmailLength = 254;

    private DeliverySettings()
    {
    }

    public DeliverySettings(Guid organizationId)
    {
        OrganizationId = organizationId;
        Method = DeliveryMethod.Inbox;
    }

    public Guid OrganizationId { get; private set; }

    public DeliveryMethod Method { get; private set; }

    /// <summary>The language of the e-mails sent to the organisation.</summary>
    public string Language { get; private set; } = "uz-Latn";

    /// <summary>Whether deliveries carry the reporter's name, phone and e-mail (ADR 0062: off unless the organisation must reach the resident).</summary>
    public bool ShareReporterContact { get; private set; }

    public string? EmailTo { get; private set; }

    public string? WebhookUrl { get; private set; }

    public string? ProtectedWebhookSecret { get; private set; }

    /// <summary>The Open311 endpoint's base URL, e.g. <c>https://api.city.gov/dev/v2/</c> (requests go to <c>{base}requests.{format}</c>).</summary>
    public string? Open311Endpoint { get; private set; }

    public string? ProtectedOpen311ApiKey { get; private set; }

    public string? Open311JurisdictionId { get; private set; }

    /// <summary><c>xml</c> (every GeoReport v2 server speaks it) or <c>json</c>.</summary>
    public string Open311Format { get; private set; } = "xml";

    /// <summary>Our category code → the organisation's <c>service_code</c>, as JSON.</summary>
    public string Open311ServiceCodesJson { get; private set; } = "{}";

    /// <summary>Whether the server takes the <c>servicerequestupdates</c> extension (used to withdraw a re-routed report).</summary>
    public bool Open311PostsUpdates { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyDictionary<string, string> Open311ServiceCodes =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Open311ServiceCodesJson) ?? [];

    /// <summary>Replaces the settings; the caller has checked the addresses. A null secret or key keeps the stored one.</summary>
    public void Change(DeliveryMethod method, string language, bool shareReporterContact, string? emailTo, string? webhookUrl, string? protectedWebhookSecret,
        string? open311Endpoint, string? protectedOpen311ApiKey, string? open311JurisdictionId, string open311Format,
        IReadOnlyDictionary<string, string> open311ServiceCodes, bool open311PostsUpdates, DateTime nowUtc)
    {
        Method = method;
        Language = language;
        ShareReporterContact = shareReporterContact;
        EmailTo = emailTo;
        WebhookUrl = webhookUrl;
        ProtectedWebhookSecret = protectedWebhookSecret ?? ProtectedWebhookSecret;
        Open311Endpoint = open311Endpoint;
        ProtectedOpen311ApiKey = protectedOpen311ApiKey ?? ProtectedOpen311ApiKey;
        Open311JurisdictionId = open311JurisdictionId;
        Open311Format = open311Format;
        Open311ServiceCodesJson = JsonSerializer.Serialize(new SortedDictionary<string, string>(open311ServiceCodes.ToDictionary(), StringComparer.Ordinal));
        Open311PostsUpdates = open311PostsUpdates;
        UpdatedAtUtc = nowUtc;
        Version++;
    }
}
