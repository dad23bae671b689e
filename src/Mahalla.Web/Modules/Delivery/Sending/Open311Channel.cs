using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>What a status pull learnt: the request's id (once a token resolves), its status and notes, or the error.</summary>
internal sealed record PullOutcome(string? RemoteId, string? Status, string? StatusNotes, string? Error);

/// <summary>
/// The GeoReport v2 client: creates a service request on the organisation's own Open311 server
/// (<c>POST {endpoint}requests.{format}</c>, form-encoded, with its <c>api_key</c> and the <c>service_code</c> mapped
/// from our category), pulls its status back (<c>GET tokens/{token}</c> until an id exists, then
/// <c>GET requests/{id}</c>), and withdraws a re-routed report through the <c>servicerequestupdates</c> extension
/// where the server supports it. A report reopened here (the reporter says "not fixed") reopens the request through
/// the same extension, or — GeoReport v2 having no update of its own — becomes a new request naming the earlier one
/// (ADR 0063). The API key travels only in POST bodies, never in a URL.
/// </summary>
internal sealed class Open311Channel(IHttpClientFactory clients, SecretBox secrets, TextCatalog catalog) : IDeliveryChannel
{
    /// <summary>The spec limits a description to 4,000 characters.</summary>
    public const int MaxDescription = 4_000;

    public DeliveryMethod Method => DeliveryMethod.Open311;

    public Task<SendOutcome> SendAsync(DeliveryJob job, CancellationToken ct) => job.Delivery.Kind switch
    {
        DeliveryKind.Report => CreateAsync(job, followUp: false, ct),
        DeliveryKind.Withdrawal => WithdrawAsync(job, ct),
        _ => ReopenAsync(job, ct),
    };

