using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.Open311.ServiceList;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.FileReport;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace Mahalla.Web.Modules.Open311.PostRequest;

/// <summary>
/// <c>POST requests</c>: a client application files a report on behalf of someone who may have no account. The
/// arguments are checked in full before anything is saved (every problem is reported at once, as the spec's
/// error list); a realtime service files the report at once and answers its tracking number as
/// <c>service_request_id</c>; a batch service queues it and answers a <c>token</c>. Contact arguments
/// (<c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>phone</c>, <c>device_id</c>, <c>account_id</c>) are
/// not read at all: the report stays anonymous and nothing personal is kept (ADR 0061).
/// </summary>
internal sealed class PostServiceRequest(
    MahallaDb db, Jurisdictions jurisdictions, ServiceCatalog catalog, Locator locator, FileReportHandler handler,
    Open311Filing filing, TimeProvider clock, Texts texts)
{
    /// <summary>The spec limits a description to 4,000 characters.</summary>
    public const int MaxDescriptionLength = 4_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Node> PostAsync(HttpContext http, CancellationToken ct)
    {
        var arguments = Open311Pipeline.ArgumentsOf(http);
        var client = Open311Pipeline.ClientOf(http) ?? throw Open311Exception.Forbidden(arguments["api_key"] is null
            ? "api_key is required -- can't proceed with create_request."
            : "Invalid api_key received -- can't proceed with create_request.");
        var jurisdiction = await jurisdictions.ResolveAsync(arguments["jurisdiction_id"], ct);
        var code = arguments["service_code"] ?? throw Open311Exception.BadRequest("service_code was not provided.");
        var service = await catalog.FindAsync(code, ct) ?? throw Open311Exception.NotFound($"service_code{Open311Exception.Quoted(code)} was not found.");

        var errors = new List<Open311Error>();
        var request = await ReadAsync(arguments, service, jurisdiction, errors, ct);
        var mediaUrl = MediaUrl(arguments["media_url"], errors);
        if (errors.Count > 0)
        {
            throw new Open311Exception(StatusCodes.Status400BadRequest, errors);
        }

        if (service.Realtime)
        {
            filing.Expect(new ExpectedFiling(client.Id, service.Code, mediaUrl, null));
            var filed = await handler.HandleAsync(new ReportIntake(Caller.Anonymous, ReportChannel.Open311, client.Id), request, [], ct);
            return Answer(new Leaf("service_request_id", filed.TrackingNumber),
                texts.Format("open311.notice.filed", filed.ResponsibleOrganization, W3cDates.Format(filed.AnswerDueUtc)[..10]));
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Add(Open311Submission.Queue(Guid.CreateVersion7(), token, client.Id, service.Code, JsonSerializer.Serialize(request, Json), mediaUrl,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return Answer(new Leaf("token", token), texts["open311.notice.queued"]);
    }

    private static Node Answer(Leaf id, string notice) =>
        new Many("service_requests", "request", [new Group("request", id, new Leaf("service_notice", notice), new Leaf("account_id", null))]);

    /// <summary>The report the arguments describe; problems go to <paramref name="errors"/>.</summary>
    private async Task<FileReportRequest> ReadAsync(Parameters arguments, Service service, Jurisdiction jurisdiction, List<Open311Error> errors, CancellationToken ct)
    {
        var culture = texts.Culture;

        // Arguments are already known to be clean text (Open311Pipeline). The description is optional in the spec; the request engine needs a text, and the service's name is what the client told us.
        var description = arguments["description"] ?? service.Name.In(culture);
        if (description.Length > MaxDescriptionLength)
        {
            errors.Add(Bad("description is longer than 4,000 characters."));
        }

        var address = arguments["address_string"];
        if (address is { Length: > Report.MaxAddressLength })
        {
            errors.Add(Bad("address_string is longer than 300 characters."));
        }

        double? latitude = null, longitude = null;
        Guid? mahallaId = null;
        var (latText, longText, addressId) = (arguments["lat"], arguments["long"], arguments["address_id"]);
        if (latText is not null || longText is not null)
        {
            latitude = Coordinate(latText, 90);
            longitude = Coordinate(longText, 180);
            if (latitude is null || longitude is null)
            {
                errors.Add(Bad("lat and long must both be given, in WGS84 decimal degrees (lat -90 to 90, long -180 to 180)."));
            }
            else if (await locator.PlaceAsync(latitude.Value, longitude.Value, ct) is not { } placement)
            {
                errors.Add(Bad("lat/long: the point is outside the area this platform serves."));
            }
            else if (!jurisdiction.Covers(placement.MahallaPath))
            {
                errors.Add(Bad("lat/long: the point is outside jurisdiction_id."));
            }
        }
        else if (addressId is not null)
        {
            var mahalla = await MahallaAsync(addressId, ct);
            if (mahalla is null)
            {
                errors.Add(Bad($"address_id{Open311Exception.Quoted(addressId)} is neither the id nor the SOATO code of a mahalla."));
            }
            else if (!jurisdiction.Covers(mahalla.Path))
            {
                errors.Add(Bad("address_id: the mahalla is outside jurisdiction_id."));
            }
            else
            {
                mahallaId = mahalla.Id;
                address ??= mahalla.Name.In(culture);
            }
        }
        else if (address is not null)
        {
            // No geocoder: an address alone is placed only when the jurisdiction is one mahalla.
            if (jurisdiction.IsMahalla)
            {
                mahallaId = jurisdiction.TerritoryId;
            }
            else
            {
                errors.Add(Bad("address_string alone cannot be placed: add lat and long, or address_id (a mahalla's id or SOATO code)."));
            }
        }
        else
        {
            errors.Add(Bad("A location is required: lat and long, address_string, or address_id."));
        }

        var answers = Attributes(arguments.Form, errors);
        var validation = new Validation();
        FileReportHandler.CheckAnswers(service.Questions, answers, validation);
        foreach (var (field, keys) in validation.Errors)
        {
            var name = field.StartsWith("answers.", StringComparison.Ordinal) ? $"attribute[{field[8..]}]" : "attribute";
            errors.AddRange(keys.Select(k => Bad($"{name}: {texts.Catalog.Get("en", k)}")));
        }

        return new FileReportRequest(service.Code, null, description, latitude, longitude, null, mahallaId, address, answers, ShowName: false, culture);
    }

    /// <summary>
    /// <c>attribute[code]=value</c>, and <c>attribute[code][]=value</c> repeated for a multi-value list. Any other
    /// shape of an attribute argument is an error.
    /// </summary>
    private static Dictionary<string, List<string>> Attributes(IReadOnlyDictionary<string, StringValues> form, List<Open311Error> errors)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (!key.StartsWith("attribute", StringComparison.Ordinal))
            {
                continue;
            }

            var close = key.IndexOf(']', StringComparison.Ordinal);
            var suffix = close < 0 ? "" : key[(close + 1)..];
            if (!key.StartsWith("attribute[", StringComparison.Ordinal) || close <= "attribute[".Length || suffix is not ("" or "[]"))
            {
                errors.Add(Bad("Attributes are sent as attribute[code]=value, or attribute[code][]=value for each value of a multivaluelist."));
                continue;
            }

            var code = key["attribute[".Length..close];
            if (!answers.TryGetValue(code, out var list))
            {
                answers[code] = list = [];
            }

            list.AddRange(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!));
        }

        return answers;
    }

    private static double? Coordinate(string? text, double limit) =>
        text is { Length: <= 40 } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && Math.Abs(value) <= limit
            ? value
            : null;

    /// <summary>A media_url is kept as given, for the organisation; it is never fetched and never published.</summary>
    private static string? MediaUrl(string? text, List<Open311Error> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length <= Open311Submission.MaxMediaUrlLength && Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.AbsoluteUri;
        }

        errors.Add(Bad("media_url must be an http or https URL of at most 2,000 characters."));
        return null;
    }

    /// <summary>A mahalla by its id or its SOATO code.</summary>
    private async Task<Territory?> MahallaAsync(string addressId, CancellationToken ct)
    {
        var mahallas = db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Mahalla);
        if (Guid.TryParse(addressId, out var id))
        {
            return await mahallas.FirstOrDefaultAsync(t => t.Id == id, ct);
        }

        return addressId.Length <= 20 && addressId.All(char.IsAsciiDigit)
            ? await mahallas.FirstOrDefaultAsync(t => t.SoatoCode == addressId, ct)
            : null;
    }

    private static Open311Error Bad(string description) => new(StatusCodes.Status400BadRequest, description);
}
