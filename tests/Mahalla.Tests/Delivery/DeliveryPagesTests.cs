using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Administration;
using Mahalla.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mahalla.Tests.Delivery;

/// <summary>The delivery pages: server-rendered, labelled, guarded; their forms work without JavaScript and never show a secret.</summary>
public abstract partial class DeliveryTests
{
    [Fact]
    public async Task Staff_see_their_organisations_failed_delivery_on_the_pages_and_send_it_again_but_not_anyone_elses()
    {
        // A receiver that does not know the secret refuses every delivery: they fail at once.
        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow) { Secret = "not-the-secret-the-platform-signs-with" };
        await receiver.StartAsync();
        var obodon = await SetDeliveryAsync("obodon", new { method = "webhook", webhookUrl = receiver.HookUrl, rotateWebhookSecret = true });
        await SetDeliveryAsync("roads", new { method = "webhook", webhookUrl = receiver.HookUrl, rotateWebhookSecret = true });
        var ours = await FileReportAsync("street-lighting", new() { ["extent"] = ["one"] });
        var theirs = await FileReportAsync("roads", new() { ["danger"] = ["no"], ["size"] = ["small"] });
        await RunAsync();
        var ourDelivery = (await SingleDeliveryAsync(ours)).Str("id");
        var theirDelivery = (await SingleDeliveryAsync(theirs)).Str("id");
        Assert.Equal("failed", (await SingleDeliveryAsync(ours)).Str("status"));
        var staff = Pages(await StaffOfAsync("obodon"));