    /// <summary>A request for the report; a follow-up request (of a reopened report) says which request it follows and why.</summary>
    private async Task<SendOutcome> CreateAsync(DeliveryJob job, bool followUp, CancellationToken ct)
    {
        var (settings, f) = (job.Settings, job.Facts);
        if (settings.Open311Endpoint is null)
        {
            return SendOutcome.Failure("not_configured: Open311 endpoint", permanent: true);
        }

        if (!settings.Open311ServiceCodes.TryGetValue(f.CategoryCode, out var serviceCode))
        {
            return SendOutcome.Failure($"not_configured: no service_code for category {f.CategoryCode}", permanent: true);
        }

        var form = Common(settings);
        form.Add(new("service_code", serviceCode));
        if (f.Latitude is { } lat && f.Longitude is { } lon)
        {
            form.Add(new("lat", lat.ToString("R", CultureInfo.InvariantCulture)));
            form.Add(new("long", lon.ToString("R", CultureInfo.InvariantCulture)));
        }

        var mahalla = f.Mahalla.In(settings.Language);
        form.Add(new("address_string", f.Address is null ? mahalla : $"{f.Address}, {mahalla}"));
        var description = $"{f.Title}\n\n{f.Description}\n\n{f.PublicUrl}";
        if (followUp)
        {
            description = $"{Text(settings, "delivery.open311.follow_up", job.ReachedRemoteId ?? "—")}\n\n{description}";
        }

        form.Add(new("description", description.Length <= MaxDescription ? description : description[..(MaxDescription - 1)] + "…"));
        if (f.PhotoUrls.Count > 0)
        {
            form.Add(new("media_url", f.PhotoUrls[0]));
        }

        foreach (var answer in f.Answers)
        {
            var many = answer.Values.Count > 1;
            form.AddRange(answer.Values.Select(v => new KeyValuePair<string, string>(many ? $"attribute[{answer.Code}][]" : $"attribute[{answer.Code}]", v)));
        }

        if (f.Reporter is { } reporter)
        {
            var name = (reporter.Name ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            Optional(form, "first_name", name.ElementAtOrDefault(0));
            Optional(form, "last_name", name.ElementAtOrDefault(1));
            Optional(form, "email", reporter.Email);
            Optional(form, "phone", reporter.Phone);
        }

        var (outcome, fields) = await PostAsync(settings, "requests", form, ct);
        if (!outcome.Ok)
        {
            return outcome;
        }

        var id = fields.GetValueOrDefault("service_request_id");
        var token = fields.GetValueOrDefault("token");
        return id is not null || token is not null
            ? SendOutcome.Success(outcome.StatusCode, id, id is null ? token : null)
            // Retrying could create the request twice; staff decide after looking at the organisation's system.
            : SendOutcome.Failure("open311: the answer has neither service_request_id nor token", outcome.StatusCode, permanent: true);
    }

    private async Task<SendOutcome> WithdrawAsync(DeliveryJob job, CancellationToken ct)
    {
        var settings = job.Settings;
        if (settings.Open311Endpoint is null || job.ReachedRemoteId is null)
        {
            return SendOutcome.Failure("not_configured: Open311 endpoint or the request's service_request_id", permanent: true);
        }

        return await PostUpdateAsync(job, "closed", Text(settings, "delivery.open311.withdrawn", job.Facts.ResponsibleOrganization.In(settings.Language)), ct);
    }

    /// <summary>
    /// The reporter disputed the answer and the report is open again. With the updates extension the request is set
    /// <c>open</c> again (its next "closed" answers the report again through the status pull); without it, a new request
    /// naming the earlier one is created and followed instead, as a resident calling the organisation again would cause.
    /// </summary>
    private async Task<SendOutcome> ReopenAsync(DeliveryJob job, CancellationToken ct)
    {
        var settings = job.Settings;
        if (!settings.Open311PostsUpdates)
        {
            return await CreateAsync(job, followUp: true, ct);
        }

        if (settings.Open311Endpoint is null)
        {
            return SendOutcome.Failure("not_configured: Open311 endpoint", permanent: true);
        }

        // A request known only by its token so far gets its id from the next status pull; until then, retry.
        return job.ReachedRemoteId is null
            ? SendOutcome.Failure("open311: no service_request_id yet")
            : await PostUpdateAsync(job, "open", Text(settings, "delivery.open311.reopened", job.Facts.PublicUrl), ct);
    }

    /// <summary>The FixMyStreet-style extension: <c>POST {endpoint}servicerequestupdates.{format}</c> on the newest request.</summary>
    private async Task<SendOutcome> PostUpdateAsync(DeliveryJob job, string status, string description, CancellationToken ct)
    {
        var form = Common(job.Settings);
        form.Add(new("service_request_id", job.ReachedRemoteId!));
        form.Add(new("update_id", job.Delivery.Id.ToString()));
        form.Add(new("updated_datetime", W3c(job.NowUtc)));
        form.Add(new("status", status));
        form.Add(new("description", description));
        var (outcome, _) = await PostAsync(job.Settings, "servicerequestupdates", form, ct);
        return outcome;
    }

    private string Text(DeliverySettings settings, string key, params object?[] args)
    {
        var language = TextCatalog.Normalize(settings.Language);
        return string.Format(CultureInfo.GetCultureInfo(language), catalog.Get(language, key), args);
    }

    /// <summary>Pulls the status of the request behind an Open311 delivery.</summary>
    public async Task<PullOutcome> PullAsync(DeliverySettings settings, ReportDelivery delivery, CancellationToken ct)
    {
        if (settings.Open311Endpoint is null)
        {
            return new PullOutcome(null, null, null, "not_configured: Open311 endpoint");
        }

        var id = delivery.RemoteId;
        if (id is null && delivery.RemoteToken is { } token)
        {
            var (error, fields) = await GetAsync(settings, $"tokens/{Uri.EscapeDataString(token)}", ct);
            if (error is not null)
            {
                return new PullOutcome(null, null, null, error);
            }

            id = fields.GetValueOrDefault("service_request_id");
            if (id is null)
            {
                // Not created yet on their side: ask again at the next pull.
                return new PullOutcome(null, null, null, null);
            }
        }

        if (id is null)
        {
            return new PullOutcome(null, null, null, "open311: neither service_request_id nor token");
        }

        var (pullError, request) = await GetAsync(settings, $"requests/{Uri.EscapeDataString(id)}", ct);
        return pullError is not null
            ? new PullOutcome(id, null, null, pullError)
            : new PullOutcome(id, request.GetValueOrDefault("status")?.Trim().ToLowerInvariant(), request.GetValueOrDefault("status_notes")?.Trim(), null);
    }

    private List<KeyValuePair<string, string>> Common(DeliverySettings settings)
    {
        var form = new List<KeyValuePair<string, string>>();
        Optional(form, "api_key", secrets.Unprotect(settings.ProtectedOpen311ApiKey));
        Optional(form, "jurisdiction_id", settings.Open311JurisdictionId);
        return form;
    }

    private async Task<(SendOutcome Outcome, Dictionary<string, string?> Fields)> PostAsync(DeliverySettings settings, string resource,
        List<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(form);
        try
        {
            using var response = await clients.CreateClient(DeliveryHttp.Client).PostAsync(Url(settings, resource), content, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                // 403 (bad key) and 404 (unknown service or jurisdiction) need an administrator; the spec's 400 also means "our CRM is down".
                var permanent = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized;
                return (SendOutcome.Failure($"open311 {status}{ErrorCodes(text, settings.Open311Format)}", status, permanent), []);
            }

            return (SendOutcome.Success(status), First(text, settings.Open311Format));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (e is JsonException or XmlException ? SendOutcome.Failure("open311: unreadable answer", permanent: true) : SendOutcome.From(e), []);
        }
    }

    private async Task<(string? Error, Dictionary<string, string?> Fields)> GetAsync(DeliverySettings settings, string resource, CancellationToken ct)
    {
        var url = Url(settings, resource);
        if (settings.Open311JurisdictionId is { } jurisdiction)
        {
            url += "?jurisdiction_id=" + Uri.EscapeDataString(jurisdiction);
        }

        try
        {
            using var response = await clients.CreateClient(DeliveryHttp.Client).GetAsync(url, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? (null, First(text, settings.Open311Format))
                : ($"open311 {(int)response.StatusCode}{ErrorCodes(text, settings.Open311Format)}", []);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (e is JsonException or XmlException ? "open311: unreadable answer" : SendOutcome.From(e).Error, []);
        }
    }

    private static string Url(DeliverySettings settings, string resource) => $"{settings.Open311Endpoint}{resource}.{settings.Open311Format}";

    /// <summary>W3C-DTF with a time zone, as the spec asks: <c>2026-11-03T05:00:00Z</c>.</summary>
    public static string W3c(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first element of a GeoReport answer (<c>service_requests/request</c> in XML, an array of objects in JSON) as flat fields.</summary>
    public static Dictionary<string, string?> First(string body, string format) => Elements(body, format).FirstOrDefault() ?? [];

    public static List<Dictionary<string, string?>> Elements(string body, string format)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        if (format == "json")
        {
            using var document = JsonDocument.Parse(body);
            var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            return items.Where(i => i.ValueKind == JsonValueKind.Object)
                .Select(i => i.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString()))
                .ToList();
        }

        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var root = XDocument.Load(reader).Root;
        return root is null ? [] : root.Elements()
            .Select(e => e.Elements().Where(c => !c.HasElements).GroupBy(c => c.Name.LocalName)
                .ToDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().Value) ? null : g.First().Value.Trim()))
            .ToList();
    }

    /// <summary>The error codes of a GeoReport error answer, for the delivery log (descriptions are left out: they are the server's prose).</summary>
    private static string ErrorCodes(string body, string format)
    {
        try
        {
            var codes = Elements(body, format).Select(e => e.GetValueOrDefault("code")).OfType<string>().Take(3).ToList();
            return codes.Count == 0 ? "" : $" (code {string.Join(", ", codes)})";
        }
        catch (Exception e) when (e is JsonException or XmlException)
        {
            return "";
        }
    }

    private static void Optional(List<KeyValuePair<string, string>> form, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            form.Add(new(name, value));
        }
    }
}
