using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Open311.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Open311;

/// <summary>Client keys: issued and revoked by administrators (API and page), shown once, stored as hashes; the demo key from configuration.</summary>
public abstract class ClientKeyTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    private HttpClient Client => App.CreateClient();

    [Fact]
    public async Task The_demo_key_from_configuration_files_reports_on_a_fresh_demo_install()
    {
        const string demoKey = "demo-open311-key-for-outside-checks";
        using var demo = App.WithWebHostBuilder(b => b.UseSetting("Demo:Open311ApiKey", demoKey));
        var client = demo.CreateClient();

        var id = await client.FilePotholeAsync(demoKey);

        Assert.StartsWith("R-", id, StringComparison.Ordinal);
        var clients = await (await (await App.SignedInAsync("demo-admin")).GetAsync("/api/admin/open311/clients")).ArrayAsync();
        Assert.Contains(clients, c => c!.Str("name") == "Demo client" && c!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_administrators_manage_keys_and_a_key_is_shown_once_and_stored_as_a_hash()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var citizen = await App.CitizenAsync();

        var issued = await (await admin.PostAsJsonAsync("/api/admin/open311/clients", new { name = "Toshkent suv taʼminoti tizimi" })).ObjectAsync();
        var key = issued.Str("apiKey");
        var list = await (await admin.GetAsync("/api/admin/open311/clients")).Content.ReadAsStringAsync();
        var stored = await App.WithDbAsync(db => db.Set<Open311Client>().AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(issued.Str("id"))));

        Assert.StartsWith("m311_", key, StringComparison.Ordinal);
        Assert.True(key.Length > 40);
        Assert.StartsWith(issued.Str("keyPrefix"), key, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.KeyHash, list, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.KeyHash);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/admin/open311/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/admin/open311/clients", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/open311/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/open311/clients", new { name = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/open311/clients", new { name = new string('x', 101) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/open311/clients/{issued.Str("id")}/revocation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/open311/clients/{issued.Str("id")}/revocation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/open311/clients/{Guid.NewGuid()}/revocation", null)).StatusCode);
    }

    [Fact]
    public async Task The_page_issues_a_key_shown_once_lists_clients_and_revokes_without_javascript()
    {
        var admin = await App.PagesAsync("demo-admin", "uz-Latn");
        var page = new HtmlParser().ParseDocument(await admin.GetStringAsync("/admin/open311-clients"));
        Assert.Equal("Open311 mijozlari", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("label[for='name']"));
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/open311-clients");

        var refused = await admin.PostAsync("/admin/open311-clients", new FormUrlEncodedContent(await FormAsync(admin, "issue", ("Input.Name", "  "))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Mijoz ilovasining nomini kiriting", new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#error-summary")!.TextContent);

        var issued = await admin.PostAsync("/admin/open311-clients", new FormUrlEncodedContent(await FormAsync(admin, "issue", ("Input.Name", "Mahalla Telegram bot"))));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var key = new HtmlParser().ParseDocument(await issued.Content.ReadAsStringAsync()).GetElementById("issued-key")!.TextContent;
        Assert.StartsWith("m311_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostRequestAsync("json", Open311Api.Pothole(key))).StatusCode);

        var later = await admin.GetStringAsync("/admin/open311-clients");
        Assert.DoesNotContain(key, later, StringComparison.Ordinal);
        Assert.Contains("Mahalla Telegram bot", later, StringComparison.Ordinal);
        var id = (await (await (await App.SignedInAsync("demo-admin")).GetAsync("/api/admin/open311/clients")).ArrayAsync())
            .Single(c => c!.Str("name") == "Mahalla Telegram bot")!.Str("id");
        var revoked = await admin.PostAsync("/admin/open311-clients", new FormUrlEncodedContent(await FormAsync(admin, $"revoke-{Guid.Parse(id):N}")));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.EndsWith("/admin/open311-clients?saved=1", revoked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostRequestAsync("json", Open311Api.Pothole(key))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.CitizenAsync()).GetAsync("/admin/open311-clients")).StatusCode);
    }

    /// <summary>The hidden fields of a named form (antiforgery token, handler) and the given fields, as the browser would post them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient admin, string formName, params (string Name, string Value)[] fields)
    {
        var document = new HtmlParser().ParseDocument(await admin.GetStringAsync("/admin/open311-clients"));
        var form = document.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null);
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return values;
    }
}

public sealed class ClientKeysOnSqlite(SqliteApp app) : ClientKeyTests(app), IClassFixture<SqliteApp>;

public sealed class ClientKeysOnPostgres(PostgresApp app) : ClientKeyTests(app), IClassFixture<PostgresApp>;
