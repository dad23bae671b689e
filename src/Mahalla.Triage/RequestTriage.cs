using Mahalla.Triage.Classification;
using Mahalla.Triage.Duplicates;
using Mahalla.Triage.Languages;
using Mahalla.Triage.Summaries;
using Mahalla.Triage.Text;
using Mahalla.Triage.Urgency;

namespace Mahalla.Triage;

/// <summary>Everything triage says about one request, for the filing flow and the staff inbox.</summary>
/// <param name="Language">Language and script, with confidence.</param>
/// <param name="NormalizedText">The matching key (Uzbek in Latin, case folded).</param>
/// <param name="Categories">The most probable categories with calibrated probabilities, highest first.</param>
/// <param name="Urgency">Urgency level and flags, each with the words that raised it.</param>
/// <param name="Summary">The one or two sentences that carry the request.</param>
/// <param name="Keywords">Key terms.</param>
/// <param name="Signature">Duplicate-detection signature; store <see cref="TextSignature.ToBase64"/> beside the request.</param>
public sealed record TriageResult(
    LanguageGuess Language,
    string NormalizedText,
    IReadOnlyList<ClassProbability> Categories,
    UrgencyAssessment Urgency,
    string Summary,
    IReadOnlyList<Keyword> Keywords,
    TextSignature Signature);

/// <summary>
/// One call for the web platform: language, category, urgency, summary, keywords and duplicate
/// signature of a request. Pure and thread-safe; it decides nothing — the caller compares the top
/// probability with its auto-routing threshold and queues the rest for staff.
/// </summary>
public static class RequestTriage
{
    /// <summary>Analyses <paramref name="text"/> with <paramref name="model"/>, or the seed model when null.</summary>
    /// <exception cref="InvalidOperationException">No model given and this build carries no seed model.</exception>
    public static TriageResult Analyse(string text, TextClassifier? model = null, int topCategories = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        model ??= TextClassifier.LoadSeed() ?? throw new InvalidOperationException("No classifier given and no seed model embedded.");
        // The language, the normalised text and its tokens once, for every step that starts from them
        // (each step's public method computes the same from the text; a test holds them equal).
        var language = LanguageIdentifier.Identify(text);
        var normalized = TextNormalizer.Normalize(text, language.Language);
        var tokens = Tokenizer.Tokens(normalized.Text);
        var categories = model.Predict(text, normalized, tokens);
        return new TriageResult(
            language,
            normalized.Text,
            [.. categories.Take(Math.Max(1, topCategories))],
            UrgencyDetector.AssessTokens(tokens, categories),
            RequestSummary.Summarize(text),
            KeywordExtractor.Default.ExtractTokens(tokens),
            TextSignature.OfTokens(tokens));
    }
}
