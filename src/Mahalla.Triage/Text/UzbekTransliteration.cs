using System.Collections.Frozen;
using System.Text;

namespace Mahalla.Triage.Text;

/// <summary>
/// Uzbek Cyrillic → Latin transliteration following the 1995 orthography (as amended), with
/// the word exceptions of the fitrat project (loanwords whose spelling the rules cannot infer).
/// </summary>
/// <remarks>
/// Guarantees: the output is NFC; oʻ and gʻ are written with U+02BB and the tutuq (ъ) with
/// U+02BC, as CLDR does; characters that are not Cyrillic pass through unchanged, so mixed
/// Latin/Cyrillic text comes out wholly Latin. The function is pure and thread-safe.
/// </remarks>
public static class UzbekTransliteration
{
    /// <summary>The letter that follows o and g in oʻ and gʻ (MODIFIER LETTER TURNED COMMA).</summary>
    public const char OkinaMark = '\u02BB';

    /// <summary>The tutuq belgisi, the glottal stop written for ъ (MODIFIER LETTER APOSTROPHE).</summary>
    public const char TutuqMark = '\u02BC';

    // Exceptions shorter than this are used only for whole words: as prefixes they would
    // capture unrelated words.
    private const int MinimumPrefixException = 4;

    private static readonly Lazy<FrozenDictionary<string, string>> Exceptions = new(LoadExceptions);

