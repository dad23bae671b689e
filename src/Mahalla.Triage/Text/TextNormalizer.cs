using System.Net;
using System.Text;
using Mahalla.Triage.Languages;

namespace Mahalla.Triage.Text;

/// <summary>A text reduced to the matching key the models, lexicons and duplicate detector work on.</summary>
/// <param name="Text">Normalised text: see <see cref="TextNormalizer.Normalize(string)"/>.</param>
/// <param name="Language">The language the text was identified as (or was declared to be).</param>
public sealed record NormalizedText(string Text, Language Language);

/// <summary>
/// Normalisation of incoming request text. All functions are pure, thread-safe, and accept
/// any string (HTML remnants, control characters, every apostrophe variant).
/// </summary>
public static class TextNormalizer
{
    private static readonly string[] BlockTags = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote"];

    /// <summary>
    /// Text for display: HTML tags removed (block tags become line breaks) and entities decoded,
    /// NFC, every apostrophe variant (' ‘ ’ ʻ ʼ ` ´) unified (see <see cref="UnifyApostrophes"/>),
    /// control characters dropped, runs of spaces collapsed, line breaks kept. Script and case are kept.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('<') || text.Contains('&'))
        {
            text = StripHtml(text);
        }

        text = UnifyApostrophes(text.Normalize(NormalizationForm.FormC));
        var output = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                pendingBreak = output.Length > 0;
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                // Zero-width characters and soft hyphens hide inside copied text and split words.
                pendingSpace = output.Length > 0 && (char.IsWhiteSpace(c) || char.IsControl(c));
                continue;
            }

            if (pendingBreak)
            {
                output.Append('\n');
            }
            else if (pendingSpace)
            {
                output.Append(' ');
            }

            pendingBreak = false;
            pendingSpace = false;
            output.Append(c);
        }

        return output.ToString();
    }

    /// <summary>
    /// The matching key: <see cref="Clean"/>, then NFKC, the language identified
    /// (<see cref="LanguageIdentifier.Identify(string)"/>), Uzbek Cyrillic transliterated to Latin,
    /// Russian ё written е, and case folded for that language. Line breaks become spaces.
    /// </summary>
    public static NormalizedText Normalize(string text)
    {
        var clean = Clean(text);
        return NormalizeClean(clean, LanguageIdentifier.IdentifyClean(clean).Language);
    }

    /// <summary>As <see cref="Normalize(string)"/>, for text whose language is already known.</summary>
    public static NormalizedText Normalize(string text, Language language) => NormalizeClean(Clean(text), language);

    /// <summary>
    /// <see cref="Normalize(string)"/>'s text alone, for callers that do not need the language (a summary scores each
    /// sentence by its key). Without a Cyrillic letter the language changes the key only for Karakalpak, whose dotted
    /// and dotless i fold differently, and Karakalpak is told by its letters alone
    /// (<see cref="LanguageIdentifier.IsKarakalpakByLetters"/>; while the model knows no Karakalpak): such text skips
    /// the identifier's model. The key is the same as <see cref="Normalize(string)"/>'s, which a test checks over the
    /// seed corpus and the language sentences.
    /// </summary>
    public static string MatchingKey(string text)
    {
        var clean = Clean(text);
        var compatible = Compatible(clean);
        if (UzbekTransliteration.ContainsCyrillic(compatible) || LanguageIdentifier.ModelNamesKarakalpak)
        {
            return FromCompatible(compatible, LanguageIdentifier.IdentifyClean(clean).Language).Text;
        }

        return FoldCase(compatible, LanguageIdentifier.IsKarakalpakByLetters(clean) ? Language.Karakalpak : Language.Other);
    }

    internal static NormalizedText NormalizeClean(string clean, Language language) => FromCompatible(Compatible(clean), language);

    /// <summary>Cleaned text in NFKC, line breaks as spaces: what the language's rules then apply to.</summary>
    private static string Compatible(string clean) => clean.Normalize(NormalizationForm.FormKC).Replace('\n', ' ');

    private static NormalizedText FromCompatible(string text, Language language)
    {
        text = language switch
        {
            Language.UzbekLatin or Language.UzbekCyrillic => UzbekTransliteration.CyrillicToLatin(text),
            Language.Russian => text.Replace('ё', 'е').Replace('Ё', 'Е'),
            _ => text,
        };
        return new NormalizedText(FoldCase(text, language), language);
    }

    /// <summary>
    /// Writes every apostrophe variant as one of two characters: U+02BB (ʻ) after o and g, where it
    /// is part of the letters oʻ and gʻ, and U+02BC (ʼ), the tutuq, everywhere else.
    /// </summary>
    public static string UnifyApostrophes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Apostrophes) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (Apostrophes.Contains(c))
                {
                    var previous = i > 0 ? source[i - 1] : '\0';
                    c = previous is 'o' or 'O' or 'g' or 'G' ? UzbekTransliteration.OkinaMark : UzbekTransliteration.TutuqMark;
                }

                span[i] = c;
            }
        });
    }

    /// <summary>
    /// Lower-cases for matching, respecting the language: Karakalpak Latin keeps its dotless ı
    /// (I → ı, Í → i); Russian also writes ё as е; everything else folds invariantly.
    /// </summary>
    public static string FoldCase(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language == Language.Karakalpak)
        {
            text = text.Replace('I', 'ı').Replace('Í', 'i');
        }

        var folded = text.ToLowerInvariant();
        return language == Language.Russian ? folded.Replace('ё', 'е') : folded;
    }

    private static readonly System.Buffers.SearchValues<char> Apostrophes =
        System.Buffers.SearchValues.Create("'`\u00B4\u02B9\u02BB\u02BC\u02BD\u2018\u2019\u201B\u2032");

    private static string StripHtml(string html)
    {
        var output = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'))
            {
                var close = html.IndexOf('>', i + 1);
                if (close < 0)
                {
                    output.Append(html, i, html.Length - i);
                    break;
                }

                var tag = TagName(html.AsSpan(i + 1, close - i - 1));
                if (tag is "script" or "style")
                {
                    var end = html.IndexOf("</" + tag, close, StringComparison.OrdinalIgnoreCase);
                    close = end < 0 ? html.Length - 1 : Math.Max(close, html.IndexOf('>', end) is var e and >= 0 ? e : html.Length - 1);
                }

                output.Append(Array.IndexOf(BlockTags, tag) >= 0 ? '\n' : ' ');
                i = close + 1;
                continue;
            }

            output.Append(c);
            i++;
        }

        return WebUtility.HtmlDecode(output.ToString());
    }

    private static string TagName(ReadOnlySpan<char> inside)
    {
        inside = inside.TrimStart('/');
        var length = 0;
        while (length < inside.Length && char.IsAsciiLetterOrDigit(inside[length]))
        {
            length++;
        }

        return inside[..length].ToString().ToLowerInvariant();
    }
}
