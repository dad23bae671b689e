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
