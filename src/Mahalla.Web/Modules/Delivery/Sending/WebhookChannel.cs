using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Reports.Data;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>
/// The webhook signature (docs/delivery.md): <c>Mahalla-Signature: t={unix seconds},v1={hex}</c> where
/// <c>v1 = HMAC-SHA256(key: the secret's UTF-8 bytes, message: "{t}.{exact body}")</c>. The receiver recomputes it
/// over the raw body, compares in constant time, rejects a <c>t</c> older than its tolerance (we suggest five
/// minutes), and remembers <c>Mahalla-Delivery</c> ids it has processed: together they stop replays.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Mahalla-Signature";
    public const string DeliveryHeader = "Mahalla-Delivery";
    public const string EventHeader = "Mahalla-Event";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return FormattableString.Invariant($"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }
}

/// <summary>POSTs the report as JSON to the organisation's URL, signed with its secret.</summary>
internal sealed class WebhookChannel(IHttpClientFactory clients, SecretBox secrets) : IDeliveryChannel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DeliveryMethod Method => DeliveryMethod.Webhook;

    public async Task<SendOutcome> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        var settings = job.Settings;
        var secret = secrets.Unprotect(settings.ProtectedWebhookSecret);
        if (settings.WebhookUrl is null || secret is null)
        {
            return SendOutcome.Failure("not_configured: webhook URL or secret", permanent: true);
        }

        var body = Body(job);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, job.Delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, EventType(job.Delivery.Kind));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, new DateTimeOffset(job.NowUtc).ToUnixTimeSeconds(), body));
        try
        {
            using var response = await clients.CreateClient(DeliveryHttp.Client).SendAsync(request, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? SendOutcome.Success(status)
                : SendOutcome.Failure($"http {status}", status, permanent: !SendOutcome.IsTransient(response.StatusCode));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.From(e);
        }
    }

    public static string EventType(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Report => "report.routed",
        DeliveryKind.Withdrawal => "report.withdrawn",
        _ => "report.updated",
    };

    /// <summary>
    /// The JSON body: the delivery's id and type, the organisation, and the report's public facts as they are now (see
    /// docs/delivery.md); an update also says which change it is about.
    /// </summary>
    public static byte[] Body(DeliveryJob job)
    {
        var f = job.Facts;
        var language = job.Settings.Language;
        var delivery = job.Delivery;
        object report = delivery.Kind != DeliveryKind.Withdrawal
            ? new
            {
                f.Id,
                f.TrackingNumber,
                f.Title,
                f.Description,
                Category = new { Code = f.CategoryCode, Name = f.Category.In(language) },
                Status = Appeals.Data.AppealWords.Code(f.Status),
                FiledAt = f.FiledAtUtc,
                AnswerDueAt = f.AnswerDueUtc,
                Place = new
                {
                    f.Latitude,
                    f.Longitude,
                    f.Address,
                    Source = SourceCode(f.Source),
                    Mahalla = new { Id = f.MahallaId, Name = f.Mahalla.In(language) },
                },
                Answers = JsonSerializer.Deserialize<JsonElement>(f.AnswersJson),
                Photos = f.PhotoUrls,
                f.Supporters,
                f.PublicName,
                f.PublicUrl,
                f.StaffUrl,
                Answer = f.AnswerText is null ? null : new { Text = f.AnswerText, AnsweredAt = f.AnsweredAtUtc },
            }
            : new { f.Id, f.TrackingNumber, f.PublicUrl, Category = new { Code = f.CategoryCode, Name = f.Category.In(language) } };
        var reporter = delivery.Kind != DeliveryKind.Withdrawal ? f.Reporter : null;
        var reroutedTo = delivery.Kind == DeliveryKind.Withdrawal ? new { Id = f.ResponsibleOrganizationId, Name = f.ResponsibleOrganization.In(language) } : null;
        var change = delivery.Kind == DeliveryKind.Update && job.Change is { } c
            ? new { c.Kind, Status = Appeals.Data.AppealWords.Code(c.Status), At = c.AtUtc, c.ActorRole, ByYourOrganization = c.ByTheOrganization }
            : null;
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            delivery.Id,
            Type = EventType(delivery.Kind),
            CreatedAt = delivery.CreatedAtUtc,
            Organization = new { Id = delivery.OrganizationId },
            Change = change,
            Report = report,
            ReroutedTo = reroutedTo,
            Reporter = reporter,
        }, Json);
    }

    private static string SourceCode(LocationSource source) => source switch
    {
        LocationSource.Map => "map",
        LocationSource.Device => "device",
        _ => "address",
    };
}
