using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Tests.Platform;

/// <summary>
/// A form that cannot be read (cut short, over the framework's limits, a part in UTF-7) or that names another charset than
/// UTF-8 is refused before anything reads it, on the API and on pages, with what is wrong with it (ADR 0089). Before, the
/// API answered such a filing with a 500, and a page said that the form had expired.
/// </summary>
public sealed class UnreadableFormsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Boundary = "mahalla-test-boundary";

    public static TheoryData<string, HttpStatusCode> Hostile => new()
    {
        { "cut short", HttpStatusCode.BadRequest },
        { "1,100 fields", HttpStatusCode.BadRequest },
        { "a part's headers over 16 KB", HttpStatusCode.BadRequest },
        { "a boundary of 200 characters", HttpStatusCode.BadRequest },
        { "a text part in UTF-7", HttpStatusCode.UnsupportedMediaType },
        { "the form named windows-1251", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_multipart_filing_that_cannot_be_read_is_refused_with_what_is_wrong_and_files_nothing(string variant, HttpStatusCode status)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen", "ru");
        var mahalla = (await app.MahallaIdAsync()).ToString();
        var errorsBefore = app.Log.Errors.Count;
        var before = await app.RequestRowsAsync(ct);
        var forms = new (string Url, (string, string)[] Fields)[]
        {
            ("/api/appeals", [("type", "complaint"), ("categoryCode", "other"), ("territoryId", mahalla), ("text", "Koʻcha chirogʻi yonmayapti.")]),
            ("/api/reports", [("categoryCode", "waste"), ("description", "Chiqindi uyumi."), ("latitude", "41.3262"), ("longitude", "69.2362")]),
        };

        foreach (var (url, fields) in forms)
        {
            var response = await citizen.PostAsync(url, Multipart(variant, fields), ct);

            Assert.True(status == response.StatusCode, $"{url}, {variant}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            var problem = await response.ObjectAsync();
            if (status == HttpStatusCode.BadRequest)
            {
                Assert.Equal("validation.form_unreadable", problem["errorCodes"]!["body"]![0]!.GetValue<string>());
                Assert.Equal(new TextCatalog().Get("ru", "validation.form_unreadable"), problem["errors"]!["body"]![0]!.GetValue<string>());
            }
            else
            {
                Assert.Equal("error.unsupported_charset", problem.Str("code"));
                Assert.Equal(new TextCatalog().Get("ru", "error.unsupported_charset"), problem.Str("detail"));
            }
        }

        Assert.Equal(before, await app.RequestRowsAsync(ct));
        Assert.True(app.Log.Errors.Count == errorsBefore, string.Join("\n", app.Log.Errors.Skip(errorsBefore)));
    }

    [Fact]
    public async Task The_same_filing_written_out_whole_is_filed_so_the_refusals_are_of_the_damage_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen");
        var fields = new[] { ("type", "complaint"), ("categoryCode", "other"), ("territoryId", (await app.MahallaIdAsync()).ToString()), ("text", "Koʻcha chirogʻi yonmayapti.") };

        var response = await citizen.PostAsync("/api/appeals", Multipart("whole", fields), ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("cut short", HttpStatusCode.BadRequest, "error.form_unreadable")]
    [InlineData("1,100 fields", HttpStatusCode.BadRequest, "error.form_unreadable")]
    [InlineData("a text part in UTF-7", HttpStatusCode.UnsupportedMediaType, "error.unsupported_charset")]
    [InlineData("the form named windows-1251", HttpStatusCode.UnsupportedMediaType, "error.unsupported_charset")]
    public async Task A_page_form_that_cannot_be_read_says_why_not_that_it_expired_and_saves_nothing(string variant, HttpStatusCode status, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync("demo-citizen", "uz-Cyrl");
        var form = new HtmlParser().ParseDocument(await browser.GetStringAsync("/appeals/new", ct));
        var fields = PageChecks.FormFields(form, "file-appeal", await app.AppealFormAsync()).Select(f => (f.Key, f.Value)).ToArray();
        var before = await app.RequestRowsAsync(ct);

        var response = await browser.PostAsync("/appeals/new", Multipart(variant, fields), ct);

        Assert.Equal(status, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("uz-Cyrl", text), page.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible($"/appeals/new ({variant})", page);
        Assert.Equal(before, await app.RequestRowsAsync(ct));

        // The same form, whole, is filed (the page shows the access code once): what was refused was the damage, not the form.
        var whole = await browser.PostAsync("/appeals/new", Multipart("whole", fields), ct);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(before.Appeals + 1, (await app.RequestRowsAsync(ct)).Appeals);
    }

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("utf-7")]
    [InlineData("no-such-charset")]
    public async Task A_url_encoded_page_form_that_names_another_charset_is_refused_in_the_users_language(string charset)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync("demo-mahalla", "ru");
        var filed = await (await app.NewCitizenAsync()).FileAsync();
        var url = $"/appeals/{filed.Str("id")}";
        var form = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, ct));
        var fields = PageChecks.FormFields(form, "note").Where(f => f.Key != "Note.Text").Append(KeyValuePair.Create("Note.Text", "Qoʻshnisi bilan gaplashildi."));
        var before = await app.RequestRowsAsync(ct);
        var content = new StringContent(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = charset };

        var response = await browser.PostAsync(url, content, ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("ru", "error.unsupported_charset"), page.QuerySelector("main p")?.TextContent);
        Assert.Equal(before, await app.RequestRowsAsync(ct));
    }

    /// <summary>A multipart body written by hand, whole or damaged the way <paramref name="variant"/> says.</summary>
    private static ByteArrayContent Multipart(string variant, IEnumerable<(string Name, string Value)> fields)
    {
        var boundary = variant == "a boundary of 200 characters" ? new string('b', 200) : Boundary;
        var parts = fields.Select(f => (f.Name, f.Value, Headers: "")).ToList();
        switch (variant)
        {
            case "1,100 fields":
                parts.AddRange(Enumerable.Range(0, 1_100).Select(i => ($"extra{i}", "1", "")));
                break;
            case "a part's headers over 16 KB":
                parts.Add(("extra", "1", $"X-Padding: {new string('a', 17_000)}\r\n"));
                break;
            case "a text part in UTF-7":
                parts = parts.Select(p => (p.Name, p.Value, "Content-Type: text/plain; charset=utf-7\r\n")).ToList();
                break;
        }

        var body = new StringBuilder();
        foreach (var (name, value, headers) in parts)
        {
            body.Append($"--{boundary}\r\n");
            body.Append($"Content-Disposition: form-data; name=\"{name}\"\r\n");
            body.Append(headers).Append("\r\n").Append(value).Append("\r\n");
        }

        body.Append($"--{boundary}--\r\n");
        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        if (variant == "cut short")
        {
            bytes = bytes[..(bytes.Length * 2 / 3)];
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}"
            + (variant == "the form named windows-1251" ? "; charset=windows-1251" : ""));
        return content;
    }
}
