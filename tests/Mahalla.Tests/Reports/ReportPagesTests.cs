using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Reports.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Reports;

/// <summary>
/// The report pages as a browser without JavaScript uses them: forms posted as they are rendered, bad input refused on
/// the page in the reader's language with nothing saved. Both providers.
/// </summary>
public abstract class ReportPagesTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task A_report_without_a_place_comes_back_with_the_error_in_the_chosen_language_and_nothing_is_saved()
    {
        var citizen = await PageClientAsync("demo-citizen", "ru");
        var before = await ReportCountAsync();

        var response = await PostReportAsync(citizen, "/report?category=water-supply", new()
        {
            ["categoryCode"] = "water-supply", ["answers[danger]"] = "no", ["answers[problem]"] = "burst",
            ["description"] = "Прорвало трубу у дома.", ["address"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Contains("Отметьте место на карте или выберите махаллю из списка.", page.QuerySelector("#error-summary")!.TextContent);
        Assert.NotNull(page.QuerySelector("#territoryId-error"));
        // The form comes back as it was posted.
        Assert.Equal("Прорвало трубу у дома.", page.QuerySelector("#description")!.TextContent);
        Assert.NotNull(page.QuerySelector("#answer-problem-burst[checked]"));
        Assert.Equal(before, await ReportCountAsync());

        // A mahalla without an address or landmark is not enough either.
        response = await PostReportAsync(citizen, "/report?category=water-supply", new()
        {
            ["categoryCode"] = "water-supply", ["answers[danger]"] = "no", ["answers[problem]"] = "burst",
            ["description"] = "Прорвало трубу у дома.", ["territoryId"] = (await App.MahallaIdAsync("minor")).ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Напишите адрес или ориентир, чтобы место можно было найти.", (await DocumentAsync(response)).QuerySelector("#address-error")!.TextContent);
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task A_description_sent_in_bytes_that_are_not_utf8_is_refused_on_the_page_rather_than_saved_with_its_letters_lost()
    {
        var citizen = await PageClientAsync("demo-citizen", "uz-Latn");
        var before = await ReportCountAsync();
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in (await FormFieldsAsync(citizen, "/report?category=waste", "report")).Where(f => f.Key != "categoryCode"))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("waste"), "categoryCode");
        content.Add(new StringContent("41.3262"), "latitude");
        content.Add(new StringContent("69.2362"), "longitude");
        // "Chiqindi uyumi, koʻcha" in Windows-1251's idea of Uzbek: ʻ is not a byte of it, and the bytes are not UTF-8.
        content.Add(new ByteArrayContent([.. "Chiqindi uyumi, ko"u8, 0xA2, 0xE8, .. "cha"u8]), "description");

        var response = await citizen.PostAsync("/report?category=waste", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Matnda saqlab boʻlmaydigan belgilar bor", (await DocumentAsync(response)).QuerySelector("#error-summary")!.TextContent);
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task An_unknown_category_is_refused_on_the_page_and_nothing_is_saved()
    {
        var citizen = await PageClientAsync("demo-citizen", "en");
        var before = await ReportCountAsync();

        var response = await PostReportAsync(citizen, "/report?category=water-supply", new()
        {
            ["categoryCode"] = "no-such-category", ["description"] = "Something is broken.",
            ["territoryId"] = (await App.MahallaIdAsync()).ToString(), ["address"] = "Bodomzor street 3",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Contains("Choose what kind of problem it is.", page.QuerySelector("#error-summary")!.TextContent);
        Assert.Equal(before, await ReportCountAsync());

        // Asking for the second step with an unknown kind shows the first step again, saying why.
        var step = await citizen.GetAsync("/report?category=no-such-category");
        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        var chooser = await DocumentAsync(step);
        Assert.Contains("Choose what kind of problem it is.", chooser.QuerySelector("#error-summary")!.TextContent);
        Assert.NotNull(chooser.QuerySelector("#category-roads"));
    }

    [Fact]
    public async Task An_oversized_description_or_title_is_refused_on_the_page_and_nothing_is_saved()
    {
        var citizen = await PageClientAsync("demo-citizen", "uz-Cyrl");
        var before = await ReportCountAsync();

        var response = await PostReportAsync(citizen, "/report?category=street-lighting", new()
        {
            ["categoryCode"] = "street-lighting", ["answers[extent]"] = "one", ["description"] = new string('ч', 10_001),
            ["title"] = new string('т', 121), ["latitude"] = "41.3390", ["longitude"] = "69.2840", ["locationSource"] = "map",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Equal("uz-Cyrl", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Матн 10 000 белгидан узун.", page.QuerySelector("#description-error")!.TextContent);
        Assert.Contains("Сарлавҳа 1–120 белгидан иборат бўлиши керак.", page.QuerySelector("#title-error")!.TextContent);
        // The point stays chosen for the next try.
        Assert.Equal("41.3390", page.QuerySelector("#point-lat")!.GetAttribute("value"));
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task A_report_filed_through_the_page_is_public_without_the_reporters_name_and_asks_only_the_reporter_whether_it_was_fixed()
    {
        var citizen = await PageClientAsync("demo-citizen", "uz-Latn");
        var filed = await PostReportAsync(citizen, "/report?category=water-supply", new()
        {
            ["categoryCode"] = "water-supply", ["answers[danger]"] = "no", ["answers[problem]"] = "no_water",
            ["description"] = "Uch kundan beri suv yoʻq.", ["territoryId"] = (await App.MahallaIdAsync("minor")).ToString(), ["address"] = "Minor 4-uy",
        });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var done = await DocumentAsync(filed);
        var link = done.QuerySelector("#open-report")!.GetAttribute("href")!;
        var id = Guid.Parse(link["/reports/".Length..]);

        var anyone = App.CreateClient();
        var page = new HtmlParser().ParseDocument(await anyone.GetStringAsync(link));
        Assert.Equal("Uch kundan beri suv yoʻq.", page.QuerySelector("#description")!.TextContent);
        Assert.Equal("Minor", page.QuerySelector("#place-mahalla")!.TextContent);
        Assert.DoesNotContain("Dilnoza", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#fixed-question"));
        AssertLabelled(page, link);

        // Marked fixed by the water utility's operator; only the reporter is asked, and an empty "no" is refused in their language.
        var staff = await App.SignedInAsync("demo-operator");
        var answered = await staff.PostAsJsonAsync($"/api/appeals/{id}/answer", new { text = "Suv berildi." });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        Assert.Null(new HtmlParser().ParseDocument(await anyone.GetStringAsync(link)).QuerySelector("#fixed-question"));
        var form = await FormFieldsAsync(citizen, link, "fixed-no");
        var refused = await citizen.PostAsync(link, new FormUrlEncodedContent(form.Append(new("NotFixed.Reason", "   "))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bu maydonni toʻldirish shart.", (await DocumentAsync(refused)).QuerySelector("#reason-error")!.TextContent);
        Assert.Equal(AppealStatusAnswered, await StatusAsync(id));

        var confirmed = await citizen.PostAsync(link, new FormUrlEncodedContent(await FormFieldsAsync(citizen, link, "fixed-yes")));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.EndsWith($"/reports/{id}?done=confirmed", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("resolved", await StatusAsync(id));
    }

    [Fact]
    public async Task The_report_pages_label_every_field_and_an_unknown_report_is_a_not_found_page()
    {
        var citizen = await PageClientAsync("demo-citizen", "uz-Latn");
        foreach (var path in new[] { "/report", "/report?category=waste", "/reports", "/reports?status=open&category=roads" })
        {
            var response = await citizen.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            AssertLabelled(await DocumentAsync(response), path);
        }

        var missing = await App.CreateClient().GetAsync($"/reports/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Topilmadi", (await DocumentAsync(missing)).QuerySelector("h1")!.TextContent);

        var badDate = await citizen.GetAsync("/reports?from=2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("Sanalar YYYY-MM-DD koʻrinishida yoziladi.", (await DocumentAsync(badDate)).QuerySelector("#error-summary")!.TextContent);

        // Signing in is what the form asks first.
        var stranger = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await stranger.GetAsync("/report");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/account/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private const string AppealStatusAnswered = "answered";

    private static void AssertLabelled(IDocument document, string path)
    {
        Assert.Single(document.QuerySelectorAll("h1"));
        foreach (var field in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            Assert.True(field.Id is { Length: > 0 } id && document.QuerySelector($"label[for='{id}']") is not null, $"{path}: {field.OuterHtml} has no label");
        }

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.True(ids.Count == ids.Distinct().Count(), $"{path}: duplicate ids");
        foreach (var table in document.QuerySelectorAll("table"))
        {
            Assert.NotNull(table.QuerySelector("caption"));
        }
    }

    /// <summary>A client as a browser: the sign-in's token, cookies for antiforgery, the language asked for, redirects seen as they are.</summary>
    private async Task<HttpClient> PageClientAsync(string userName, string language)
    {
        var client = await App.PagesAsync(userName, language);
        return client;
    }

    /// <summary>Posts the report form as a browser would: multipart, with the hidden fields the page rendered.</summary>
    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in (await FormFieldsAsync(client, url, "report")).Where(f => f.Key != "categoryCode").Concat(fields))
        {
            content.Add(new StringContent(value), name);
        }

        return await client.PostAsync(url, content);
    }

    /// <summary>The hidden fields of a named form (antiforgery token, handler).</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormFieldsAsync(HttpClient client, string url, string formName)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        var form = document.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null);
        return form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
    }

    private static async Task<IDocument> DocumentAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private Task<int> ReportCountAsync() => App.WithDbAsync(db => db.Set<Report>().CountAsync());

    private Task<string> StatusAsync(Guid id) => App.WithDbAsync(async db =>
        Web.Modules.Appeals.Data.AppealWords.Code(await db.Set<Report>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
}

public sealed class ReportPagesOnSqlite(SqliteApp app) : ReportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ReportPagesOnPostgres(PostgresApp app) : ReportPagesTests(app), IClassFixture<PostgresApp>;
