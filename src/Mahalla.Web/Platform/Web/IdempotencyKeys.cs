using Microsoft.OpenApi;

namespace Mahalla.Web.Platform.Web;

/// <summary>
/// The <c>Idempotency-Key</c> header that makes a creation safe to retry (filing an appeal or a report, adding a note): read
/// under one name, and described in the OpenAPI document as a parameter of the operations that take it.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;

    /// <summary>The caller's key for this request, if it sent one.</summary>
    public static string? Of(HttpRequest request) => request.Headers[Header].FirstOrDefault();

    /// <summary>A key is 1 to 100 characters; anything else is refused as input, before any work.</summary>
    public static void Check(string? key, Errors.Validation validation)
    {
        if (key is { Length: 0 or > MaxLength })
        {
            validation.Add(Header, "validation.idempotency_key");
        }
    }

    /// <summary>
    /// The id of what a creation makes under the caller's key, or null without one (ADR 0086): the same caller, operation
    /// and key give the same id on every node, and two callers' keys never meet. A key that is not 1 to 100 characters is
    /// refused as input.
    /// </summary>
    public static Guid? IdOf(HttpContext http)
    {
        var key = Of(http.Request);
        var validation = new Errors.Validation();
        Check(key, validation);
        validation.ThrowIfInvalid();
        if (key is null)
        {
            return null;
        }

        var caller = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            ?? throw new InvalidOperationException("An operation that takes an Idempotency-Key is for signed-in callers.");
        var operation = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        return Database.NamedIds.From($"mahalla:key:{caller}:{http.Request.Method} {operation}:{key}");
    }

    /// <summary>Describes the header on the operation: what a retry under the same key gets.</summary>
    public static RouteHandlerBuilder TakesIdempotencyKey(this RouteHandlerBuilder endpoint, string retried) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"1–{MaxLength} characters of the caller's choosing, one per request. {retried} The same key with another request is refused (409 rule.idempotency_key_reused).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = MaxLength },
            });
            return Task.CompletedTask;
        });
}
