using Mahalla.Triage.Summaries;

namespace Mahalla.Triage.Tests;

public sealed class SummaryTests
{
    [Fact]
    public void Greetings_and_sign_offs_are_left_out_of_the_summary()
    {
        const string letter = "Assalomu alaykum, hurmatli hokim! Men Chilonzor tumanidagi 17-mahallada yashayman. " +
            "Ko'chamizdagi ichimlik suvi quvuri yorilib, uch kundan beri suv yo'q. Iltimos, quvurni tezroq ta'mirlab bering. " +
            "Oldindan rahmat.";
        var summary = RequestSummary.Summarize(letter);
        Assert.Contains("quvur", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Assalomu", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("rahmat", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_russian_letter_is_summarised_by_its_request()
    {
        const string letter = "Здравствуйте!\nПишу вам уже второй раз.\nВо дворе дома 12 по улице Навои уже месяц не вывозят мусор, контейнеры переполнены. Просим принять меры.\nС уважением, жители дома.";
        var summary = RequestSummary.Summarize(letter);
        Assert.Contains("мусор", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Здравствуйте", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("уважением", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_requests_are_their_own_summary() =>
        Assert.Equal("Gaz yo\u02BBq.", RequestSummary.Summarize("<p>Gaz yo'q.</p>"));

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence() =>
        Assert.Single(RequestSummary.Sentences("Sh. Mirziyoyev ko'chasi 5-uyda suv yo'q, 3.5 soatdan beri kutyapmiz."));

    [Fact]
    public void Keywords_are_content_words_of_the_request_not_stop_words()
    {
        var keywords = KeywordExtractor.Default.Extract("Iltimos, ko'chamizdagi chiroqlar uch kundan beri yonmayapti, chiroqlar juda kerak", 3).Select(k => k.Term).ToList();
        Assert.Contains("chiroqlar", keywords);
        Assert.DoesNotContain("iltimos", keywords);
        Assert.DoesNotContain("uch", keywords);
    }

    [Fact]
    public void Keywords_of_uzbek_cyrillic_come_out_in_latin_and_background_frequency_lowers_common_words()
    {
        var extractor = KeywordExtractor.FromBackground(["suv yo'q", "suv kelmayapti", "suv iflos", "svetofor buzilgan"]);
        var terms = extractor.Extract("Сув йўқ, светофор ишламаяпти", 3).Select(k => k.Term).ToList();
        Assert.Contains("suv", terms);
        Assert.True(terms.IndexOf("svetofor") >= 0 && terms.IndexOf("svetofor") < terms.IndexOf("suv"), string.Join(", ", terms));
    }
}
