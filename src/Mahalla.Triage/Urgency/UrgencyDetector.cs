using System.Globalization;
using System.Text;
using Mahalla.Triage.Classification;
using Mahalla.Triage.Languages;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Urgency;

/// <summary>What a flag warns about: the first five are danger to life or property, the rest vulnerable people.</summary>
public enum FlagKind
{
    /// <summary>Gas smell, leak or explosion.</summary>
    GasLeak,

    /// <summary>Fire or smoke.</summary>
    Fire,

    /// <summary>Exposed, fallen or sparking wires; electric shock.</summary>
    ElectricalHazard,

    /// <summary>Flooding, burst pipes.</summary>
    Flooding,

    /// <summary>Collapse or risk of collapse of a building, wall, roof or bridge; sinkholes.</summary>
    Collapse,

    /// <summary>A person with a disability, bedridden or blind.</summary>
    Disability,

    /// <summary>An elderly person living alone.</summary>
    LonelyElderly,

    /// <summary>Children, infants, orphans.</summary>
    Children,

    /// <summary>Pregnancy or childbirth.</summary>
    Pregnancy,
}

/// <summary>How soon a request needs a person's attention.</summary>
public enum UrgencyLevel
{
    /// <summary>No signal of urgency.</summary>
    Normal,

    /// <summary>Vulnerable people are involved, or the writer asks for speed.</summary>
    High,

    /// <summary>Danger to life or property.</summary>
    Critical,
}

/// <summary>A raised flag and the words that raised it.</summary>
/// <param name="Kind">What the flag warns about.</param>
/// <param name="Evidence">The words of the (normalised) text that matched, and any category the model supplied.</param>
public sealed record UrgencyFlag(FlagKind Kind, IReadOnlyList<string> Evidence)
{
    /// <summary>True for danger to life or property; false for vulnerable people.</summary>
    public bool IsDanger => Kind <= FlagKind.Collapse;
}

/// <summary>The urgency of one request.</summary>
/// <param name="Level">Critical with any danger flag; High with a vulnerability flag or urgency words; else Normal.</param>
/// <param name="Flags">Raised flags, in <see cref="FlagKind"/> order, each with its evidence.</param>
/// <param name="UrgencyWords">Words asking for speed (shoshilinch, срочно, urgent…).</param>
public sealed record UrgencyAssessment(UrgencyLevel Level, IReadOnlyList<UrgencyFlag> Flags, IReadOnlyList<string> UrgencyWords);

/// <summary>
/// Urgency and vulnerability flags from a maintained lexicon (stems matched on normalised text,
/// in Uzbek of both scripts, Russian, English and Karakalpak) combined with the classifier's
/// category probabilities: a weak cue such as "smell" counts as a gas leak when the model is
/// confident the request is about gas. Every flag lists the words that raised it. Thread-safe.
/// </summary>
public static class UrgencyDetector
{
    /// <summary>The category probability at which a category stands in for a topic word.</summary>
    public const double CategoryThreshold = 0.5;

    private static readonly Lazy<Lexicon> Entries = new(Lexicon.LoadEmbedded);

    /// <summary>Assesses <paramref name="text"/>; pass the classifier's prediction to let the model complete weak cues.</summary>
    public static UrgencyAssessment Assess(string text, IReadOnlyList<ClassProbability>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AssessTokens(Tokenizer.Tokens(TextNormalizer.Normalize(text).Text), categories);
    }

    /// <summary>As <see cref="Assess"/>, from the tokens of the normalised text.</summary>
    internal static UrgencyAssessment AssessTokens(List<string> normalizedTokens, IReadOnlyList<ClassProbability>? categories) =>
        Entries.Value.Assess(normalizedTokens, categories ?? []);

    internal sealed class Lexicon
    {
        private readonly List<Entry> entries;

        // The entries whose first word can match a token that starts with a given letter: a text is only
        // matched against the entries its tokens can start, a small part of the lexicon.
        private readonly Dictionary<char, int[]> byFirstLetter;

        // The entries every text is checked against: the model's categories (and a phrase without a first stem).
        private readonly int[] always;

        private Lexicon(List<Entry> entries)
        {
            this.entries = entries;
            var indexes = Enumerable.Range(0, entries.Count).ToList();
            byFirstLetter = indexes.Where(i => FirstLetter(entries[i]) is not null)
                .GroupBy(i => FirstLetter(entries[i])!.Value)
                .ToDictionary(g => g.Key, g => g.ToArray());
            always = [.. indexes.Where(i => FirstLetter(entries[i]) is null)];
        }

        private static char? FirstLetter(Entry entry) => entry is { Category: null, Words: [{ Stem: [var first, ..] }, ..] } ? first : null;

        public static Lexicon LoadEmbedded()
        {
            using var stream = typeof(UrgencyDetector).Assembly.GetManifestResourceStream("Mahalla.Triage.urgency-lexicon.tsv")
                ?? throw new InvalidOperationException("The urgency lexicon is not embedded in the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Parse(reader);
        }

        public static Lexicon Parse(TextReader reader)
        {
            var entries = new List<Entry>();
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var columns = line.Split('\t');
                if (columns.Length != 4)
                {
                    throw new InvalidDataException($"urgency lexicon, line {number}: expected 4 tab-separated columns");
                }

                FlagKind? kind = columns[0] == "-" ? null : Enum.Parse<FlagKind>(columns[0].Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                var role = Enum.Parse<Role>(columns[1], ignoreCase: true);
                var pattern = columns[3].Trim();
                if (pattern.StartsWith('@'))
                {
                    entries.Add(new Entry(kind, role, [], pattern[1..]));
                    continue;
                }

                var language = LanguageTags.FromTag(columns[2]);
                var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Word.Parse(w, language)).ToArray();
                entries.Add(new Entry(kind, role, words, null));
            }

            return new Lexicon(entries);
        }

