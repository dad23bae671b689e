using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// Turns domain refusals into RFC 9457 ProblemDetails in the caller's language. Anything else is a
/// 500 whose body carries no internals (the exception goes to the log without request data).
/// </summary>
internal sealed class ProblemHandler(IProblemDetailsService problems, Texts texts, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler has taken the endpoint off the request; the feature keeps the one that failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();

        // A body the endpoint's binding could not read names its field, like any other invalid input (ADR 0082).
        if (exception is BadHttpRequestException { InnerException: JsonException unreadable })
        {
            exception = JsonBodies.Refusal(unreadable, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, http.Request);
        }

        if (exception is InvalidInputException invalid)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            var problem = Problems.Create(texts, StatusCodes.Status400BadRequest, "error.invalid_input",
                invalid.Validation.Errors.ToDictionary(e => e.Key, e => e.Value.Select(k => texts[k]).ToArray()));
            // The same errors as stable codes, for programs (the texts above are for people and follow their language).
            problem.Extensions["errorCodes"] = invalid.Validation.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
        }

        var (status, code) = Problems.Refusal(exception) ?? exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, BareStatusProblems.CodeFor(bad.StatusCode)),
            _ => (StatusCodes.Status500InternalServerError, "error.unexpected"),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Endpoint}", http.Request.Method, endpoint?.DisplayName);
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = Problems.Create(texts, status, code),
        });
    }
}

/// <summary>ProblemDetails with a stable <c>code</c> extension and a localised <c>detail</c>.</summary>
public static class Problems
{
    // The statuses with a title of their own in the texts; any other one is titled as a 400 or a 500.
    private static readonly int[] Titled = [400, 401, 403, 404, 405, 409, 413, 415, 429, 500];

    /// <summary>
    /// The status and text of a refusal that a use case raised, the same for the API (<see cref="ProblemHandler"/>) and the
    /// pages (<c>PageBase</c>); null for anything else. Input errors (400) carry their fields and are handled apart.
    /// </summary>
    public static (int Status, string Code)? Refusal(Exception exception) => exception switch
    {
        BusinessRuleException rule => (StatusCodes.Status409Conflict, rule.Rule),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "rule.changed_by_someone_else"),
        DbUpdateException update when ConcurrencyGuards.IsUniqueViolation(update) => (StatusCodes.Status409Conflict, "rule.saved_meanwhile"),
        NotFoundException => (StatusCodes.Status404NotFound, "error.not_found"),
        ForbiddenException forbidden => (StatusCodes.Status403Forbidden, forbidden.Rule),
        _ => null,
    };

    /// <summary>The text key of a status's title, for ProblemDetails and for the error page alike.</summary>
    public static string TitleKey(int status) =>
        $"status.http.{(Titled.Contains(status) ? status : status >= 500 ? 500 : 400)}";

    public static ProblemDetails Create(Texts texts, int status, string code, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = texts[TitleKey(status)];
        problem.Detail = texts[code];
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemHttpResult Conflict(Texts texts, string code) =>
        TypedResults.Problem(Create(texts, StatusCodes.Status409Conflict, code));

}

/// <summary>Collects field errors as localisation keys; pages and the API render them in the user's language.</summary>
public sealed class Validation
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    public static Validation Of(string field, string key)
    {
        var v = new Validation();
        v.Add(field, key);
        return v;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InvalidInputException(this);
        }
    }

    public void Add(string field, string key)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(key);
    }

    public string? First(string field) => Errors.TryGetValue(field, out var list) ? list[0] : null;
}
