using System.Globalization;
using System.Text;
using Mahalla.Triage.Languages;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Summaries;

/// <summary>A key term of a request and its TF-IDF weight.</summary>
/// <param name="Term">The term in normalised form (Uzbek in Latin, lower case).</param>
/// <param name="Score">Term frequency in the request × inverse document frequency in the background.</param>
public sealed record Keyword(string Term, double Score);

/// <summary>
/// Key terms by TF-IDF against a background corpus of requests, with stop-words of each
/// language removed. Immutable and thread-safe.
/// </summary>
public sealed class KeywordExtractor
{
    private static readonly Lazy<HashSet<string>> StopWords = new(LoadStopWords);
    private static readonly Lazy<KeywordExtractor> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, int> documentFrequency;
    private readonly int documents;

    private KeywordExtractor(Dictionary<string, int> documentFrequency, int documents)
    {
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    /// <summary>The extractor whose background is the seed corpus that ships with the product.</summary>
    public static KeywordExtractor Default => Embedded.Value;

    /// <summary>An extractor whose background is <paramref name="texts"/> (for example, a territory's past requests).</summary>
    public static KeywordExtractor FromBackground(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var text in texts)
        {
            count++;
            foreach (var term in Terms(text).Distinct(StringComparer.Ordinal))
            {
                frequency[term] = frequency.GetValueOrDefault(term) + 1;
            }
        }

        return new KeywordExtractor(frequency, count);
    }

    /// <summary>The <paramref name="count"/> highest-weighted terms of <paramref name="text"/>, best first (ties alphabetical).</summary>
    public IReadOnlyList<Keyword> Extract(string text, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Best(Terms(text), count);
    }

    /// <summary>As <see cref="Extract"/>, from the tokens of the normalised text.</summary>
    internal IReadOnlyList<Keyword> ExtractTokens(List<string> normalizedTokens, int count = 5) => Best(normalizedTokens.Where(IsContentWord), count);

    private Keyword[] Best(IEnumerable<string> terms, int count) =>
        [.. Weights(terms).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => new Keyword(p.Key, p.Value))];

    internal Dictionary<string, double> Weights(IEnumerable<string> terms)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            weights[term] = weights.GetValueOrDefault(term) + 1;
        }

        foreach (var term in weights.Keys)
        {
            var idf = Math.Log((documents + 1.0) / (documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;
            weights[term] = (1 + Math.Log(weights[term])) * idf;
        }

        return weights;
    }

    /// <summary>Writes the background (document count, then term and frequency per line) for embedding.</summary>
    public void WriteBackground(TextWriter writer, int minimumFrequency = 2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("#documents\t");
        writer.WriteLine(documents.ToString(CultureInfo.InvariantCulture));
        foreach (var (term, frequency) in documentFrequency.Where(p => p.Value >= minimumFrequency).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(term);
            writer.Write('\t');
            writer.WriteLine(frequency.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Content words of a text: normalised tokens of three or more characters, no stop-words, no numbers.</summary>
    internal static IEnumerable<string> Terms(string text) =>
        Tokenizer.Tokens(TextNormalizer.Normalize(text).Text).Where(IsContentWord);

    internal static bool IsContentWord(string token) =>
        token.Length >= 3 && !StopWords.Value.Contains(token) && !token.All(char.IsDigit);

    private static KeywordExtractor LoadEmbedded()
    {
        using var stream = typeof(KeywordExtractor).Assembly.GetManifestResourceStream("Mahalla.Triage.keyword-background.tsv");
        if (stream is null)
        {
            return new KeywordExtractor([], 0);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var value = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (line.StartsWith("#documents", StringComparison.Ordinal))
            {
                documents = value;
            }
            else
            {
                frequency[line[..tab]] = value;
            }
        }

        return new KeywordExtractor(frequency, documents);
    }

    private static HashSet<string> LoadStopWords()
    {
        using var stream = typeof(KeywordExtractor).Assembly.GetManifestResourceStream("Mahalla.Triage.stop-words.tsv")
            ?? throw new InvalidOperationException("The stop-words are not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var columns = line.Split('\t');
            if (line.StartsWith('#') || columns.Length != 2)
            {
                continue;
            }

            var language = LanguageTags.FromTag(columns[0]);
            words.Add(TextNormalizer.Normalize(columns[1], language == Language.Other ? Language.UzbekLatin : language).Text);
        }

        return words;
    }
}
