using System.Net.Http.Headers;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Tests.Platform;

/// <summary>How pages carry their text: as characters, in every language, with markup still escaped.</summary>
public sealed class PageTextTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("ru")]
    [InlineData("uz-Cyrl")]
    [InlineData("uz-Latn")]
    public async Task A_page_writes_its_language_as_characters_not_as_numeric_entities(string language)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        var html = await client.GetStringAsync("/track", TestContext.Current.CancellationToken);

        // The default encoder wrote every character outside Basic Latin as &#x...;, doubling a Cyrillic page.
        Assert.Contains(new TextCatalog().Get(language, "track.intro"), html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"&#x[0-9A-Fa-f]{3,};", html);
    }

    [Fact]
    public async Task Markup_in_what_a_citizen_wrote_is_still_escaped_on_the_page()
    {
        var citizen = await app.CitizenAsync();
        var filed = await citizen.FileAsync(text: "<script>alert('x')</script> Ko'chada chiroq yo'q");

        var html = await citizen.GetStringAsync($"/appeals/{filed.Str("id")}", TestContext.Current.CancellationToken);

        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
    }
}
