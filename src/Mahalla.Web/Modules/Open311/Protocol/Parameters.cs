using Microsoft.Extensions.Primitives;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// A request's arguments, from the form body and then the query string. An empty argument is the same as a
/// missing one (the spec's "optional" rule); an argument given several times is read as a comma list.
/// </summary>
internal sealed class Parameters(IEnumerable<KeyValuePair<string, StringValues>>? form, IQueryCollection query)
{
    private readonly Dictionary<string, StringValues> _form = (form ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, StringValues> Form => _form;

    public string? this[string name]
    {
        get
        {
            var values = _form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v : query[name];
            var joined = string.Join(',', values.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()));
            return joined.Length == 0 ? null : joined;
        }
    }

    /// <summary>A comma list (<c>service_code=roads,waste</c>), empty items dropped.</summary>
    public IReadOnlyList<string> List(string name) =>
        this[name]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>
    /// Whether every argument arrived as well-formed UTF-8: bytes that are not decode to U+FFFD, which no client
    /// sends on purpose, and control characters other than line breaks and tabs have no place in any argument.
    /// </summary>
    public static bool AreWellFormed(IEnumerable<KeyValuePair<string, StringValues>> arguments) =>
        arguments.All(p => Clean(p.Key) && p.Value.All(v => v is null || Clean(v)));

    private static bool Clean(string text) => !text.Contains('\uFFFD', StringComparison.Ordinal) && Appeals.TextInput.IsClean(text);
}
