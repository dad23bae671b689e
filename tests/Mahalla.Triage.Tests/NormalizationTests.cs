using Mahalla.Triage.Languages;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Tests;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("o'g'il")]
    [InlineData("o‘g‘il")]
    [InlineData("o’g’il")]
    [InlineData("oʻgʻil")]
    [InlineData("oʼgʼil")]
    [InlineData("o`g`il")]
    [InlineData("o´g´il")]
    [InlineData("ўғил")]
    [InlineData("ЎҒИЛ")]
    public void Every_apostrophe_variant_and_both_scripts_give_one_matching_key(string written) =>
        Assert.Equal("oʻgʻil", TextNormalizer.Normalize(written, Language.UzbekLatin).Text);

    [Theory]
    [InlineData("ma'no", "maʼno")]
    [InlineData("san`at", "sanʼat")]
    [InlineData("ta’lim", "taʼlim")]
    public void An_apostrophe_after_other_letters_is_the_tutuq(string written, string expected) =>
        Assert.Equal(expected, TextNormalizer.UnifyApostrophes(written));

    [Fact]
    public void The_matching_key_alone_is_the_normalized_text_of_every_language_sentence_and_letter()
    {
        string[] edges =
        [
            "", "I", "Iı", "12345", "Iltimos, yordam bering.", "Iltimos, bızdıń awılǵa járdem beriń.", "Isıq suw joq, járdem kerek.",
            "Í ı á", "İstanbul", "Ｉｌｔｉｍｏｓ, ﬁle", "ЁЛКА во дворе", "Ёлка в Ўзбекистон", "Salom, привет", "Қорақалпоғистон",
            "Бизиң аўылда суў жоқ, ҳәммеге жәрдем керек", "Ko'chamizda\nsuv yo'q", "<p>IIII</p>",
        ];
        var sentences = TestData.LanguageSentences().Select(s => s.Text).ToList();
        // Letters of several sentences in different languages, as a summary splits them.
        var letters = Enumerable.Range(0, 200).Select(i => string.Join(" ", sentences.Skip(i * 7).Take(4)));
        var compared = 0;
        foreach (var text in edges.Concat(sentences).Concat(letters))
        {
            Assert.Equal(TextNormalizer.Normalize(text).Text, TextNormalizer.MatchingKey(text));
            compared++;
        }

        Assert.True(compared > 1_000, $"{compared} texts");
        Assert.Equal("ıltimos, bızdıń awılǵa járdem beriń.", TextNormalizer.MatchingKey("Iltimos, bızdıń awılǵa járdem beriń."));
        Assert.Equal("iltimos, yordam bering.", TextNormalizer.MatchingKey("Iltimos, yordam bering."));
    }

    [Fact]
    public void Russian_yo_becomes_ye_and_case_is_folded() =>
        Assert.Equal("еще нет света во дворе", TextNormalizer.Normalize("ЕЩЁ нет света во дворе", Language.Russian).Text);

    [Fact]
    public void Uzbek_cyrillic_text_is_identified_and_written_in_latin()
    {
        var normalized = TextNormalizer.Normalize("Маҳалламизда уч кундан бери ичимлик суви йўқ, илтимос ёрдам беринг.");
        Assert.Equal(Language.UzbekCyrillic, normalized.Language);
        Assert.Equal("mahallamizda uch kundan beri ichimlik suvi yoʻq, iltimos yordam bering.", normalized.Text);
    }

    [Fact]
    public void Html_remnants_are_removed_and_entities_decoded()
    {
        var clean = TextNormalizer.Clean("<p>Suv&nbsp;yo&#8216;q</p><script>alert(1)</script><br/>Iltimos &amp; tezroq");
        Assert.Equal("Suv yoʻq\nIltimos & tezroq", clean);
    }

    [Fact]
    public void Zero_width_characters_and_runs_of_spaces_disappear() =>
        Assert.Equal("gaz hidi keladi", TextNormalizer.Clean("  gaz   hidi\t ke\u200Bladi  "));

    [Fact]
    public void Karakalpak_case_folding_keeps_the_dotless_i() =>
        Assert.Equal("qaraqalpaqstan respublikası", TextNormalizer.FoldCase("QARAQALPAQSTAN RESPUBLÍKASI", Language.Karakalpak));

    [Fact]
    public void Compatibility_forms_fold_to_plain_letters() =>
        Assert.Equal("suv 12", TextNormalizer.Normalize("ｓｕｖ １２", Language.UzbekLatin).Text);
}
