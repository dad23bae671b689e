using System.Net;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mahalla.Tests.Administration;

/// <summary>The administration pages: server-rendered, labelled, guarded, and their forms work without JavaScript.</summary>
public abstract partial class AdministrationTests
{
    [Fact]
    public async Task Every_administration_page_renders_with_labelled_fields_and_described_tables()
    {
        var admin = await App.SignedInAsync("demo-admin", "uz-Latn");
        var rule = (await (await admin.GetAsync("/api/admin/routing-rules")).ArrayAsync())[0]!.Str("id");
        var holiday = (await (await admin.GetAsync("/api/admin/holidays")).ArrayAsync())[0]!.Str("id");
        var policy = (await (await admin.GetAsync("/api/admin/deadline-policies")).ArrayAsync())[0]!.Str("id");
        var template = (await (await admin.GetAsync("/api/admin/answer-templates")).ArrayAsync())[0]!.Str("id");
        var user = (await (await admin.GetAsync("/api/admin/users?q=demo-mahalla")).ObjectAsync())["items"]![0]!.Str("id");
        string[] pages =
        [
            "/admin", "/admin/territories", $"/admin/territories/{AdminApi.Yunusobod}", $"/admin/territories/{await App.MahallaIdAsync()}/edit",
            "/admin/organizations", $"/admin/organizations/{MahallaApp.OrganizationId("water")}", "/admin/categories", "/admin/categories/roads",
            $"/admin/routing-rules?mahallaId={await App.MahallaIdAsync()}&decide=water-supply", $"/admin/routing-rules/{rule}",
            "/admin/holidays", $"/admin/holidays/{holiday}", "/admin/deadline-policies", $"/admin/deadline-policies/{policy}",
            "/admin/answer-templates", $"/admin/answer-templates/{template}", "/admin/users", $"/admin/users/{user}",
        ];

        foreach (var page in pages)
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            PageChecks.AssertAccessible(page, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
        }

        var decision = new HtmlParser().ParseDocument(await admin.GetStringAsync($"/admin/routing-rules?mahallaId={await App.MahallaIdAsync()}&decide=water-supply"));
        Assert.Contains("Toshkent shahar suv taʼminoti", decision.GetElementById("decision")!.TextContent.Replace('\'', 'ʼ'));
    }

    [Fact]
    public async Task Pages_send_strangers_to_sign_in_and_refuse_citizens()
    {
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var citizen = await App.CitizenAsync();

        foreach (var page in new[] { "/admin", "/admin/territories", "/admin/users" })
        {
            var redirect = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.StartsWith("/account/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(page)).StatusCode);
        }

        var home = await (await App.SignedInAsync("demo-admin")).GetStringAsync("/");
        Assert.Contains("href=\"/admin\"", home);
        Assert.DoesNotContain("href=\"/admin\"", await citizen.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_holiday_form_refuses_bad_input_on_the_page_and_saves_good_input()
    {
        // Redirects are checked by hand: HttpClient drops the bearer token when it follows one.
        var admin = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        admin.DefaultRequestHeaders.Authorization = (await App.SignedInAsync("demo-admin")).DefaultRequestHeaders.Authorization;
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var form = await FormAsync(admin, "/admin/holidays", "add-holiday");

        var refused = await admin.PostAsync("/admin/holidays", new FormUrlEncodedContent(form.Concat(new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-08-30", ["Input.Names.UzLatn"] = "", ["Input.Names.UzCyrl"] = "Байрам", ["Input.Names.Ru"] = "Праздник", ["Input.Names.En"] = "Holiday",
        })));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Это поле обязательно.", page.QuerySelector("#error-summary")!.TextContent);
        Assert.DoesNotContain(await (await admin.GetAsync("/api/admin/holidays?year=2027")).ArrayAsync(), h => h!.Str("date") == "2027-08-30");

        var saved = await admin.PostAsync("/admin/holidays", new FormUrlEncodedContent(form.Concat(new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-08-30", ["Input.Names.UzLatn"] = "Qoʻshimcha dam olish kuni", ["Input.Names.UzCyrl"] = "Қўшимча дам олиш куни",
            ["Input.Names.Ru"] = "Дополнительный выходной", ["Input.Names.En"] = "Extra day off",
        })));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/holidays?year=2027&saved=1", saved.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Contains(await (await admin.GetAsync("/api/admin/holidays?year=2027")).ArrayAsync(), h => h!.Str("date") == "2027-08-30");
    }

    /// <summary>The hidden fields of a named form (antiforgery token, handler), as the browser would post them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string formName) =>
        PageChecks.HiddenFields(new HtmlParser().ParseDocument(await client.GetStringAsync(url)), formName);
}