        /// <summary>The entries matched by the tokens of a normalised text, in lexicon order, each with its evidence.</summary>
        internal IEnumerable<(Entry Entry, List<string> Evidence)> Matches(List<string> tokens, IReadOnlyList<ClassProbability> categories)
        {
            var candidate = new bool[entries.Count];
            foreach (var i in always)
            {
                candidate[i] = true;
            }

            foreach (var token in tokens)
            {
                if (token.Length > 0 && byFirstLetter.TryGetValue(token[0], out var starting))
                {
                    foreach (var i in starting)
                    {
                        candidate[i] = true;
                    }
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                if (!candidate[i])
                {
                    continue; // its first word matches no token, so the entry cannot match
                }

                var entry = entries[i];
                List<string>? evidence;
                if (entry.Category is { } category)
                {
                    var p = categories.FirstOrDefault(c => c.Label == category)?.Probability ?? 0;
                    evidence = p >= CategoryThreshold ? [string.Create(CultureInfo.InvariantCulture, $"category {category} ({p:F2})")] : null;
                }
                else
                {
                    evidence = entry.Match(tokens);
                }

                if (evidence is not null)
                {
                    yield return (entry, evidence);
                }
            }
        }

        /// <summary>Every entry, in lexicon order (for the tests).</summary>
        internal IReadOnlyList<Entry> All => entries;

        public UrgencyAssessment Assess(List<string> tokens, IReadOnlyList<ClassProbability> categories)
        {
            var strong = new Dictionary<FlagKind, List<string>>();
            var topics = new Dictionary<FlagKind, List<string>>();
            var cues = new Dictionary<FlagKind, List<string>>();
            var urgent = new List<string>();
            foreach (var (entry, evidence) in Matches(tokens, categories))
            {
                var target = entry.Role switch
                {
                    Role.Strong => strong,
                    Role.Topic => topics,
                    Role.Cue => cues,
                    _ => null,
                };
                if (target is null || entry.Kind is not { } kind)
                {
                    urgent.AddRange(evidence);
                    continue;
                }

                if (!target.TryGetValue(kind, out var list))
                {
                    target[kind] = list = [];
                }

                list.AddRange(evidence);
            }

            var flags = new List<UrgencyFlag>();
            foreach (var kind in Enum.GetValues<FlagKind>())
            {
                var evidence = new List<string>();
                if (strong.TryGetValue(kind, out var s))
                {
                    evidence.AddRange(s);
                }

                if (topics.TryGetValue(kind, out var t) && cues.TryGetValue(kind, out var c))
                {
                    evidence.AddRange(t);
                    evidence.AddRange(c);
                }

                if (evidence.Count > 0)
                {
                    flags.Add(new UrgencyFlag(kind, [.. evidence.Distinct(StringComparer.Ordinal)]));
                }
            }

            var level = flags.Any(f => f.IsDanger) ? UrgencyLevel.Critical
                : flags.Count > 0 || urgent.Count > 0 ? UrgencyLevel.High
                : UrgencyLevel.Normal;
            return new UrgencyAssessment(level, flags, [.. urgent.Distinct(StringComparer.Ordinal)]);
        }
    }

    internal enum Role
    {
        Strong,
        Topic,
        Cue,
        Urgent,
    }

    internal sealed record Entry(FlagKind? Kind, Role Role, Word[] Words, string? Category)
    {
        // The words of a phrase follow each other at most this many tokens apart.
        private const int MaxGap = 3;

        public List<string>? Match(List<string> tokens)
        {
            for (var start = 0; start < tokens.Count; start++)
            {
                if (!Words[0].Matches(tokens[start]))
                {
                    continue;
                }

                var matched = new List<string> { tokens[start] };
                var at = start;
                for (var w = 1; w < Words.Length && at >= 0; w++)
                {
                    var next = -1;
                    for (var k = at + 1; k < tokens.Count && k <= at + MaxGap; k++)
                    {
                        if (Words[w].Matches(tokens[k]))
                        {
                            next = k;
                            break;
                        }
                    }

                    at = next;
                    if (at >= 0)
                    {
                        matched.Add(tokens[at]);
                    }
                }

                if (at >= 0)
                {
                    return [string.Join(' ', matched)];
                }
            }

            return null;
        }
    }

    internal sealed record Word(string Stem, bool Exact, string[] Excluded)
    {
        // Stems are normalised as the text will be, so the lexicon may be written in either
        // Uzbek script and with any apostrophe.
        public static Word Parse(string spec, Language language)
        {
            var exact = spec.EndsWith('$');
            var parts = spec.TrimEnd('$').Split('!').Select(p => TextNormalizer.Normalize(p, language).Text).ToArray();
            return new Word(parts[0], exact, parts[1..]);
        }

        public bool Matches(string token)
        {
            if (Exact)
            {
                return token == Stem;
            }

            if (!token.StartsWith(Stem, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var excluded in Excluded)
            {
                if (token.StartsWith(excluded, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
