using Microsoft.Extensions.Primitives;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// A request's arguments, from the form body and then the query string. An empty argument is the same as a
/// missing one (the spec's "optional" rule). A list argument may be comma-separated or repeated; any other
/// argument given twice is refused rather than guessed at.
/// </summary>
internal sealed class Parameters(IReadOnlyDictionary<string, StringValues>? form, IReadOnlyDictionary<string, StringValues> query)
{
    public IReadOnlyDictionary<string, StringValues> Form { get; } = form ?? new Dictionary<string, StringValues>();

    public string? this[string name]
    {
        get
        {
            var values = Given(name);
            return values.Count switch
            {
                0 => null,
                1 => values[0],
                _ => throw Open311Exception.BadRequest($"{name} was given more than once."),
            };
        }
    }

    /// <summary>A comma list (<c>service_code=roads,waste</c>, or the argument repeated), empty items dropped.</summary>
    public IReadOnlyList<string> List(string name) =>
        Given(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private List<string> Given(string name)
    {
        var values = Form.TryGetValue(name, out var fromForm) && fromForm.Any(v => !string.IsNullOrWhiteSpace(v)) ? fromForm
            : query.TryGetValue(name, out var fromQuery) ? fromQuery
            : StringValues.Empty;
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
    }

    /// <summary>
    /// Whether every argument arrived as well-formed UTF-8: bytes that are not decode to U+FFFD, which no client
    /// sends on purpose, and control characters other than line breaks and tabs have no place in any argument.
    /// </summary>
    public static bool AreWellFormed(IEnumerable<KeyValuePair<string, StringValues>> arguments) =>
        arguments.All(p => Appeals.TextInput.IsClean(p.Key) && p.Value.All(v => v is null || Appeals.TextInput.IsClean(v)));
}
