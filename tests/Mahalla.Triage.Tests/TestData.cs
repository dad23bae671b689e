using System.Text.Json;

namespace Mahalla.Triage.Tests;

internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "testdata", name);

    public static JsonDocument TransliterationVectors() => JsonDocument.Parse(File.ReadAllText(PathOf("uz_translit_vectors.json")));

    /// <summary>The fitrat language-id sentences with their 0-based line number and label.</summary>
    public static IReadOnlyList<(int Line, string Label, string Text)> LanguageSentences()
    {
        var rows = new List<(int, string, string)>();
        var line = 0;
        foreach (var raw in File.ReadLines(PathOf("fitrat_langdetect_valid.txt")))
        {
            if (raw.StartsWith("__label__", StringComparison.Ordinal))
            {
                var space = raw.IndexOf(' ');
                rows.Add((line, raw[9..space], raw[(space + 1)..]));
            }
            else
            {
                var parts = raw.Split('\t');
                rows.Add((line, parts[1], parts[2]));
            }

            line++;
        }

        return rows;
    }
}
