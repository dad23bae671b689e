using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// A request body is read in UTF-8, and a form is read whole before anything uses it (ADR 0089). The framework's readers
/// decode a body by the charset its <c>Content-Type</c> names, and fail on one they do not know (500), on a form cut short
/// or over their limits, or on a part that names UTF-7, wherever the form happens to be read first: the antiforgery check
/// for pages, which then said the form had expired, or the handler for the API. Here, before either:
/// <list type="bullet">
/// <item>a body that names a charset other than UTF-8 (or US-ASCII, a part of it) is refused with 415 <c>error.unsupported_charset</c>;</item>
/// <item>a page's form, or a form sent to an API operation that takes one, is read once (the framework keeps it for the
/// antiforgery check, the page and the handler). One that cannot be read is refused with 400 (<c>error.form_unreadable</c>
/// on pages, <c>validation.form_unreadable</c> on the API), one over the size limit with 413
/// <c>error.request_too_large</c>, and a part in UTF-7 with 415.</item>
/// </list>
/// Pages show the error page with that status and text (<see cref="BareStatusProblems.Refusal"/>); the API answers
/// ProblemDetails. Open311 keeps its own check and format; the other addresses take no bodies of these kinds.
/// </summary>
internal static class ReadableBodies
{
    public static IApplicationBuilder UseReadableBodies(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var request = http.Request;
            if (request.ContentType is null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                return next(http);
            }

            var page = BareStatusProblems.IsPage(request.Path);
            if (!page && !BareStatusProblems.IsApi(request.Path))
            {
                return next(http);
            }

            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.Length > 0)
            {
                if (!IsUtf8(type.Charset))
                {
                    return RefuseAsync(http, page, StatusCodes.Status415UnsupportedMediaType, "error.unsupported_charset");
                }

                // charset="utf-8" is as valid as charset=utf-8, but the framework's JSON reader takes the quotes for the
                // name and fails; and US-ASCII is read as the UTF-8 it is part of. The readers after this one get the plain name.
                if (!type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
                {
                    type.Charset = "utf-8";
                    request.ContentType = type.ToString();
                }
            }

            return request.HasFormContentType && (page ? HttpMethods.IsPost(request.Method) : TakesForm(http.GetEndpoint()))
                ? ReadFormAsync(http, next, page)
                : next(http);
        });

    /// <summary>
    /// UTF-8 or US-ASCII (a part of it, which .NET's <c>StringContent</c> names for <c>Encoding.ASCII</c>) by their registered
    /// names, quoted or not.
    /// </summary>
    private static bool IsUtf8(StringSegment charset) =>
        HeaderUtilities.RemoveQuotes(charset) is var name
        && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase));

    private static bool TakesForm(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { } types
        && types.Any(t => t.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    private static async Task ReadFormAsync(HttpContext http, RequestDelegate next, bool page)
    {
        var failure = await TryReadFormAsync(http);
        if (failure is { } refusal)
        {
            await RefuseAsync(http, page, refusal.Status, refusal.Code);
            return;
        }

        await next(http);
    }

    private static async Task<(int Status, string Code)?> TryReadFormAsync(HttpContext http)
    {
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (e.StatusCode, "error.request_too_large");
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own refusals of the connection (a body that stalls, broken chunks): answered as they always are.
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException
            || (e is IOException && !http.RequestAborted.IsCancellationRequested))
        {
            // Cut short, malformed, over the limits on the number or length of fields and parts, or not decodable.
            return (StatusCodes.Status400BadRequest, "error.form_unreadable");
        }
        catch (NotSupportedException)
        {
            // A part whose Content-Type names UTF-7: the runtime refuses to make that encoding at all.
            return (StatusCodes.Status415UnsupportedMediaType, "error.unsupported_charset");
        }
    }

    private static Task RefuseAsync(HttpContext http, bool page, int status, string code)
    {
        if (page)
        {
            BareStatusProblems.RefusePage(http, status, code);
            return Task.CompletedTask;
        }

        // The API: an unreadable form is invalid input like an unreadable JSON body, with the field "body".
        if (status == StatusCodes.Status400BadRequest)
        {
            throw new InvalidInputException(Validation.Of(JsonBodies.Body, "validation.form_unreadable"));
        }

        http.Response.StatusCode = status;
        return BareStatusProblems.WriteProblemAsync(http, code);
    }
}
