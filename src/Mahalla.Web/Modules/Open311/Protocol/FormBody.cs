using System.Text;
using Microsoft.Extensions.Primitives;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body strictly: bounded in size and number of fields, and
/// every name and value — raw or percent-encoded — must be well-formed UTF-8. The framework's form reader
/// passes a malformed escape through as literal text; here it is refused, so that a broken encoding never
/// reaches a report.
/// </summary>
internal static class FormBody
{
    public const int MaxFields = 200;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<Dictionary<string, StringValues>> ReadAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw Open311Exception.BadRequest($"The request is too large (at most {maxBytes / 1024} KB).");
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static Dictionary<string, StringValues> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            if (++count > MaxFields)
            {
                throw Open311Exception.BadRequest($"Too many arguments (at most {MaxFields}).");
            }

            var equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!fields.TryGetValue(name, out var values))
            {
                fields[name] = values = [];
            }

            values.Add(value);
        }

        return fields.ToDictionary(f => f.Key, f => new StringValues(f.Value.ToArray()), StringComparer.Ordinal);
    }

    private static string Decode(ReadOnlySpan<byte> raw)
    {
        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= raw.Length || Hex(raw[i + 1]) is not { } high || Hex(raw[i + 2]) is not { } low)
                {
                    throw Malformed();
                }

                b = (byte)((high << 4) | low);
                i += 2;
            }

            bytes[length++] = b;
        }

        try
        {
            return Strict.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed();
        }
    }

    private static int? Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => null,
    };

    private static Open311Exception Malformed() => Open311Exception.BadRequest("The form body is not well-formed: arguments must be percent-encoded UTF-8.");
}
