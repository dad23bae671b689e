using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Mahalla.Web.Platform.Localization;

/// <summary>
/// The interface languages and their texts. Texts are JSON files embedded in the assembly
/// (<c>Resources/*.{culture}.json</c>, one file per module), flat key → text maps per language; every language has
/// every key (a test holds us to that). Uzbek Latin is the default and the fallback.
/// </summary>
public sealed class TextCatalog
{
    public const string Default = "uz-Latn";

    /// <summary>Supported cultures in the order the language switcher shows them.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["uz-Latn", "uz-Cyrl", "ru", "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public TextCatalog()
    {
        var assembly = typeof(TextCatalog).Assembly;
        var catalog = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var names = assembly.GetManifestResourceNames();
        foreach (var culture in Cultures)
        {
            // Every module may bring its own file (texts.{culture}.json, admin.{culture}.json, …); a key may be defined once.
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names.Where(n => n.StartsWith("Mahalla.Web.Resources.", StringComparison.Ordinal)
                && n.EndsWith($".{culture}.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                {
                    if (!map.TryAdd(key, text))
                    {
                        throw new InvalidOperationException($"The text key {key} is defined twice for {culture}.");
                    }
                }
            }

            if (map.Count == 0)
            {
                throw new InvalidOperationException($"The texts for {culture} are not embedded.");
            }

            catalog[culture] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }

        _byCulture = catalog.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, string> Of(string culture) => _byCulture[Normalize(culture)];

    public string Get(string culture, string key) =>
        _byCulture[Normalize(culture)].TryGetValue(key, out var text) ? text
        : _byCulture[Default].TryGetValue(key, out var fallback) ? fallback
        : key;

    /// <summary>Maps any culture name (e.g. <c>ru-RU</c>, <c>uz</c>) onto a supported one.</summary>
    public static string Normalize(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return Default;
        }

        foreach (var supported in Cultures)
        {
            if (string.Equals(supported, culture, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        if (culture.StartsWith("uz-Cyrl", StringComparison.OrdinalIgnoreCase))
        {
            return "uz-Cyrl";
        }

        var language = culture.Split('-')[0].ToLowerInvariant();
        return language switch
        {
            "ru" => "ru",
            "en" => "en",
            _ => Default,
        };
    }
}

/// <summary>The texts of the current request's language (set by request localisation).</summary>
public sealed class Texts(TextCatalog catalog)
{
    public string Culture => TextCatalog.Normalize(CultureInfo.CurrentUICulture.Name);

    public string this[string key] => catalog.Get(Culture, key);

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    public TextCatalog Catalog => catalog;
}