    /// <summary>Transliterates every Uzbek Cyrillic word of <paramref name="text"/> into Latin script.</summary>
    public static string CyrillicToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsCyrillic(text))
        {
            return text;
        }

        text = text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(text.Length + (text.Length / 4));
        var i = 0;
        while (i < text.Length)
        {
            if (!IsCyrillicLetter(text[i]))
            {
                output.Append(text[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && (IsCyrillicLetter(text[end]) || IsInnerHyphen(text, end)))
            {
                end++;
            }

            TransliterateWord(text.AsSpan(i, end - i), output);
            i = end;
        }

        return output.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds at least one Cyrillic letter.</summary>
    public static bool ContainsCyrillic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsCyrillicLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsCyrillicLetter(char c) => c is >= '\u0400' and <= '\u04FF';

    internal static int ExceptionCount => Exceptions.Value.Count;

    /// <summary>Transliterates by the rules alone, without the word exceptions (for measuring the rules).</summary>
    internal static string ByRulesOnly(string word)
    {
        var output = new StringBuilder();
        AppendByRules(word.Normalize(NormalizationForm.FormC).AsSpan(), 0, '\0', output);
        return output.ToString();
    }

    private static bool IsInnerHyphen(string text, int index) =>
        text[index] == '-' && index > 0 && index + 1 < text.Length
        && IsCyrillicLetter(text[index - 1]) && IsCyrillicLetter(text[index + 1]);

    private static void TransliterateWord(ReadOnlySpan<char> word, StringBuilder output)
    {
        var lookup = Exceptions.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);

        if (lookup.TryGetValue(lower, out var whole))
        {
            AppendWithCaseOf(word, whole, output);
            return;
        }

        for (var length = word.Length - 1; length >= MinimumPrefixException; length--)
        {
            if (!lookup.TryGetValue(lower[..length], out var stem))
            {
                continue;
            }

            // Inflected loanword (абзацлар, Франциядан): the exception spells the stem and the
            // rules continue from its last letter.
            AppendWithCaseOf(word[..length], stem, output);
            AppendByRules(word, length, lower[length - 1], output);
            return;
        }

        if (word.Contains('-'))
        {
            // A compound whose parts may be exceptions on their own (кино-театр).
            var start = 0;
            for (var k = 0; k <= word.Length; k++)
            {
                if (k == word.Length || word[k] == '-')
                {
                    if (k > start)
                    {
                        TransliterateWord(word[start..k], output);
                    }

                    if (k < word.Length)
                    {
                        output.Append('-');
                    }

                    start = k + 1;
                }
            }

            return;
        }

        AppendByRules(word, 0, '\0', output);
    }

    private static void AppendWithCaseOf(ReadOnlySpan<char> cyrillic, string latinLower, StringBuilder output)
    {
        var cyrillicParts = cyrillic.ToString().Split('-');
        var latinParts = latinLower.Split('-');
        if (cyrillicParts.Length != latinParts.Length)
        {
            cyrillicParts = [cyrillic.ToString()];
            latinParts = [latinLower];
        }

        for (var p = 0; p < latinParts.Length; p++)
        {
            if (p > 0)
            {
                output.Append('-');
            }

            var source = cyrillicParts[p];
            var latin = latinParts[p];
            var letters = source.Count(char.IsLetter);
            var upper = source.Count(char.IsUpper);
            if (letters > 1 && upper == letters)
            {
                output.Append(latin.ToUpperInvariant());
            }
            else if (source.Length > 0 && char.IsUpper(source[0]) && latin.Length > 0)
            {
                output.Append(char.ToUpperInvariant(latin[0])).Append(latin, 1, latin.Length - 1);
            }
            else
            {
                output.Append(latin);
            }
        }
    }

    // The 1995 rules, letter by letter. `previous` is the lower-case Cyrillic letter before
    // `start` ('\0' at the start of a word).
    private static void AppendByRules(ReadOnlySpan<char> word, int start, char previous, StringBuilder output)
    {
        for (var i = start; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '-')
            {
                output.Append(c);
                previous = '\0';
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var next = i + 1 < word.Length ? char.ToLowerInvariant(word[i + 1]) : '\0';
            var latin = lower switch
            {
                'е' => previous == '\0' || IsVowel(previous) || previous is 'ъ' or 'ь' ? "ye" : "e",
                'ц' => previous != '\0' && IsVowel(previous) ? "ts" : "s",
                'ъ' => next is 'е' or 'ё' or 'ю' or 'я' && previous != '\0' && !IsVowel(previous) ? "" : "\u02BC",
                'ь' => next == 'о' ? "y" : "",
                _ => Letter(lower),
            };

            if (char.IsUpper(c) && latin.Length > 0)
            {
                latin = latin.Length == 1 || latin[1] == OkinaMark
                    ? char.ToUpperInvariant(latin[0]) + latin[1..]
                    : TitleOrUpper(word, i, latin);
            }

            output.Append(latin);
            previous = lower;
        }
    }

    // A capital digraph is "Sh" before a lower-case letter and "SH" inside an upper-case word
    // (CLDR's rule); a lone capital such as the initial in "Ш. Мирзиёев" is written "Sh".
    private static string TitleOrUpper(ReadOnlySpan<char> word, int i, string latin)
    {
        var nextIsLetter = i + 1 < word.Length && char.IsLetter(word[i + 1]);
        var titled = nextIsLetter
            ? char.IsLower(word[i + 1])
            : i == 0 || !char.IsLetter(word[i - 1]);
        return titled ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin.ToUpperInvariant();
    }

    private static bool IsVowel(char lower) => lower is 'а' or 'е' or 'ё' or 'и' or 'о' or 'у' or 'ў' or 'э' or 'ю' or 'я' or 'ы';

    private static string Letter(char lower) => lower switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ё' => "yo",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "x",
        'ч' => "ch",
        'ш' => "sh",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "o\u02BB",
        'қ' => "q",
        'ғ' => "g\u02BB",
        'ҳ' => "h",

        // Russian letters that appear in Uzbek Cyrillic text through loanwords.
        'щ' => "sh",
        'ы' => "i",
        _ => lower.ToString(),
    };

    private static FrozenDictionary<string, string> LoadExceptions()
    {
        using var stream = typeof(UzbekTransliteration).Assembly.GetManifestResourceStream("Mahalla.Triage.fitrat-exceptions.tsv")
            ?? throw new InvalidOperationException("The transliteration exceptions are not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var cyrillic = line[..tab].Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
            var latin = UnifyFitratApostrophes(line[(tab + 1)..].Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant());
            if (cyrillic.Length == 0 || !ContainsCyrillic(cyrillic))
            {
                // The two header lines of the fitrat file.
                continue;
            }

            map.TryAdd(cyrillic, latin);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // fitrat writes o‘/g‘ with U+2018 and the tutuq with U+2019; this library follows CLDR.
    internal static string UnifyFitratApostrophes(string latin) =>
        latin.Replace('\u2018', OkinaMark).Replace('\u2019', TutuqMark);
}
