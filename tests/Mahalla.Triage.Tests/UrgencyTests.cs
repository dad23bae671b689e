using Mahalla.Triage.Classification;
using Mahalla.Triage.Urgency;

namespace Mahalla.Triage.Tests;

public sealed class UrgencyTests
{
    [Theory]
    [InlineData("Podyezdda kuchli gaz hidi bor, iltimos tezroq keling", FlagKind.GasLeak)]
    [InlineData("Подъездда кучли газ ҳиди бор", FlagKind.GasLeak)]
    [InlineData("В подъезде сильный запах газа", FlagKind.GasLeak)]
    [InlineData("There is a strong smell of gas in the stairwell", FlagKind.GasLeak)]
    [InlineData("Podezdte gaz iyisi bar", FlagKind.GasLeak)]
    [InlineData("Qo'shnining uyida yong'in chiqdi", FlagKind.Fire)]
    [InlineData("У соседей пожар, горит сарай", FlagKind.Fire)]
    [InlineData("The shed next door is on fire", FlagKind.Fire)]
    [InlineData("Ko'chada elektr simlari uzilib yerda yotibdi", FlagKind.ElectricalHazard)]
    [InlineData("На детской площадке оголенные провода", FlagKind.ElectricalHazard)]
    [InlineData("There are exposed wires near the school gate", FlagKind.ElectricalHazard)]
    [InlineData("Uyimizning yerto'lasini suv bosdi", FlagKind.Flooding)]
    [InlineData("Затопило подвал, прорвало трубу", FlagKind.Flooding)]
    [InlineData("A burst pipe is flooding the basement", FlagKind.Flooding)]
    [InlineData("Eski uyning devori yorilib, qulab tushish xavfi bor", FlagKind.Collapse)]
    [InlineData("Стена дома дала трещину, может обрушиться", FlagKind.Collapse)]
    [InlineData("The roof of the school is about to collapse", FlagKind.Collapse)]
    public void Danger_to_life_is_flagged_in_every_language(string text, FlagKind kind)
    {
        var assessment = UrgencyDetector.Assess(text);
        var flag = Assert.Single(assessment.Flags, f => f.Kind == kind);
        Assert.True(flag.IsDanger);
        Assert.NotEmpty(flag.Evidence);
        Assert.Equal(UrgencyLevel.Critical, assessment.Level);
    }

    [Theory]
    [InlineData("Men nogironman, uyimga pandus kerak", FlagKind.Disability)]
    [InlineData("Мен ногиронман, уйимга пандус керак", FlagKind.Disability)]
    [InlineData("Я инвалид второй группы, нужен пандус", FlagKind.Disability)]
    [InlineData("My mother uses a wheelchair and cannot leave the flat", FlagKind.Disability)]
    [InlineData("Mahallamizda yolg'iz yashovchi keksa ayol bor, unga yordam kerak", FlagKind.LonelyElderly)]
    [InlineData("Одинокая пенсионерка осталась без отопления", FlagKind.LonelyElderly)]
    [InlineData("An elderly neighbour lives alone without heating", FlagKind.LonelyElderly)]
    [InlineData("Bolalar maydonchasi buzilgan", FlagKind.Children)]
    [InlineData("Дети ходят в школу по темной дороге", FlagKind.Children)]
    [InlineData("Children cross the road without a crossing", FlagKind.Children)]
    [InlineData("Homilador ayolga tez yordam kerak", FlagKind.Pregnancy)]
    [InlineData("Беременная женщина живет без воды", FlagKind.Pregnancy)]
    [InlineData("My wife is pregnant and we have no water", FlagKind.Pregnancy)]
    [InlineData("Awılda mayıp adam jasaydı", FlagKind.Disability)]
    public void Vulnerable_people_are_flagged_in_every_language(string text, FlagKind kind)
    {
        var assessment = UrgencyDetector.Assess(text);
        var flag = Assert.Single(assessment.Flags, f => f.Kind == kind);
        Assert.False(flag.IsDanger);
        Assert.True(assessment.Level >= UrgencyLevel.High);
    }

    [Theory]
    [InlineData("Uch kundan beri gaz yo'q")]
    [InlineData("Bog'dagi gazonni o'rish kerak")]
    [InlineData("Нет газа уже неделю")]
    [InlineData("Please repair the pothole on our street")]
    [InlineData("Ko'chadagi chiroqlar yonmayapti")]
    public void Ordinary_requests_raise_no_flag(string text)
    {
        var assessment = UrgencyDetector.Assess(text);
        Assert.Empty(assessment.Flags);
        Assert.Equal(UrgencyLevel.Normal, assessment.Level);
    }

    [Fact]
    public void A_flag_names_the_words_that_raised_it()
    {
        var flag = Assert.Single(UrgencyDetector.Assess("Подъездда газ ҳиди келяпти").Flags);
        Assert.Equal(FlagKind.GasLeak, flag.Kind);
        Assert.Contains("gaz hidi", flag.Evidence);
    }

    [Fact]
    public void The_model_completes_a_weak_cue_when_it_is_sure_of_the_category()
    {
        const string text = "Oshxonada qattiq hid bor, qo'rqyapmiz";
        Assert.Empty(UrgencyDetector.Assess(text).Flags);

        var categories = new[] { new ClassProbability("gas-supply", 0.86), new ClassProbability("other", 0.14) };
        var flag = Assert.Single(UrgencyDetector.Assess(text, categories).Flags);
        Assert.Equal(FlagKind.GasLeak, flag.Kind);
        Assert.Contains(flag.Evidence, e => e.StartsWith("category gas-supply", StringComparison.Ordinal));
        Assert.Contains("hid", flag.Evidence);
    }

    [Fact]
    public void Words_asking_for_speed_raise_the_level_without_a_flag()
    {
        var assessment = UrgencyDetector.Assess("Срочно уберите мусор во дворе");
        Assert.Empty(assessment.Flags);
        Assert.Equal(UrgencyLevel.High, assessment.Level);
        Assert.Contains("срочно", assessment.UrgencyWords);
    }

    [Fact]
    public void Every_entry_of_the_lexicon_is_found_in_a_text_of_its_own_words()
    {
        // A text is only matched against the entries its tokens can start: none may be left out.
        var lexicon = UrgencyDetector.Lexicon.LoadEmbedded();
        var phrases = lexicon.All.Where(e => e.Category is null).ToList();
        Assert.True(phrases.Count > 200, $"the lexicon has {phrases.Count} phrases");
        foreach (var entry in phrases)
        {
            var tokens = entry.Words.Select(w => w.Stem).ToList();
            Assert.True(lexicon.Matches(tokens, []).Any(m => ReferenceEquals(m.Entry, entry)), $"not found: {string.Join(' ', tokens)}");
        }
    }

    [Fact]
    public void A_category_entry_needs_no_word_of_the_text()
    {
        var lexicon = UrgencyDetector.Lexicon.LoadEmbedded();
        var matched = lexicon.Matches([], [new ClassProbability("gas-supply", 0.9)]).Select(m => m.Entry).ToList();
        Assert.NotEmpty(matched);
        Assert.All(matched, e => Assert.Equal("gas-supply", e.Category));
    }
}
