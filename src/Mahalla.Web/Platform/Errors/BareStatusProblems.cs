using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// Errors that the framework answers before any endpoint runs leave the response empty: 401 and 403 from
/// authorization, 404 and 405 from routing, 415 from a body of the wrong type. On the API these get the same
/// ProblemDetails, with a stable <c>code</c> and text in the caller's language, as the refusals of the handlers.
/// On pages, the error page is shown in the user's language with the same status, instead of a blank one.
/// Open311, the transparency log, the health check and the OpenAPI document keep the formats their clients expect.
/// </summary>
internal static class BareStatusProblems
{
    public const string ErrorPage = "/not-found";

    /// <summary>
    /// The mark, in the request's items, of a page's request refused before any page ran: the text the error page shows
    /// (<see cref="RefusePage"/>).
    /// </summary>
    public const string Refusal = "Mahalla.Refusal";

    /// <summary>
    /// Refuses a page's request before any page runs: the error page is shown with <paramref name="status"/> and the text
    /// <paramref name="code"/> (a form that expired, that the page no longer shows, that cannot be read, or an address whose
    /// query cannot be read).
    /// </summary>
    public static void RefusePage(HttpContext http, int status, string code)
    {
        http.Response.StatusCode = status;
        http.Items[Refusal] = code;
    }

    public static IApplicationBuilder UseProblemsForBareErrors(this IApplicationBuilder app)
    {
        // Pages: the request runs again as the error page. On the application's own pipeline, not in a UseWhen branch:
        // only there does the repeated request get routed to the page.
        app.UseStatusCodePagesWithReExecute(ErrorPage, createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            if (IsPage(http.Request.Path))
            {
                return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
                    ? next(http)
                    : PageSendingAsync(http, next);
            }

            // Not a page: no error page. The API writes its own problem; Open311, the log and the rest answer as they do.
            http.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
            return IsApi(http.Request.Path) ? ApiAsync(http, next) : next(http);
        });
        return app;

        // A page's form that no form on the page took any more: the page changed since it was opened (a colleague answered
        // the request, or the same form was sent twice), and the form it came from is no longer shown. The framework answers
        // with an empty 400 in plain text; the error page, with 409, says what happened and that nothing was saved.
        // Any refusal of a request other than a GET is then shown by GET: the error page is found again by routing with the
        // request's method, so a POST would be taken for a form the page does not have (an empty 400), and a DELETE would
        // be refused once more (an empty 405).
        static async Task PageSendingAsync(HttpContext http, RequestDelegate next)
        {
            await next(http);
            var response = http.Response;
            if (response.HasStarted || response.ContentLength is not null)
            {
                return;
            }

            if (HttpMethods.IsPost(http.Request.Method) && response.StatusCode == StatusCodes.Status400BadRequest
                && response.ContentType?.StartsWith("text/plain", StringComparison.Ordinal) == true)
            {
                response.ContentType = null;
                RefusePage(http, StatusCodes.Status409Conflict, "error.form_gone");
            }

            if (response.StatusCode >= 400 && string.IsNullOrEmpty(response.ContentType))
            {
                http.Request.Method = HttpMethods.Get;
            }
        }

        static async Task ApiAsync(HttpContext http, RequestDelegate next)
        {
            await next(http);
            var response = http.Response;
            if (!response.HasStarted && response.StatusCode is >= 400 and < 600 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
            {
                await WriteProblemAsync(http);
            }
        }
    }

    /// <summary>
    /// After the antiforgery check: a page's form whose token no longer fits (the user signed in or out in another tab,
    /// or the browser lost its cookies) is refused with a 400 that shows the error page, which says so, instead of a
    /// blank one. The error page is a page like the others, shown by GET; nothing of the form is used or saved.
    /// </summary>
    public static IApplicationBuilder UseErrorPageForExpiredForms(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && IsPage(http.Request.Path)
                && http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && http.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                RefusePage(http, StatusCodes.Status400BadRequest, "error.form_expired");
                return Task.CompletedTask;
            }

            return next(http);
        });

    /// <summary>The text that explains a bare status, the same for the API's <c>code</c> and the error page.</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "error.sign_in_required",
        StatusCodes.Status403Forbidden => "error.forbidden",
        StatusCodes.Status404NotFound => "error.no_such_address",
        StatusCodes.Status405MethodNotAllowed => "error.method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "error.request_too_large",
        StatusCodes.Status415UnsupportedMediaType => "error.unsupported_media_type",
        >= 500 => "error.unexpected",
        _ => "error.bad_request",
    };

    internal static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    internal static bool IsPage(PathString path) =>
        !IsApi(path)
        && !path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/tlog", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static Task WriteProblemAsync(HttpContext http) => WriteProblemAsync(http, CodeFor(http.Response.StatusCode));

    /// <summary>The API's ProblemDetails for the response's status, with <paramref name="code"/> and its text.</summary>
    internal static async Task WriteProblemAsync(HttpContext http, string code)
    {
        var status = http.Response.StatusCode;
        var texts = http.RequestServices.GetRequiredService<Texts>();
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problems.Create(texts, status, code),
        });
    }
}
