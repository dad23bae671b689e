using System.Globalization;
using System.Net.Mail;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Delivery.Sending;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Delivery.Settings;

/// <summary>
/// An organisation's delivery settings as administrators see them. Secrets never appear: only whether they
/// are set — except <see cref="NewWebhookSecret"/>, a secret the platform has just generated, shown this once.
/// </summary>
public sealed record DeliverySettingsView(
    Guid OrganizationId, string Method, string Language, bool ShareReporterContact, string? EmailTo, string? WebhookUrl, bool HasWebhookSecret,
    string? Open311Endpoint, bool HasOpen311ApiKey, string? Open311JurisdictionId, string Open311Format,
    IReadOnlyDictionary<string, string> Open311ServiceCodes, bool Open311PostsUpdates, DateTime? UpdatedAtUtc, string? NewWebhookSecret = null);

/// <summary>
/// The whole settings of an organisation (PUT replaces them). <see cref="WebhookSecret"/> and
/// <see cref="Open311ApiKey"/> keep the stored value when absent; a webhook without a secret gets a generated one,
/// and <see cref="RotateWebhookSecret"/> replaces it with a new one.
/// </summary>
public sealed record DeliverySettingsRequest(
    string? Method, string? Language, bool? ShareReporterContact, string? EmailTo, string? WebhookUrl, string? WebhookSecret, bool? RotateWebhookSecret,
    string? Open311Endpoint, string? Open311ApiKey, string? Open311JurisdictionId, string? Open311Format,
    Dictionary<string, string>? Open311ServiceCodes, bool? Open311PostsUpdates);

