using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Mahalla.Web.Modules.Open311.Clients;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// What every GeoReport endpoint shares, as one endpoint filter: the format from the resource's extension
/// (anything but .xml or .json is a 404), the language from <c>locale</c>, well-formed UTF-8 arguments, the form
/// body of a POST, the client's key and its rate limit, and the spec's error list for every refusal — never a
/// ProblemDetails, never a 500 with internals.
/// </summary>
internal static class Open311Pipeline
{
    /// <summary>A POST body larger than this is refused before it is read (a 4,000-character description in Cyrillic is about 24 KB encoded).</summary>
    public const int MaxBodyBytes = 128 * 1024;

    private const string ClientItem = "open311:client";
    private const string FormItem = "open311:form";
    private const string QueryItem = "open311:query";

    public static IResult Ok(string format, Node document) => new WireResult(document, Wire.Parse(format) ?? WireFormat.Xml);

    /// <summary>The arguments of the request: the POST's form (read once, strictly) and the query string.</summary>
    public static Parameters ArgumentsOf(HttpContext http) =>
        new(http.Items[FormItem] as Dictionary<string, StringValues>, http.Items[QueryItem] as Dictionary<string, StringValues> ?? []);

    /// <summary>The client application whose valid key came with the request, if any.</summary>
    public static VerifiedClient? ClientOf(HttpContext http) => http.Items[ClientItem] as VerifiedClient;

    public static async ValueTask<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var format = FormatOf(http);
        if (format is null)
        {
            return Refuse(WireFormat.Xml, Open311Exception.NotFound("Unknown format: resources are served as .xml or .json."));
        }

        try
        {
            var query = ReadQuery(http);
            var form = HttpMethods.IsPost(http.Request.Method) ? await ReadFormAsync(http) : null;
            var arguments = new Parameters(form, query);
            UseLocale(arguments["locale"]);
            var key = arguments["api_key"];
            var client = key is null ? null : await http.RequestServices.GetRequiredService<ClientKeys>().VerifyAsync(key, http.RequestAborted);
            http.Items[ClientItem] = client;
            var partition = client is not null ? $"client:{client.Id:N}" : $"address:{http.Connection.RemoteIpAddress}";
            if (http.RequestServices.GetRequiredService<Open311Limiter>().Refuse(partition) is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                throw new Open311Exception(StatusCodes.Status429TooManyRequests, "Too many requests: try again later.");
            }

            return await next(context);
        }
        catch (Open311Exception refused)
        {
            return Refuse(format.Value, refused);
        }
        catch (InvalidInputException invalid)
        {
            var catalog = http.RequestServices.GetRequiredService<TextCatalog>();
            return Refuse(format.Value, new Open311Exception(StatusCodes.Status400BadRequest, invalid.Validation.Errors
                .SelectMany(e => e.Value.Select(k => new Open311Error(StatusCodes.Status400BadRequest, $"{ArgumentOf(e.Key)}: {catalog.Get("en", k)}")))
                .ToList()));
        }
        catch (BusinessRuleException rule)
        {
            var catalog = http.RequestServices.GetRequiredService<TextCatalog>();
            return Refuse(format.Value, Open311Exception.BadRequest(catalog.Get("en", rule.Rule)));
        }
        catch (NotFoundException)
        {
            return Refuse(format.Value, Open311Exception.NotFound("Not found."));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refuse(format.Value, Open311Exception.BadRequest("The request changed while it was being processed: try again."));
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // The spec's "general service error": 400, and the client is asked to tell us. The log names the endpoint, never the arguments.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Open311Pipeline))
                .LogError(failure, "Open311 request failed on {Endpoint}", http.GetEndpoint()?.DisplayName);
            return Refuse(format.Value, Open311Exception.BadRequest("General service error: the request could not be processed. Please tell the platform's administrators."));
        }
    }

    /// <summary>The format of the resource: the route's extension, or for an unknown resource the path's own (XML unless it ends in .json).</summary>
    private static WireFormat? FormatOf(HttpContext http) =>
        http.GetRouteValue("format") is string extension ? Wire.Parse(extension)
        : http.Request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? WireFormat.Json
        : WireFormat.Xml;

    private static WireResult Refuse(WireFormat format, Open311Exception refused) =>
        new(Open311Exception.Document(refused.Errors), format, refused.Status);

    /// <summary><c>locale</c> (e.g. <c>ru</c>, <c>uz-Cyrl</c>) overrides the language chosen from Accept-Language; Uzbek Latin by default.</summary>
    private static void UseLocale(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale) && locale.Length <= 20)
        {
            var culture = CultureInfo.GetCultureInfo(TextCatalog.Normalize(locale.Trim()));
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The query string, read as strictly as a form body (the framework passes malformed escapes through as text).</summary>
    private static Dictionary<string, StringValues> ReadQuery(HttpContext http)
    {
        var raw = http.Request.QueryString.Value;
        Dictionary<string, StringValues> query;
        try
        {
            query = string.IsNullOrEmpty(raw) ? [] : FormBody.Parse(Encoding.UTF8.GetBytes(raw[1..]));
        }
        catch (Open311Exception)
        {
            throw Open311Exception.BadRequest("The query string is not well-formed: arguments must be percent-encoded UTF-8.");
        }

        if (!Parameters.AreWellFormed(query))
        {
            throw Open311Exception.BadRequest("Arguments must be UTF-8 text without control characters.");
        }

        http.Items[QueryItem] = query;
        return query;
    }

    /// <summary>
    /// Reads a POST's form: application/x-www-form-urlencoded in UTF-8, bounded in size and number of fields. Any
    /// breach is a 400, before anything is looked up or saved.
    /// </summary>
    private static async Task<Dictionary<string, StringValues>> ReadFormAsync(HttpContext http)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw Open311Exception.BadRequest("Send the request as application/x-www-form-urlencoded; charset=utf-8.");
        }

        if (type.CharSet is { Length: > 0 } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw Open311Exception.BadRequest("UTF-8 is required: send charset=utf-8.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw Open311Exception.BadRequest("The request is too large (at most 128 KB).");
        }

        var form = await FormBody.ReadAsync(request.Body, MaxBodyBytes, http.RequestAborted);
        if (!Parameters.AreWellFormed(form))
        {
            throw Open311Exception.BadRequest("Arguments must be UTF-8 text without control characters.");
        }

        http.Items[FormItem] = form;
        return form;
    }

    /// <summary>The GeoReport argument a field of the report corresponds to, for error descriptions.</summary>
    private static string ArgumentOf(string field) => field switch
    {
        "categoryCode" => "service_code",
        "description" or "title" => "description",
        "latitude" or "locationSource" => "lat",
        "longitude" => "long",
        "territoryId" => "address_id",
        "address" => "address_string",
        "language" => "locale",
        "answers" => "attribute",
        _ when field.StartsWith("answers.", StringComparison.Ordinal) => $"attribute[{field[8..]}]",
        _ => field,
    };
}
