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
        var admin = await App.PagesAsync("demo-admin", "ru");
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

    [Fact]
    public async Task The_forms_of_the_detail_pages_save_what_they_show_and_refuse_bad_input_on_the_page()
    {
        var admin = await App.PagesAsync("demo-admin", "ru");
        var rule = (await (await admin.GetAsync("/api/admin/routing-rules")).ArrayAsync())[0]!.Str("id");
        var holiday = (await (await admin.GetAsync("/api/admin/holidays")).ArrayAsync()).First(h => h!["isMoving"]!.GetValue<bool>())!.Str("id");
        var policy = (await (await admin.GetAsync("/api/admin/deadline-policies")).ArrayAsync())[0]!.Str("id");
        var organization = MahallaApp.OrganizationId("water");

        // Each form posted back as the page shows it: a save that changes nothing, answered with the redirect.
        (string Page, string Form)[] forms =
        [
            ($"/admin/organizations/{organization}", "rename"), ("/admin/categories/roads", "rename"), ("/admin/categories/roads", "position"),
            ($"/admin/territories/{await App.MahallaIdAsync()}/edit", "rename"), ($"/admin/territories/{await App.MahallaIdAsync()}/edit", "centre"),
            ($"/admin/routing-rules/{rule}", "repoint"), ($"/admin/holidays/{holiday}", "move"), ($"/admin/deadline-policies/{policy}", "terms"),
        ];
        foreach (var (page, form) in forms)
        {
            var before = new HtmlParser().ParseDocument(await admin.GetStringAsync(page));
            Assert.True(before.QuerySelector($"form input[name='_handler'][value='{form}']") is not null, $"{page} has no form {form}");
            var fields = PageChecks.FormFields(before, form);
            var response = await admin.PostAsync(page, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page} {form}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.EndsWith("saved=1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var stored = await (await admin.GetAsync($"/api/admin/organizations/{organization}")).ObjectAsync();
        var rename = PageChecks.FormFields(new HtmlParser().ParseDocument(await admin.GetStringAsync($"/admin/organizations/{organization}")), "rename")
            .Select(f => f.Key == "Rename.Names.UzLatn" ? KeyValuePair.Create(f.Key, "") : f).ToList();
        var refused = await admin.PostAsync($"/admin/organizations/{organization}", new FormUrlEncodedContent(rename));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Это поле обязательно.", shown.QuerySelector("#error-summary")!.TextContent);
        Assert.NotNull(shown.QuerySelector("form input[name='_handler'][value='rename']"));
        Assert.Equal(stored.ToJsonString(), (await (await admin.GetAsync($"/api/admin/organizations/{organization}")).ObjectAsync()).ToJsonString());
    }

    /// <summary>The hidden fields of a named form (antiforgery token, handler), as the browser would post them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string formName) =>
        PageChecks.HiddenFields(new HtmlParser().ParseDocument(await client.GetStringAsync(url)), formName);
}
