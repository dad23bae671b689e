using Mahalla.Triage.Text;

namespace Mahalla.Triage.Tests;

public sealed class TransliterationTests
{
    [Theory]
    [InlineData("цемент", "sement")]
    [InlineData("цирк", "sirk")]
    public void Tse_at_word_start_is_written_s(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.CyrillicToLatin(cyrillic));

    [Theory]
    [InlineData("концерт", "konsert")]
    [InlineData("акциялар", "aksiyalar")]
    public void Tse_after_a_consonant_is_written_s(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.CyrillicToLatin(cyrillic));

    [Theory]
    [InlineData("позиция", "pozitsiya")]
    [InlineData("милиционер", "militsioner")]
    public void Tse_after_a_vowel_is_written_ts(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.ByRulesOnly(cyrillic));

    [Theory]
    [InlineData("ер", "yer")]
    [InlineData("Европа", "Yevropa")]
    [InlineData("поезд", "poyezd")]
    [InlineData("келди", "keldi")]
    [InlineData("съезд", "syezd")]
    [InlineData("ёмғир", "yomgʻir")]
    [InlineData("актёр", "aktyor")]
    [InlineData("юз", "yuz")]
    [InlineData("дарё", "daryo")]
    [InlineData("батальон", "batalyon")]
    public void Ye_yo_yu_ya_depend_on_their_position(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.CyrillicToLatin(cyrillic));

    [Theory]
    [InlineData("Ўзбекистон", "Oʻzbekiston")]
    [InlineData("ғишт", "gʻisht")]
    [InlineData("маъно", "maʼno")]
    [InlineData("қўшни ҳовли", "qoʻshni hovli")]
    [InlineData("ШАҲАР", "SHAHAR")]
    [InlineData("Шаҳар", "Shahar")]
    [InlineData("Ш. Мирзиёев", "Sh. Mirziyoyev")]
    [InlineData("ЧИРОҚ ЁНМАЯПТИ", "CHIROQ YONMAYAPTI")]
    public void Uzbek_letters_and_capitals_follow_the_orthography(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.CyrillicToLatin(cyrillic));

    [Fact]
    public void Mixed_script_text_comes_out_wholly_latin() =>
        Assert.Equal("Koʻchadagi chiroqlar 3 kundan beri yonmayapti!", UzbekTransliteration.CyrillicToLatin("Кўчадаги chiroqlar 3 кундан beri ёнмаяпти!"));

    [Theory]
    [InlineData("абзацлар", "abzaslar")]
    [InlineData("Франциядан", "Fransiyadan")]
    [InlineData("АБЗАЦ", "ABZAS")]
    [InlineData("Нью-Йорк", "Nyu-York")]
    public void Word_exceptions_apply_to_inflected_and_capitalised_words(string cyrillic, string latin) =>
        Assert.Equal(latin, UzbekTransliteration.CyrillicToLatin(cyrillic));

    [Fact]
    public void Every_cldr_letter_pair_transliterates_as_cldr_except_tse_which_follows_the_1995_rule()
    {
        using var vectors = TestData.TransliterationVectors();
        var pairs = vectors.RootElement.GetProperty("cldr_letter_pairs").EnumerateArray().ToList();
        Assert.True(pairs.Count >= 35);
        foreach (var pair in pairs)
        {
            var cyrillic = pair.GetProperty("cyrillic").GetString()!;
            var expected = pair.GetProperty("latin").GetString()!;
            if (cyrillic.Contains('ц', StringComparison.OrdinalIgnoreCase))
            {
                // CLDR writes ц as ts everywhere; the 1995 orthography writes it s at the start of a
                // word and after a consonant (ADR 0031). "ЦцЦ" is one word: start, after Ц, after ц.
                Assert.Equal("TstsTS", expected);
                Assert.Equal("SsS", UzbekTransliteration.CyrillicToLatin(cyrillic));
                continue;
            }

            Assert.Equal(expected, UzbekTransliteration.CyrillicToLatin(cyrillic));
        }
    }

    [Fact]
    public void Every_fitrat_word_exception_transliterates_to_its_listed_spelling()
    {
        using var vectors = TestData.TransliterationVectors();
        var exceptions = vectors.RootElement.GetProperty("fitrat_word_exceptions").EnumerateArray().ToList();
        Assert.True(exceptions.Count > 1900);
        var failures = new List<string>();
        foreach (var entry in exceptions)
        {
            var cyrillic = entry.GetProperty("cyrillic").GetString()!;
            var expected = UzbekTransliteration.UnifyFitratApostrophes(entry.GetProperty("latin").GetString()!.Trim());
            var actual = UzbekTransliteration.CyrillicToLatin(cyrillic);

            // fitrat lower-cases a few capitalised names (Франция → fransiya): compare case-insensitively.
            if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{cyrillic}: expected {expected}, got {actual}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void The_rules_alone_already_agree_with_most_exceptions_so_the_list_only_patches_loanwords()
    {
        using var vectors = TestData.TransliterationVectors();
        var exceptions = vectors.RootElement.GetProperty("fitrat_word_exceptions").EnumerateArray().ToList();
        var agree = exceptions.Count(e => string.Equals(
            UzbekTransliteration.UnifyFitratApostrophes(e.GetProperty("latin").GetString()!.Trim()),
            UzbekTransliteration.ByRulesOnly(e.GetProperty("cyrillic").GetString()!),
            StringComparison.OrdinalIgnoreCase));
        Assert.InRange(agree / (double)exceptions.Count, 0.5, 1.0);
    }

    [Fact]
    public void Text_without_cyrillic_is_returned_unchanged()
    {
        const string latin = "Suv yoʻq, iltimos yordam bering";
        Assert.Same(latin, UzbekTransliteration.CyrillicToLatin(latin));
    }
}
