using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Platform;

/// <summary>
/// Refusals that the framework makes before any endpoint runs (authorization, routing, the body's type) speak as the
/// handlers do: ProblemDetails in the caller's language on the API, the error page in the user's language on pages,
/// and nothing in the way of the formats that Open311 and the transparency log's clients expect.
/// </summary>
public sealed class BareErrorsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("anonymous", "GET", "/api/appeals/mine", HttpStatusCode.Unauthorized, "error.sign_in_required", "Чтобы сделать это, войдите в систему.")]
    [InlineData("demo-citizen", "GET", "/api/inbox", HttpStatusCode.Forbidden, "error.forbidden", "Ваша роль не позволяет этого.")]
    [InlineData("demo-citizen", "GET", "/api/no-such-thing", HttpStatusCode.NotFound, "error.no_such_address", "По этому адресу ничего не найдено.")]
    [InlineData("demo-citizen", "GET", "/api/appeals/not-a-guid", HttpStatusCode.NotFound, "error.no_such_address", "По этому адресу ничего не найдено.")]
    [InlineData("demo-citizen", "DELETE", "/api/categories", HttpStatusCode.MethodNotAllowed, "error.method_not_allowed", "Этот адрес не принимает такой запрос.")]
    [InlineData("demo-admin", "POST", "/api/admin/holidays", HttpStatusCode.UnsupportedMediaType, "error.unsupported_media_type", "Данные в таком формате здесь не принимаются.")]
    public async Task The_api_answers_a_refusal_before_its_handlers_with_problem_details_in_the_callers_language(
        string caller, string method, string url, HttpStatusCode status, string code, string detail)
    {
        var client = caller == "anonymous" ? app.CreateClient() : await app.SignedInAsync(caller);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("date=2026-12-08", Encoding.UTF8, "text/plain");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ObjectAsync();
        Assert.Equal(code, problem.Str("code"));
        Assert.Equal(detail, problem.Str("detail"));
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_address_that_matches_no_page_shows_the_error_page_in_the_users_language_with_a_404()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("uz-Cyrl"));

        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Топилмади", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Бундай саҳифа йўқ", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
        PageChecks.AssertAccessible("/no-such-page", page);
    }

    [Theory]
    [InlineData("demo-mahalla", "/inbox?page=99999999999")]
    [InlineData("demo-mahalla", "/inbox?overdue=maybe")]
    [InlineData("demo-mahalla", "/inbox?territoryId=bodomzor")]
    [InlineData("demo-mahalla", "/inbox?page=x&page=2")]
    [InlineData("demo-mahalla", "/triage?decided=x")]
    [InlineData("demo-citizen", "/reports?page=1.5")]
    [InlineData("demo-citizen", "/appeals/new?district=tashkent")]
    [InlineData("demo-admin", "/deliveries?retried=2")]
    [InlineData("demo-admin", "/admin/holidays?year=2026-12")]
    [InlineData("demo-admin", "/admin/organizations?includeInactive=yes")]
    [InlineData("demo-admin", "/admin/categories?saved=%20")]
    public async Task An_address_whose_query_the_page_cannot_read_shows_the_error_page_with_a_400_not_a_500(string userName, string url)
    {
        // Blazor throws when it cannot parse a value into a page's typed property: a 500 for an address anyone can type.
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync(userName, "uz-Cyrl");
        var errorsBefore = app.Log.Errors.Count;

        var response = await browser.GetAsync(url, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("uz-Cyrl", "error.address_unreadable"), page.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible(url, page);
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
    }

    [Theory]
    [InlineData("demo-mahalla", "/inbox?page=2&overdue=true&status=")]
    [InlineData("demo-mahalla", "/inbox?page=&overdue=")]
    [InlineData("demo-mahalla", "/inbox?page=2&page=x")]
    [InlineData("demo-mahalla", "/inbox?PAGE=+2&utm_source=telegram")]
    [InlineData("demo-admin", "/admin/holidays?year=2027")]
    public async Task An_address_whose_query_the_page_reads_as_blazor_does_is_shown(string userName, string url)
    {
        // The first value of a name counts, an empty one means none, names match in any case, and others are the page's own.
        var response = await (await app.PagesAsync(userName)).GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Every_typed_query_value_of_the_pages_is_checked_before_them()
    {
        // Found by reflection over the app's components; these are the ones the pages had when the check was written.
        string[] known = ["page", "overdue", "territoryId", "decided", "retried", "includeInactive", "year", "saved", "district", "template", "mahallaId", "organizationId", "reportId"];
        Assert.Superset(known.ToHashSet(StringComparer.OrdinalIgnoreCase), ReadableQueries.Typed.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("POST", "/no-such-page", HttpStatusCode.NotFound, "error.page_not_found")]
    [InlineData("DELETE", "/appeals/new", HttpStatusCode.MethodNotAllowed, "error.method_not_allowed")]
    [InlineData("PUT", "/track", HttpStatusCode.MethodNotAllowed, "error.method_not_allowed")]
    public async Task A_page_refused_for_another_method_than_get_still_shows_the_error_page(string method, string url, HttpStatusCode status, string text)
    {
        // The error page is shown by GET: run again as the POST it was, it was taken for a form it does not have (an empty
        // 400); as a DELETE or PUT, refused once more (an empty 405).
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("text", "Salom")]),
        };

        var response = await client.SendAsync(request, ct);

        Assert.Equal(status, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("ru", text), page.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible($"{method} {url}", page);
    }

    [Fact]
    public async Task A_form_sent_after_signing_in_as_someone_else_in_another_tab_shows_why_it_was_refused_and_saves_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync("demo-citizen", "ru");
        var form = new HtmlParser().ParseDocument(await browser.GetStringAsync("/appeals/new", ct));
        var fields = PageChecks.FormFields(form, "file-appeal", await app.AppealFormAsync());
        var before = await app.WithDbAsync(db => db.Appeals.CountAsync(ct));

        // Another tab signed in as someone else: the form's token was made for the first account.
        browser.DefaultRequestHeaders.Authorization = (await app.NewCitizenAsync()).DefaultRequestHeaders.Authorization;
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var response = await browser.PostAsync("/appeals/new", content, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("ru", "error.form_expired"), page.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible("/appeals/new (refused)", page);
        Assert.Equal(before, await app.WithDbAsync(db => db.Appeals.CountAsync(ct)));
    }

    [Fact]
    public async Task A_form_with_a_null_character_says_it_could_not_be_read_not_that_it_expired_and_saves_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync("demo-mahalla", "uz-Cyrl");
        var filed = await (await app.NewCitizenAsync()).FileAsync();
        var url = $"/appeals/{filed.Str("id")}";
        var form = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, ct));
        var fields = PageChecks.FormFields(form, "note").Where(f => f.Key != "Note.Text").ToList();
        var notes = await app.WithDbAsync(db => db.InternalNotes.CountAsync(ct));

        // A URL-encoded form: the framework's decoder refuses %00, so the antiforgery check cannot read the token either.
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")) + "&Note.Text=Qo%CA%BBshni%00";
        var response = await browser.PostAsync(url, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(new TextCatalog().Get("uz-Cyrl", "error.form_unreadable"), page.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible(url + " (unreadable)", page);
        Assert.Equal(notes, await app.WithDbAsync(db => db.InternalNotes.CountAsync(ct)));
    }

    [Theory]
    [InlineData("/tlog/no-such-thing")]
    [InlineData("/open311/v2/no-such-thing.json")]
    public async Task The_log_and_open311_keep_the_answers_of_their_own_formats(string url)
    {
        var response = await app.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
