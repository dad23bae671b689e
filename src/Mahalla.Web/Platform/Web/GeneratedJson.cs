using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Platform.Web;

/// <summary>
/// A 200 whose JSON is written by the code a source-generated context made for <typeparamref name="T"/> (the
/// serializer's fast path), for answers that are large and asked for often, such as the inbox page.
/// </summary>
/// <remarks>
/// <c>TypedResults.Ok</c> serializes with the app's JSON options, whose resolvers include reflection; there the generated
/// context only supplies metadata, and every property goes through the general converters. The fast path is taken only
/// with the context's own options, and only when writing synchronously: the asynchronous writer gives it up for answers
/// larger than its flush threshold (about 16 KB). So the value is written to the response's pipe in one synchronous pass,
/// which only buffers, and then flushed. The JSON must be the bytes <c>TypedResults.Ok</c> would write: the context's
/// options are the app's (the web defaults), and the writer takes its escaping from the app's options, where ASP.NET
/// Core sets a relaxed encoder (an apostrophe or a Cyrillic letter is written as itself, not as <c>\u0027</c>); the
/// generated code escapes values through the writer's encoder.
/// </remarks>
public sealed class GeneratedJson<T>(T value, JsonTypeInfo<T> typeInfo)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = JsonContentType;
        // The writer escapes as the app's options do (ASP.NET Core's relaxed encoder), whatever the context's options say.
        var apps = httpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? typeInfo.Options;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter,
            new JsonWriterOptions { Encoder = apps.Encoder, Indented = apps.WriteIndented, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The same OpenAPI description as <c>Ok&lt;T&gt;</c>: a 200 with <typeparamref name="T"/> as JSON.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
