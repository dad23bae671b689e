using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// A GeoReport response as a small tree, written once as XML and once as JSON. The JSON follows the
/// spec's Spark convention: the root element's name is dropped, a container of one repeated element
/// (<see cref="Many"/>) is an array, anything else (<see cref="Group"/>) an object; an empty leaf is
/// <c>null</c> in JSON and an empty element in XML.
/// </summary>
internal abstract record Node(string Name);

/// <summary>A leaf: a string, a boolean, an integer, a number, or nothing (null).</summary>
internal sealed record Leaf(string Name, object? Value) : Node(Name);

/// <summary>An element with named children (a JSON object).</summary>
internal sealed record Group(string Name, IReadOnlyList<Node> Children) : Node(Name)
{
    public Group(string name, params Node[] children) : this(name, (IReadOnlyList<Node>)children)
    {
    }
}

/// <summary>A container of repeated <paramref name="ItemName"/> elements (a JSON array).</summary>
internal sealed record Many(string Name, string ItemName, IReadOnlyList<Node> Items) : Node(Name);

/// <summary>The two formats of the spec: XML (mandatory) and JSON.</summary>
internal enum WireFormat
{
    Xml = 1,
    Json = 2,
}

internal static class Wire
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Text stays readable (Cyrillic, ʻ, +05:00) rather than \u-escaped. Safe here: these bodies are served only as
        // application/json with nosniff, never embedded in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "    ",
        CheckCharacters = true,
    };

    /// <summary>The format named by a resource's extension (<c>services.xml</c>), or null for any other.</summary>
    public static WireFormat? Parse(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xml" => WireFormat.Xml,
        "json" => WireFormat.Json,
        _ => null,
    };

    public static string ContentType(WireFormat format) => format == WireFormat.Json ? JsonContentType : XmlContentType;

    public static byte[] Write(Node root, WireFormat format) => format == WireFormat.Json ? Json(root) : Xml(root);

    public static byte[] Xml(Node root)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, XmlSettings))
        {
            xml.WriteStartDocument();
            WriteXml(xml, root);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    public static byte[] Json(Node root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJson(json, root);
        }

        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, Node node)
    {
        xml.WriteStartElement(node.Name);
        switch (node)
        {
            case Leaf leaf:
                if (Text(leaf.Value) is { } text)
                {
                    xml.WriteString(XmlSafe(text));
                }

                break;
            case Group group:
                foreach (var child in group.Children)
                {
                    WriteXml(xml, child);
                }

                break;
            case Many many:
                foreach (var item in many.Items)
                {
                    WriteXml(xml, item);
                }

                break;
        }

        // <description></description> for an empty value, as the spec's examples write it.
        xml.WriteFullEndElement();
    }

    private static void WriteJson(Utf8JsonWriter json, Node node)
    {
        switch (node)
        {
            case Leaf leaf:
                switch (leaf.Value)
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    case int i:
                        json.WriteNumberValue(i);
                        break;
                    case long l:
                        json.WriteNumberValue(l);
                        break;
                    case double d:
                        json.WriteNumberValue(d);
                        break;
                    default:
                        json.WriteStringValue(Text(leaf.Value));
                        break;
                }

                break;
            case Group group:
                json.WriteStartObject();
                foreach (var child in group.Children)
                {
                    json.WritePropertyName(child.Name);
                    WriteJson(json, child);
                }

                json.WriteEndObject();
                break;
            case Many many:
                json.WriteStartArray();
                foreach (var item in many.Items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Drops the few characters XML 1.0 cannot carry (stored text is already checked; this is the last guard).</summary>
    private static string XmlSafe(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean?.Append(text, i, 2);
                i++;
            }
            else
            {
                clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            }
        }

        return clean?.ToString() ?? text;
    }
}

/// <summary>Writes a document in the request's format with the spec's content type.</summary>
internal sealed class WireResult(Node document, WireFormat format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Node Document => document;

    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Wire.Write(document, format);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = Wire.ContentType(format);
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
