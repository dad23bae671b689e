using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// Says which field of a JSON request body could not be read, and why (ADR 0082): a name the request does not have, a
/// value of the wrong kind (with the kind expected), or a body that is not JSON at all. The field comes from the path
/// System.Text.Json reports; the reason from the request's own type, never from the exception's English message.
/// </summary>
public static class JsonBodies
{
    public const string Body = "body";

    // A hostile body can name a field with 300,000 characters; the answer repeats only the start of it.
    private const int MaxFieldLength = 100;

    /// <summary>
    /// Reads a request body that an endpoint reads itself (one that also takes a form), refused the way bound bodies
    /// are: no body or <c>null</c> is <c>validation.body</c>, and a field that cannot be read is named.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(ct) ?? throw new InvalidInputException(Validation.Of(Body, "validation.body"));
        }
        catch (JsonException e)
        {
            throw Refusal(e, typeof(T), request);
        }
    }

    /// <summary>The API's serializer options, which say what a request's fields are called.</summary>
    internal static JsonSerializerOptions OptionsOf(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>The refusal of a body that <paramref name="target"/> could not be read from.</summary>
    public static InvalidInputException Refusal(JsonException exception, Type? target, HttpRequest request)
    {
        var (field, key) = Describe(exception, target, OptionsOf(request));
        return new InvalidInputException(Validation.Of(field, key));
    }

    private static (string Field, string Key) Describe(JsonException exception, Type? target, JsonSerializerOptions options)
    {
        // The reader's own failures (not JSON, not UTF-8, unclosed, too deep) come wrapped; their path is where it stopped.
        if (exception.InnerException is JsonException || Segments(exception.Path) is not { } path)
        {
            return (Body, "validation.body");
        }

        // A field given twice fails where a value of the wrong kind would: only the message tells them apart.
        if (Duplicates.Match(exception))
        {
            return (path.Count == 0 ? Body : Field(path), "validation.duplicate_field");
        }

        if (path.Count == 0)
        {
            return (Body, target is null ? "validation.body" : Expected(options.GetTypeInfo(target)));
        }

        var field = Field(path);
        var parent = target is null ? null : Walk(options.GetTypeInfo(target), path.SkipLast(1), options);
        if (parent is null)
        {
            return (field, "validation.wrong_type");
        }

        var last = path[^1];
        if (last.Index || parent.Kind is JsonTypeInfoKind.Dictionary)
        {
            return parent.ElementType is { } element ? (field, Expected(options.GetTypeInfo(element))) : (field, "validation.wrong_type");
        }

        return Property(parent, last.Name, options) is { } property
            ? (field, Expected(options.GetTypeInfo(property.PropertyType)))
            : (field, "validation.unknown_field");
    }

    private static JsonTypeInfo? Walk(JsonTypeInfo? info, IEnumerable<Segment> path, JsonSerializerOptions options)
    {
        foreach (var segment in path)
        {
            info = info switch
            {
                null => null,
                { Kind: JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary, ElementType: { } element } => options.GetTypeInfo(element),
                { Kind: JsonTypeInfoKind.Object } when !segment.Index && Property(info, segment.Name, options) is { } property =>
                    options.GetTypeInfo(property.PropertyType),
                _ => null,
            };
        }

        return info;
    }

    private static JsonPropertyInfo? Property(JsonTypeInfo info, string name, JsonSerializerOptions options)
    {
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return info.Kind is JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison)) : null;
    }

    /// <summary>The text key that names the kind of value a field takes.</summary>
    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "validation.expected_list",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "validation.expected_object",
            _ when type == typeof(string) || type == typeof(char) => "validation.expected_text",
            _ when type == typeof(bool) => "validation.expected_true_or_false",
            _ when type == typeof(Guid) => "validation.expected_id",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) => "validation.expected_date",
            _ when type.IsEnum => "validation.wrong_type",
            _ when Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.Decimal => "validation.expected_number",
            _ => "validation.wrong_type",
        };
    }

    private readonly record struct Segment(string Name, bool Index);

    /// <summary>
    /// Knows System.Text.Json's refusal of a field given twice (ADR 0085) by its message, which is the only thing that
    /// sets it apart. The messages are not written here: they are the ones the serializer itself gives, in whatever
    /// language the runtime speaks, for a probe with a field twice, read once as an object and once as a map.
    /// </summary>
    private static class Duplicates
    {
        private static readonly JsonSerializerOptions Strict = new() { AllowDuplicateProperties = false };
        private static readonly string ObjectPrefix = Prefix<DuplicateProbe>();
        private static readonly string MapPrefix = Prefix<Dictionary<string, int>>();

        public static bool Match(JsonException exception) =>
            exception.Message.StartsWith(ObjectPrefix, StringComparison.Ordinal) || exception.Message.StartsWith(MapPrefix, StringComparison.Ordinal);

        /// <summary>The message up to where it names the field (or all of it, when it does not).</summary>
        private static string Prefix<T>()
        {
            try
            {
                JsonSerializer.Deserialize<T>("{\"P\":0,\"P\":0}", Strict);
            }
            catch (JsonException e)
            {
                var name = e.Message.IndexOf("'P'", StringComparison.Ordinal);
                var prefix = name > 0 ? e.Message[..name] : e.Message;
                return prefix.Length > 0 ? prefix : throw new InvalidOperationException("The serializer refused a field given twice without a message.");
            }

            throw new InvalidOperationException("The serializer read a field given twice; AllowDuplicateProperties is not honoured.");
        }
    }

    private sealed record DuplicateProbe(int P);

    /// <summary>
    /// The steps of a path as System.Text.Json writes it (<c>$</c>, <c>$.items[0].name</c>, <c>$['odd name']</c>); null
    /// when it has some other shape.
    /// </summary>
    private static List<Segment>? Segments(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], false));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(new Segment(path[(i + 2)..end], false));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out _))
                {
                    return null;
                }

                segments.Add(new Segment(path[(i + 1)..end], true));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    /// <summary>The field as the API's other errors name it: <c>text</c>, <c>answers[2].code</c>.</summary>
    private static string Field(List<Segment> path) =>
        Shortened(string.Concat(path.Select((s, i) => s.Index ? $"[{s.Name}]" : i == 0 ? s.Name : "." + s.Name)));

    /// <summary>A field's name as an answer repeats it: its first 100 characters.</summary>
    internal static string Shortened(string field) => field.Length <= MaxFieldLength ? field : field[..MaxFieldLength] + "…";
}
