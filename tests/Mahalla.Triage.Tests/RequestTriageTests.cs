using Mahalla.Triage.Languages;
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
}
