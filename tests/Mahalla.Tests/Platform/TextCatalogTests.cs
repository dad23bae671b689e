using System.Text.RegularExpressions;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Tests.Platform;

public sealed partial class TextCatalogTests
{
    private static readonly TextCatalog Catalog = new();

    [Fact]
    public void Every_language_has_every_key_and_no_empty_text()
    {
        var keys = Catalog.Of("en").Keys.ToHashSet();
        Assert.True(keys.Count > 200);
        foreach (var culture in TextCatalog.Cultures)
        {
            var texts = Catalog.Of(culture);
            Assert.Equal(keys.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
            Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{culture}:{t.Key} is empty"));
        }
    }

    [Fact]
    public void Every_error_status_gets_a_title_that_the_texts_have()
    {
        // Problem titles and the error page name any 4xx or 5xx: those without a text of their own as a 400 or a 500.
        var english = Catalog.Of("en");
        for (var status = 400; status < 600; status++)
        {
            Assert.True(english.ContainsKey(Problems.TitleKey(status)), $"{status}: {Problems.TitleKey(status)}");
        }

        Assert.Equal("status.http.405", Problems.TitleKey(405));
        Assert.Equal("status.http.400", Problems.TitleKey(422));
        Assert.Equal("status.http.500", Problems.TitleKey(503));
    }

    [Fact]
    public void Placeholders_agree_across_languages()
    {
        foreach (var (key, english) in Catalog.Of("en"))
        {
            var expected = Placeholder().Matches(english).Select(m => m.Value).Order().ToArray();
            foreach (var culture in TextCatalog.Cultures)
            {
                Assert.Equal(expected, Placeholder().Matches(Catalog.Get(culture, key)).Select(m => m.Value).Order().ToArray());
            }
        }
    }

    [Fact]
    public void Cyrillic_uzbek_is_written_in_cyrillic_and_latin_uzbek_in_latin()
    {
        Assert.All(Catalog.Of("uz-Cyrl").Where(t => t.Key.StartsWith("status.", StringComparison.Ordinal) && !t.Key.StartsWith("status.http", StringComparison.Ordinal)),
            t => Assert.Matches("^[\\p{IsCyrillic}\\s,.«»—-]+$", t.Value));
        Assert.All(Catalog.Of("uz-Latn").Where(t => t.Key.StartsWith("status.", StringComparison.Ordinal) && !t.Key.StartsWith("status.http", StringComparison.Ordinal)),
            t => Assert.DoesNotMatch("\\p{IsCyrillic}", t.Value));
    }

    [Fact]
    public void Every_text_key_the_code_uses_exists()
    {
        var root = FindRepositoryRoot();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "Mahalla.Web"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        {
            foreach (Match m in UsedKey().Matches(File.ReadAllText(file)))
            {
                used.Add(m.Groups[1].Value);
            }
        }

        var missing = used.Where(k => !Catalog.Of("en").ContainsKey(k)).ToList();
        Assert.True(used.Count > 150);
        Assert.Empty(missing);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mahalla.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?:T\[""|T\.Format\(""|""(?=(?:rule|validation|error)\.))((?:rule|validation|error|app|layout|nav|home|login|register|denied|form|file|appeal|citizen|staff|inbox|mine|track|notifications|status|type|event|role|level|attachment)\.[a-z_.0-9]+)""")]
    private static partial Regex UsedKey();
}