/// <summary>Reads and changes how organisations receive their reports (administrators only).</summary>
internal sealed class DeliverySettingsAdmin(MahallaDb db, SecretBox secrets, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    public async Task<DeliverySettingsView> GetAsync(Guid organizationId, CancellationToken ct)
    {
        await OrganizationMustExistAsync(organizationId, ct);
        var settings = await db.Set<DeliverySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == organizationId, ct);
        return View(settings ?? new DeliverySettings(organizationId), settings is null ? null : settings.UpdatedAtUtc);
    }

    public async Task<DeliverySettingsView> PutAsync(Guid organizationId, DeliverySettingsRequest request, CancellationToken ct)
    {
        await OrganizationMustExistAsync(organizationId, ct);
        var validation = new Validation();
        var method = DeliveryWords.ParseMethod(request.Method ?? "inbox");
        if (method is null)
        {
            validation.Add("method", "delivery.validation.method");
        }

        var language = request.Language ?? TextCatalog.Default;
        if (!TextCatalog.Cultures.Contains(language))
        {
            validation.Add("language", "validation.language");
        }

        var emailTo = Blank(request.EmailTo);
        if (emailTo is not null && (emailTo.Length > DeliverySettings.MaxEmailLength || !MailAddress.TryCreate(emailTo, out var parsed) || parsed.Address != emailTo))
        {
            validation.Add("emailTo", "delivery.validation.email");
        }
        else if (emailTo is null && method == DeliveryMethod.Email)
        {
            validation.Add("emailTo", "delivery.validation.email");
        }

        var webhookUrl = Address(request.WebhookUrl, "webhookUrl", method == DeliveryMethod.Webhook, validation);
        var secret = Blank(request.WebhookSecret);
        if (secret is not null && (secret.Length is < 16 or > 200 || secret.Any(char.IsControl)))
        {
            validation.Add("webhookSecret", "delivery.validation.secret");
        }

        var endpoint = Address(request.Open311Endpoint, "open311Endpoint", method == DeliveryMethod.Open311, validation);
        if (endpoint is not null && !endpoint.EndsWith('/'))
        {
            endpoint += "/";
        }

        var apiKey = Blank(request.Open311ApiKey);
        if (apiKey is not null && (apiKey.Length > 200 || apiKey.Any(char.IsControl)))
        {
            validation.Add("open311ApiKey", "delivery.validation.api_key");
        }

        var format = (request.Open311Format ?? "xml").Trim().ToLowerInvariant();
        if (format is not ("xml" or "json"))
        {
            validation.Add("open311Format", "delivery.validation.format");
        }

        var jurisdiction = Blank(request.Open311JurisdictionId);
        if (jurisdiction is not null && (jurisdiction.Length > 100 || jurisdiction.Any(char.IsControl)))
        {
            validation.Add("open311JurisdictionId", "delivery.validation.jurisdiction");
        }

        var codes = request.Open311ServiceCodes ?? [];
        var known = await db.Categories.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        if (codes.Any(c => !known.Contains(c.Key) || string.IsNullOrWhiteSpace(c.Value) || c.Value.Length > 100 || c.Value.Any(char.IsControl))
            || (method == DeliveryMethod.Open311 && codes.Count == 0))
        {
            validation.Add("open311ServiceCodes", "delivery.validation.service_codes");
        }

        var settings = await db.Set<DeliverySettings>().FirstOrDefaultAsync(s => s.OrganizationId == organizationId, ct);
        if (method == DeliveryMethod.Open311 && apiKey is null && settings?.ProtectedOpen311ApiKey is null)
        {
            validation.Add("open311ApiKey", "delivery.validation.api_key");
        }

        validation.ThrowIfInvalid();
        string? generated = null;
        if (request.RotateWebhookSecret == true || (method == DeliveryMethod.Webhook && secret is null && settings?.ProtectedWebhookSecret is null))
        {
            secret = generated = SecretBox.NewWebhookSecret();
        }

        if (settings is null)
        {
            settings = new DeliverySettings(organizationId);
            db.Add(settings);
        }

        settings.Change(method!.Value, language, request.ShareReporterContact ?? false, emailTo, webhookUrl, secret is null ? null : secrets.Protect(secret),
            endpoint, apiKey is null ? null : secrets.Protect(apiKey), jurisdiction, format, codes.ToDictionary(c => c.Key, c => c.Value.Trim()),
            request.Open311PostsUpdates ?? false, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(settings, settings.UpdatedAtUtc) with { NewWebhookSecret = generated };
    }

    /// <summary>The categories a service code may be given for, in the caller's language: every reportable one, and any already mapped.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> ServiceCodeCategoriesAsync(IReadOnlyDictionary<string, string> mapped, string culture,
        CancellationToken ct)
    {
        var codes = mapped.Keys.ToList();
        var reportable = db.Set<ReportCategory>().Where(r => r.IsReportable).Select(r => r.CategoryCode);
        var rows = await db.Categories.AsNoTracking().Where(c => reportable.Contains(c.Code) || codes.Contains(c.Code))
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name.In(culture))).OrderBy(r => r.Item2, StringComparer.Create(CultureInfo.GetCultureInfo(culture), true)).ToList();
    }

    /// <summary>An organisation's own server: absolute, HTTPS (plain HTTP only where configuration allows), no user info.</summary>
    private string? Address(string? text, string field, bool required, Validation validation)
    {
        var value = Blank(text);
        if (value is null)
        {
            if (required)
            {
                validation.Add(field, "delivery.validation.url");
            }

            return null;
        }

        var ok = value.Length <= DeliverySettings.MaxUrlLength
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowInsecureHttp))
            && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.Query);
        if (!ok)
        {
            validation.Add(field, "delivery.validation.url");
        }

        return value;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task OrganizationMustExistAsync(Guid organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            throw new NotFoundException();
        }
    }

    private static DeliverySettingsView View(DeliverySettings s, DateTime? updatedAtUtc) =>
        new(s.OrganizationId, s.Method.Code(), s.Language, s.ShareReporterContact, s.EmailTo, s.WebhookUrl, s.ProtectedWebhookSecret is not null,
            s.Open311Endpoint, s.ProtectedOpen311ApiKey is not null, s.Open311JurisdictionId, s.Open311Format, s.Open311ServiceCodes,
            s.Open311PostsUpdates, updatedAtUtc);
}
