using Mahalla.Triage.Classification;

namespace Mahalla.Triage.Tests;

public sealed class SeedModelTests
{
    private static readonly string[] Catalogue =
    [
        "roads", "street-lighting", "water-supply", "sewerage", "electricity", "gas-supply", "heating", "waste", "greenery",
        "public-transport", "housing", "social-assistance", "employment", "education", "healthcare", "land", "public-order", "documents", "other",
    ];

    private static TextClassifier Seed => TextClassifier.LoadSeed() ?? throw new InvalidOperationException("no seed model embedded");

    [Fact]
    public void The_seed_model_ships_with_its_card_and_the_whole_catalogue()
    {
        Assert.Equal(Catalogue.Order(StringComparer.Ordinal), Seed.Classes);
        Assert.True(Seed.Card.Examples >= 3000);
        var cv = Seed.Card.CrossValidation!;
        Assert.Equal(5, cv.Folds);
        Assert.InRange(cv.Accuracy, 0.85, 1.0);
        Assert.InRange(cv.MacroF1, 0.85, 1.0);
    }

    [Theory]
    [InlineData("Ko'chamizdagi chiroqlar bir haftadan beri yonmayapti", "street-lighting")]
    [InlineData("Кўчамиздаги чироқлар бир ҳафтадан бери ёнмаяпти", "street-lighting")]
    [InlineData("Во дворе уже неделю не горят фонари", "street-lighting")]
    [InlineData("The street lamps on our road have been dark for a week", "street-lighting")]
    [InlineData("Uch kundan beri ichimlik suvi kelmayapti", "water-supply")]
    [InlineData("Третий день нет холодной воды в доме", "water-supply")]
    [InlineData("Mahallamizdagi chiqindi qutilari to'lib ketgan, axlat olib ketilmayapti", "waste")]
    [InlineData("There is a huge pothole on the road near school 45", "roads")]
    public void The_seed_model_routes_plain_requests_in_every_language(string text, string category) =>
        Assert.Equal(category, Seed.Predict(text, 1)[0].Label);
}