        var inbox = await PageChecks.PageAsync(staff, "/inbox");
        Assert.Equal("/deliveries?status=failed", inbox.QuerySelector("#failed-deliveries a")!.GetAttribute("href"));
        var log = await PageChecks.PageAsync(staff, "/deliveries?status=failed");
        var rows = log.QuerySelectorAll("tbody tr").ToList();
        var row = Assert.Single(rows, r => r.TextContent.Contains(ours.Str("trackingNumber"), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(theirs.Str("trackingNumber"), StringComparison.Ordinal));
        Assert.Equal($"/appeals/{ours.Str("id")}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("http 400", row.TextContent);
        Assert.Equal(ourDelivery, row.QuerySelector("button[name='Retry.Id']")!.GetAttribute("value"));
        Assert.Null(log.QuerySelector($"button[value='{theirDelivery}']"));

        receiver.Secret = obodon.Str("newWebhookSecret");
        var form = PageChecks.HiddenFields(log, "retry");
        var refused = await staff.PostAsync("/deliveries?status=failed", Form(form, ("Retry.Id", theirDelivery)));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var sent = await staff.PostAsync("/deliveries?status=failed", Form(form, ("Retry.Id", ourDelivery)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("retried=true", sent.Headers.Location!.OriginalString);
        Assert.Equal("pending", (await SingleDeliveryAsync(ours)).Str("status"));
        Assert.Equal("failed", (await SingleDeliveryAsync(theirs)).Str("status"));
        await RunAsync();

        var detail = await PageChecks.PageAsync(staff, $"/deliveries/{ourDelivery}");
        Assert.Contains("delivery-delivered", detail.GetElementById("delivery-status")!.ClassName);
        Assert.Equal([("1", "400"), ("2", "200")], detail.QuerySelectorAll("tbody tr").Select(r => (r.Children[0].TextContent, r.Children[3].TextContent)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/deliveries/{theirDelivery}")).StatusCode);
        var admin = Pages(await AdminAsync());
        Assert.Contains(theirs.Str("trackingNumber"), (await PageChecks.PageAsync(admin, "/deliveries?status=failed")).QuerySelector("table")!.TextContent);
        foreach (var page in new[] { "/deliveries", $"/deliveries/{theirDelivery}", $"/admin/organizations/{MahallaApp.OrganizationId("power")}/delivery" })
        {
            PageChecks.AssertAccessible(page, await PageChecks.PageAsync(admin, page));
        }
    }

    [Fact]
    public async Task The_delivery_pages_send_strangers_to_sign_in_and_refuse_citizens()
    {
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var citizen = await App.CitizenAsync();

        foreach (var page in new[] { "/deliveries", $"/deliveries/{Guid.NewGuid()}", $"/admin/organizations/{MahallaApp.OrganizationId("power")}/delivery" })
        {
            var redirect = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.StartsWith("/account/login", redirect.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(page)).StatusCode);
        }

        Assert.DoesNotContain("href=\"/deliveries\"", await citizen.GetStringAsync("/"));
        Assert.Contains("href=\"/deliveries\"", await (await App.SignedInAsync("demo-operator")).GetStringAsync("/"));
    }

    [Fact]
    public async Task The_settings_page_shows_only_whether_a_secret_is_set_and_a_generated_one_once()
    {
        var admin = Pages(await AdminAsync());
        var organization = await admin.AddProviderAsync(AdminApi.Unique("Issiqlik taʼminoti "));
        var url = $"/admin/organizations/{organization}/delivery";
        Assert.Contains(url, (await PageChecks.PageAsync(admin, $"/admin/organizations/{organization}")).QuerySelector($"a[href='{url}']")!.GetAttribute("href"));
        var empty = await PageChecks.PageAsync(admin, url);
        Assert.True(empty.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#method-inbox")!.IsChecked);

        var generated = await admin.PostAsync(url, Form(PageChecks.HiddenFields(empty, "delivery"),
            ("Input.Method", "webhook"), ("Input.Language", "ru"), ("Input.WebhookUrl", "https://issiqlik.test/hooks/mahalla")));

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Contains("no-store", generated.Headers.CacheControl!.ToString());
        var secret = new HtmlParser().ParseDocument(await generated.Content.ReadAsStringAsync()).GetElementById("new-secret")!.TextContent;
        Assert.StartsWith("whsec_", secret);
        var stored = await (await admin.GetAsync($"/api/admin/organizations/{organization}/delivery")).ObjectAsync();
        Assert.Equal(("webhook", "ru", true), (stored.Str("method"), stored.Str("language"), stored["hasWebhookSecret"]!.GetValue<bool>()));
        var again = await admin.GetStringAsync(url);
        Assert.DoesNotContain(secret, again);
        Assert.DoesNotContain("whsec_", again);
        Assert.Null(new HtmlParser().ParseDocument(again).GetElementById("new-secret"));

        const string chosen = "the-secret-the-organisation-chose-42";
        const string apiKey = "open311-key-of-the-platform-9d1e";
        var page = await PageChecks.PageAsync(admin, url);
        var saved = await admin.PostAsync(url, Form(PageChecks.HiddenFields(page, "delivery"),
            ("Input.Method", "open311"), ("Input.Language", "uz-Latn"), ("Input.WebhookUrl", "https://issiqlik.test/hooks/mahalla"),
            ("Input.WebhookSecret", chosen), ("Input.Open311Endpoint", "https://311.issiqlik.test/dev/v2"), ("Input.Open311ApiKey", apiKey),
            ("Input.Open311Format", "json"), ("Input.ServiceCodes[water-supply]", "HEAT-7"), ("Input.ServiceCodes[roads]", ""),
            ("Input.Open311PostsUpdates", "true")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"{url}?saved=1", saved.Headers.Location!.OriginalString);
        stored = await (await admin.GetAsync($"/api/admin/organizations/{organization}/delivery")).ObjectAsync();
        Assert.Equal(("open311", "https://311.issiqlik.test/dev/v2/", true, true), (stored.Str("method"), stored.Str("open311Endpoint"),
            stored["hasOpen311ApiKey"]!.GetValue<bool>(), stored["open311PostsUpdates"]!.GetValue<bool>()));
        Assert.Equal("""{"water-supply":"HEAT-7"}""", stored["open311ServiceCodes"]!.ToJsonString());
        var shown = await admin.GetStringAsync(url + "?saved=1");
        Assert.DoesNotContain(chosen, shown);
        Assert.DoesNotContain(apiKey, shown);
        var document = new HtmlParser().ParseDocument(shown);
        Assert.All(document.QuerySelectorAll("input[type=password]"), i => Assert.Null(i.GetAttribute("value")));
        Assert.Equal("HEAT-7", document.GetElementById("service-code-water-supply")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task Bad_delivery_settings_come_back_with_the_reasons_in_the_users_language_and_nothing_is_saved()
    {
        var admin = Pages(await AdminAsync(), "ru");
        var organization = await admin.AddProviderAsync(AdminApi.Unique("Lift xizmati "));
        var url = $"/admin/organizations/{organization}/delivery";
        var page = await PageChecks.PageAsync(admin, url);

        var refused = await admin.PostAsync(url, Form(PageChecks.HiddenFields(page, "delivery"),
            ("Input.Method", "email"), ("Input.Language", "uz-Cyrl"), ("Input.WebhookUrl", "ftp://lift.test/hook"),
            ("Input.WebhookSecret", "short-secret"), ("Input.Open311ApiKey", "a-key-that-is-fine-but-never-shown")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var summary = document.GetElementById("error-summary")!.TextContent;
        Assert.Contains("Укажите адрес электронной почты организации для сообщений.", summary);
        Assert.Contains("Секрет подписи должен содержать от 16 до 200 символов.", summary);
        Assert.Contains("Укажите полный адрес https://", summary);
        Assert.NotNull(document.QuerySelector("#error-summary a[href='#emailTo']"));
        Assert.Equal("ftp://lift.test/hook", document.GetElementById("webhookUrl")!.GetAttribute("value"));
        Assert.True(document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#method-email")!.IsChecked);
        Assert.DoesNotContain("short-secret", html);
        Assert.DoesNotContain("a-key-that-is-fine-but-never-shown", html);
        var stored = await (await admin.GetAsync($"/api/admin/organizations/{organization}/delivery")).ObjectAsync();
        Assert.Equal(("inbox", false, false), (stored.Str("method"), stored["hasWebhookSecret"]!.GetValue<bool>(), stored["hasOpen311ApiKey"]!.GetValue<bool>()));
        Assert.Null(stored["updatedAtUtc"]);
    }

    /// <summary>A client for the pages with the same sign-in, that shows redirects instead of following them (HttpClient drops the bearer token when it follows one).</summary>
    private HttpClient Pages(HttpClient signedIn, string? language = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> hidden, params (string Name, string Value)[] fields) =>
        new(hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
}
