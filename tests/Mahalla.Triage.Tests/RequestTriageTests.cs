using Mahalla.Triage.Classification;
using Mahalla.Triage.Duplicates;
using Mahalla.Triage.Languages;
using Mahalla.Triage.Summaries;
using Mahalla.Triage.Text;
using Mahalla.Triage.Urgency;

namespace Mahalla.Triage.Tests;

public sealed class RequestTriageTests
{
    [Fact]
    public void One_call_gives_language_category_flags_summary_keywords_and_signature()
    {
        var result = RequestTriage.Analyse("Ассалому алайкум! Подъездимизда кучли газ ҳиди бор, уйда ҳомиладор аёл ва кичик болалар бор. Илтимос, тезроқ келинг.");

        Assert.Equal(Language.UzbekCyrillic, result.Language.Language);
        Assert.Equal("gas-supply", result.Categories[0].Label);
        Assert.Equal(3, result.Categories.Count);
        Assert.Equal(UrgencyLevel.Critical, result.Urgency.Level);
        Assert.Contains(result.Urgency.Flags, f => f.Kind == FlagKind.GasLeak);
        Assert.Contains(result.Urgency.Flags, f => f.Kind == FlagKind.Pregnancy);
        Assert.Contains(result.Urgency.Flags, f => f.Kind == FlagKind.Children);
        Assert.DoesNotContain("Ассалому", result.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(result.Keywords);
        Assert.StartsWith("podyezdimizda", result.NormalizedText.Split(' ')[2], StringComparison.Ordinal);
        Assert.False(result.Signature.IsEmpty);
    }

    /// <summary>
    /// Analyse computes the language, the normalised text and its tokens once for every step; each step's
    /// public method computes them itself. The two must agree on every text: requests in every language and
    /// script, with apostrophe variants, line breaks, mixed scripts, numbers only and no letters at all.
    /// </summary>
    [Fact]
    public void Analyse_agrees_with_each_step_run_on_its_own()
    {
        var model = TextClassifier.LoadSeed()!;
        var texts = TestData.LanguageSentences().Where((_, i) => i % 7 == 0).Select(s => s.Text).Take(300).Concat(
        [
            "Ассалому алайкум! Подъездимизда кучли газ ҳиди бор, уйда ҳомиладор аёл ва кичик болалар бор. Илтимос, тезроқ келинг.",
            "Ko‘chamizda 3 kundan beri suv yo'q.\nBolalar kasal bo`lib qoldi, tezroq yordam bering!",
            "В подъезде уже неделю не горит свет, ёлка во дворе упала на провода.",
            "Street light on Navoi street 12 is broken since Monday.",
            "Gaz yo'q. Нет газа. No gas.",
            "12345 678",
            "!!! ??? ...",
            "",
        ]).ToList();

        foreach (var text in texts)
        {
            var result = RequestTriage.Analyse(text, model);
            var categories = model.Predict(text);

            Assert.Equal(TextNormalizer.Normalize(text).Text, result.NormalizedText);
            Assert.Equal(categories.Take(3), result.Categories);
            var urgency = UrgencyDetector.Assess(text, categories);
            Assert.Equal(urgency.Level, result.Urgency.Level);
            Assert.Equal(urgency.Flags.Select(f => (f.Kind, string.Join(',', f.Evidence))), result.Urgency.Flags.Select(f => (f.Kind, string.Join(',', f.Evidence))));
            Assert.Equal(urgency.UrgencyWords, result.Urgency.UrgencyWords);
            Assert.Equal(KeywordExtractor.Default.Extract(text), result.Keywords);
            Assert.Equal(TextSignature.Of(text).ToBase64(), result.Signature.ToBase64());
        }
    }
}
