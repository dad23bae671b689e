using Mahalla.Triage.Classification;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Languages;

/// <summary>The language and script a text was identified as.</summary>
/// <param name="Language">The language and script.</param>
/// <param name="Confidence">Probability of that answer, 0 to 1 (0 when the text has no letters).</param>
public sealed record LanguageGuess(Language Language, double Confidence);

/// <summary>
/// Identifies uz-Latn, uz-Cyrl, ru, kaa, en or other. A character n-gram logistic model
/// (embedded, trained on the fitrat language-id sentences) decides between Uzbek, Russian,
/// English and eleven other languages; Karakalpak, absent from that data, is recognised by the
/// letters its alphabets alone use. Thread-safe.
/// </summary>
public static class LanguageIdentifier
{
    internal const string ResourceName = "Mahalla.Triage.language-id.model.json";

    private static readonly Lazy<TextClassifier?> Model = new(() => TextClassifier.LoadEmbedded(ResourceName));

    /// <summary>Identifies the language and script of <paramref name="text"/>.</summary>
    public static LanguageGuess Identify(string text) => IdentifyClean(TextNormalizer.Clean(text));

    internal static LanguageGuess IdentifyClean(string clean) => Identify(clean, Model.Value);

    internal static LanguageGuess Identify(string clean, TextClassifier? model)
    {
        if (!EnoughLetters(clean))
        {
            return new LanguageGuess(Language.Other, 0);
        }

        if (KarakalpakLetters(clean))
        {
            return new LanguageGuess(Language.Karakalpak, 0.9);
        }

        if (model is null)
        {
            return ByScript(clean);
        }

        var totals = new Dictionary<Language, double>();
        foreach (var p in model.Predict(clean))
        {
            var language = FromTrainingLabel(p.Label);
            totals[language] = totals.GetValueOrDefault(language) + p.Probability;
        }

        var best = totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key).First();
        return new LanguageGuess(best.Key, best.Value);
    }

    /// <summary>
    /// Whether <see cref="Identify(string)"/> names cleaned text Karakalpak: only by its letters, which it checks before the
    /// model (the model knows no Karakalpak).
    /// </summary>
    internal static bool IsKarakalpakByLetters(string clean) => EnoughLetters(clean) && KarakalpakLetters(clean);

    /// <summary>Whether the embedded model can name Karakalpak itself; today's cannot (its training data has none).</summary>
    internal static bool ModelNamesKarakalpak => ModelKnowsKarakalpak.Value;

    private static readonly Lazy<bool> ModelKnowsKarakalpak =
        new(() => Model.Value?.Classes.Any(c => FromTrainingLabel(c) == Language.Karakalpak) == true);

    private static bool EnoughLetters(string clean)
    {
        var letters = 0;
        foreach (var c in clean)
        {
            if (char.IsLetter(c) && ++letters == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps the fitrat corpus labels (uz_lat, uz_cyr, rus, eng, deu…) to <see cref="Language"/>.</summary>
    internal static Language FromTrainingLabel(string label) => label switch
    {
        "uz_lat" => Language.UzbekLatin,
        "uz_cyr" => Language.UzbekCyrillic,
        "rus" => Language.Russian,
        "eng" => Language.English,
        "kaa" => Language.Karakalpak,
        _ => Language.Other,
    };

    // Karakalpak Latin writes ń and ǵ, which no neighbour uses, and ı beside á/ó/ú without
    // Turkish ş/ç/ö/ü/ğ; Karakalpak Cyrillic has ә/ө/ү/ң with ў or ҳ, and none of Kazakh і/ұ/һ.
    private static bool KarakalpakLetters(string text)
    {
        bool Has(string set) => text.AsSpan().IndexOfAny(set) >= 0;
        if (Has("ńŃǵǴ"))
        {
            return true;
        }

        if (Has("ıI") && Has("áóúÁÓÚ") && !Has("şçöüğŞÇÖÜĞ"))
        {
            return text.Contains('ı');
        }

        return Has("әөүңӘӨҮҢ") && Has("ўҳЎҲқҚ") && !Has("іұһҗІҰҺҖїєЇЄ");
    }

    // Fallback when no model is embedded (only while the model itself is being built).
    private static LanguageGuess ByScript(string text)
    {
        int cyrillic = 0, latin = 0, uzbekCyrillic = 0, uzbekLatin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (UzbekTransliteration.IsCyrillicLetter(c))
            {
                cyrillic++;
                uzbekCyrillic += c is 'ў' or 'қ' or 'ғ' or 'ҳ' ? 1 : 0;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
                uzbekLatin += c == 'q' || (c == 'x' && i + 1 < text.Length && text[i + 1] != ' ') || c == UzbekTransliteration.OkinaMark ? 1 : 0;
            }
        }

        return cyrillic > latin
            ? new LanguageGuess(uzbekCyrillic > 0 ? Language.UzbekCyrillic : Language.Russian, 0.5)
            : new LanguageGuess(uzbekLatin > 0 ? Language.UzbekLatin : Language.English, 0.5);
    }
}
