using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Escalation;
using Mahalla.Web.Modules.Delivery.Sending;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Delivery;

/// <summary>
/// Report delivery through the front door, against real receivers on 127.0.0.1: a webhook endpoint that checks
/// signatures, an Open311 server, the e-mail outbox. The same suite on SQLite and on PostgreSQL. Each test sets up
/// the organisations it uses and leaves none of their deliveries waiting, so the tests share one app safely.
/// </summary>
public abstract partial class DeliveryTests(MahallaApp app)
{
    private const string CitizenEmail = "demo-citizen@demo.mahalla.uz";

    protected MahallaApp App { get; } = app;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_webhook_is_signed_retried_with_back_off_after_failures_and_every_attempt_is_logged()
    {
        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow) { FailFirst = 2 };
        await receiver.StartAsync();
        var settings = await SetDeliveryAsync("roads", new { method = "webhook", webhookUrl = receiver.HookUrl, rotateWebhookSecret = true });
        receiver.Secret = settings.Str("newWebhookSecret");
        Assert.StartsWith("whsec_", receiver.Secret);
        var read = await (await (await AdminAsync()).GetAsync($"/api/admin/organizations/{MahallaApp.OrganizationId("roads")}/delivery")).Content.ReadAsStringAsync();
        Assert.Contains("\"hasWebhookSecret\":true", read);
        Assert.DoesNotContain(receiver.Secret, read);

        var report = await FileReportAsync("roads", new() { ["danger"] = ["no"], ["size"] = ["large"] });

        await RunAsync();
        var delivery = await SingleDeliveryAsync(report);
        Assert.Equal("pending", delivery.Str("status"));
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(503, delivery["lastStatusCode"]!.GetValue<int>());
        await RunAsync();
        Assert.Single(receiver.Calls);

        App.Clock.Advance(TimeSpan.FromSeconds(30));
        await RunAsync();
        Assert.Equal(2, receiver.Calls.Count);
        App.Clock.Advance(TimeSpan.FromSeconds(59));
        await RunAsync();
        Assert.Equal(2, receiver.Calls.Count);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync();

        Assert.Equal([503, 503, 200], receiver.Calls.Select(c => c.AnsweredWith));
        Assert.All(receiver.Calls, c => Assert.True(c.SignatureValid));
        Assert.All(receiver.Calls, c => Assert.Equal(delivery.Str("id"), c.DeliveryId));
        Assert.All(receiver.Calls, c => Assert.Equal("report.routed", c.Event));
        var body = receiver.Calls.Last().Body.RootElement;
        Assert.Equal(delivery.Str("id"), body.GetProperty("id").GetString());
        Assert.Equal(report.Str("trackingNumber"), body.GetProperty("report").GetProperty("tracking_number").GetString());
        Assert.Equal("large", body.GetProperty("report").GetProperty("answers").GetProperty("size").GetString());
        Assert.Equal($"https://mahalla.test/reports/{report.Str("id")}", body.GetProperty("report").GetProperty("public_url").GetString());
        Assert.False(body.TryGetProperty("reporter", out _));
        Assert.DoesNotContain(CitizenEmail, body.GetRawText());

        var log = await (await (await AdminAsync()).GetAsync($"/api/deliveries/{delivery.Str("id")}")).ObjectAsync();
        Assert.Equal("delivered", log["delivery"]!.Str("status"));
        var attempts = log["attempts"]!.AsArray();
        Assert.Equal([1, 2, 3], attempts.Select(a => a!["number"]!.GetValue<int>()));
        Assert.Equal([503, 503, 200], attempts.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal([false, false, true], attempts.Select(a => a!["succeeded"]!.GetValue<bool>()));
        Assert.All(attempts, a => Assert.True(a!["durationMs"]!.GetValue<int>() >= 0));
        Assert.Equal("http 503", attempts[0]!.Str("error"));
    }

    [Fact]
    public async Task Workers_racing_on_several_nodes_send_each_delivery_once()
    {
        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow);
        await receiver.StartAsync();
        receiver.Secret = (await SetDeliveryAsync("obodon", new { method = "webhook", webhookUrl = receiver.HookUrl, rotateWebhookSecret = true })).Str("newWebhookSecret");
        var reports = new List<JsonObject>();
        for (var i = 0; i < 4; i++)
        {
            reports.Add(await FileReportAsync("waste", new()));
        }

        var worker = App.Services.GetRequiredService<DeliveryWorker>();
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => worker.RunOnceAsync(ct), ct)));

        Assert.Equal(4, receiver.Calls.Count);
        Assert.All(receiver.Calls, c => Assert.Equal(200, c.AnsweredWith));
        Assert.DoesNotContain(receiver.Calls, c => c.Repeat);
        Assert.Equal(4, receiver.Calls.Select(c => c.DeliveryId).Distinct().Count());
        foreach (var report in reports)
        {
            var delivery = await SingleDeliveryAsync(report);
            Assert.Equal("delivered", delivery.Str("status"));
            Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_report_is_pushed_to_the_organisations_open311_server_and_its_closing_there_marks_it_fixed_here()
    {
        await using var server = new Open311Server();
        await server.StartAsync();
        await UseOpen311Async("water", server, "xml", new() { ["water-supply"] = "001", ["sewerage"] = "017" });
        var report = await FileReportAsync("water-supply", new() { ["danger"] = ["no"], ["problem"] = ["burst"] }, atCentreOfBodomzor: true, photo: true);

        await RunAsync();

        var request = Assert.Single(server.Requests.Values);
        string F(string name) => request.Form[name].Single();
        Assert.Equal(Open311Server.ApiKey, F("api_key"));
        Assert.Equal(Open311Server.Jurisdiction, F("jurisdiction_id"));
        Assert.Equal("001", F("service_code"));
        Assert.Equal("41.339", F("lat"));
        Assert.Equal("69.284", F("long"));
        Assert.Equal("burst", F("attribute[problem]"));
        Assert.Equal("no", F("attribute[danger]"));
        Assert.StartsWith("https://mahalla.test/reports/photos/", F("media_url"));
        Assert.Contains("Quvur yorildi", F("description"));
        Assert.False(request.Form.ContainsKey("email"));
        Assert.Equal(["/dev/v2/requests.xml"], server.Paths);
        var delivery = await SingleDeliveryAsync(report);
        Assert.Equal("delivered", delivery.Str("status"));
        Assert.Equal(request.Id, delivery.Str("remoteId"));
        var operatorOfWater = await App.SignedInAsync("demo-operator");
        var seenByOperator = (await (await operatorOfWater.GetAsync("/api/deliveries")).ObjectAsync())["items"]!.AsArray();
        Assert.Contains(seenByOperator, d => d!.Str("id") == delivery.Str("id"));
        Assert.All(seenByOperator, d => Assert.Equal(MahallaApp.OrganizationId("water").ToString(), d!.Str("organizationId")));

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Equal("open", (await SingleDeliveryAsync(report)).Str("remoteStatus"));
        Assert.Equal("submitted", (await StaffViewAsync(report)).Str("status"));

        server.Close(request.Id, "Quvur almashtirildi, suv berildi.");
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        var run = await RunAsync();

        Assert.Equal(1, run.ClosedByOrganization);
        var appeal = await StaffViewAsync(report);
        Assert.Equal("answered", appeal.Str("status"));
        var answered = appeal["timeline"]!.AsArray().Last()!;
        Assert.Equal("answered", answered.Str("kind"));
        Assert.Equal("external_system", answered.Str("actorRole"));
        Assert.Contains("Quvur almashtirildi", appeal.Str("answerText"));
        Assert.Equal("answered", (await (await App.CreateClient().GetAsync($"/api/reports/{report.Str("id")}")).ObjectAsync()).Str("status"));
        var citizenNews = await (await (await App.CitizenAsync()).GetAsync("/api/notifications")).ArrayAsync();
        Assert.Contains(citizenNews, n => n!.Str("kind") == "answered" && n!.Str("appealId") == report.Str("id"));
        Assert.Equal("closed", (await SingleDeliveryAsync(report)).Str("remoteStatus"));

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, (await RunAsync()).ClosedByOrganization);
        Assert.Equal(appeal["version"]!.GetValue<int>(), (await StaffViewAsync(report))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_token_from_an_open311_server_is_resolved_by_polling_and_a_rerouted_report_is_withdrawn_through_its_updates()
    {
        await using var server = new Open311Server { UsesTokens = true };
        await server.StartAsync();
        await UseOpen311Async("gas", server, "json", new() { ["gas-supply"] = "GAS-1" }, postsUpdates: true, endpoint: server.Endpoint.TrimEnd('/'));
        await SetDeliveryAsync("roads", new { method = "inbox" });
        var report = await FileReportAsync("gas-supply", new() { ["danger"] = ["yes"] });

        await RunAsync();
        var request = Assert.Single(server.Requests.Values);
        Assert.Equal("Bodomzor 14-uy, Bodomzor", request.Form["address_string"].Single());
        var delivery = await SingleDeliveryAsync(report);
        Assert.Equal("delivered", delivery.Str("status"));
        Assert.Null(delivery["remoteId"]);

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Null((await SingleDeliveryAsync(report))["remoteId"]);
        server.Process(request.Token);
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Equal(request.Id, (await SingleDeliveryAsync(report)).Str("remoteId"));
        Assert.Equal("open", (await SingleDeliveryAsync(report)).Str("remoteStatus"));
        Assert.Contains($"/dev/v2/tokens/{request.Token}.json", server.Paths);
        Assert.Contains($"/dev/v2/requests/{request.Id}.json", server.Paths);

        var changed = await (await App.SignedInAsync("demo-region")).PostAsJsonAsync($"/api/reports/{report.Str("id")}/category", new { categoryCode = "roads" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await RunAsync();

        var update = Assert.Single(server.Updates);
        Assert.Equal(request.Id, update["service_request_id"].Single());
        Assert.Equal("closed", update["status"].Single());
        Assert.Equal(Open311Server.ApiKey, update["api_key"].Single());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", update["updated_datetime"].Single());
        var deliveries = await DeliveriesAsync(report);
        Assert.Equal(["report:delivered", "withdrawal:delivered"],
            deliveries.Select(d => $"{d!.Str("kind")}:{d!.Str("status")}").Order());
        // Other tests' reports go to the same organisation (and so to this server): count only this request's calls.
        int PollsOfThisRequest() => server.Paths.Count(p => p.Contains(request.Id, StringComparison.Ordinal) || p.Contains(request.Token, StringComparison.Ordinal));
        var pollsBefore = PollsOfThisRequest();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await RunAsync();
        Assert.Equal(pollsBefore, PollsOfThisRequest());
    }

    [Fact]
    public async Task An_organisation_that_receives_reports_by_email_gets_the_public_facts_and_photo_links_and_contact_only_when_it_must()
    {
        await SetDeliveryAsync("obodon", new { method = "email", emailTo = "dispatch@obodon.test", language = "ru" });
        var report = await FileReportAsync("street-lighting", new() { ["extent"] = ["street"], ["pole_number"] = ["T-114"] }, photo: true);

        await RunAsync();

        Assert.Equal("delivered", (await SingleDeliveryAsync(report)).Str("status"));
        var mail = Assert.Single(Eml.ReadAll(App.OutboxFolder), m => m.Subject.Contains(report.Str("trackingNumber"), StringComparison.Ordinal));
        Assert.Equal("dispatch@obodon.test", mail.To);
        Assert.StartsWith("Новое сообщение", mail.Subject);
        Assert.Contains("Bodomzor 14-uy", mail.Body);
        Assert.Contains("Вся улица", mail.Body);
        Assert.Contains("T-114", mail.Body);
        Assert.Contains("https://mahalla.test/reports/photos/", mail.Body);
        Assert.Contains($"https://mahalla.test/reports/{report.Str("id")}", mail.Body);
        Assert.DoesNotContain(CitizenEmail, mail.Body);

        await SetDeliveryAsync("obodon", new { method = "email", emailTo = "dispatch@obodon.test", language = "uz-Latn", shareReporterContact = true });
        var second = await FileReportAsync("street-lighting", new() { ["extent"] = ["one"] });
        await RunAsync();

        var withContact = Assert.Single(Eml.ReadAll(App.OutboxFolder), m => m.Subject.Contains(second.Str("trackingNumber"), StringComparison.Ordinal));
        Assert.StartsWith("Yangi xabar", withContact.Subject);
        Assert.Contains(CitizenEmail, withContact.Body);
        Assert.Contains("aloqa maʼlumotlari", withContact.Body);
    }

    [Fact]
    public async Task A_delivery_to_a_receiver_that_is_down_fails_after_its_retries_is_shown_to_its_staff_and_is_sent_again_by_hand()
    {
        var settings = await SetDeliveryAsync("power", new { method = "webhook", webhookUrl = LocalServer.DeadUrl() });
        var report = await FileReportAsync("electricity", new() { ["danger"] = ["yes"], ["wires_down"] = ["yes"] });

        for (var i = 0; i < 8; i++)
        {
            await RunAsync();
            App.Clock.Advance(TimeSpan.FromHours(1));
        }

        var staff = await StaffOfAsync("power");

        var failed = (await (await staff.GetAsync("/api/deliveries?status=failed")).ObjectAsync())["items"]!.AsArray();
        var delivery = Assert.Single(failed, d => d!.Str("reportId") == report.Str("id"))!;
        Assert.Equal(8, delivery["attempts"]!.GetValue<int>());
        Assert.StartsWith("connection", delivery.Str("lastError"));
        Assert.Equal(report.Str("trackingNumber"), delivery.Str("trackingNumber"));
        var detail = await (await staff.GetAsync($"/api/deliveries/{delivery.Str("id")}")).ObjectAsync();
        Assert.Equal(8, detail["attempts"]!.AsArray().Count);
        Assert.All(detail["attempts"]!.AsArray(), a => Assert.False(a!["succeeded"]!.GetValue<bool>()));
        await RunAsync();
        Assert.Equal(8, (await SingleDeliveryAsync(report))["attempts"]!.GetValue<int>());

        var otherStaff = await App.SignedInAsync("demo-operator");
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync($"/api/deliveries/{delivery.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.PostAsync($"/api/deliveries/{delivery.Str("id")}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.CitizenAsync()).GetAsync("/api/deliveries")).StatusCode);

        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow) { Secret = settings.Str("newWebhookSecret") };
        await receiver.StartAsync();
        await SetDeliveryAsync("power", new { method = "webhook", webhookUrl = receiver.HookUrl });
        var retried = await staff.PostAsync($"/api/deliveries/{delivery.Str("id")}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("pending", (await retried.ObjectAsync())["delivery"]!.Str("status"));
        await RunAsync();

        var call = Assert.Single(receiver.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal(200, call.AnsweredWith);
        Assert.Equal("delivered", (await SingleDeliveryAsync(report)).Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/deliveries/{delivery.Str("id")}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Changing_a_reports_category_reroutes_it_tells_the_previous_organisation_and_delivers_to_the_new_one()
    {
        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow);
        await receiver.StartAsync();
        receiver.Secret = "a-secret-the-water-company-chose";
        var chosen = await SetDeliveryAsync("water", new { method = "webhook", webhookUrl = receiver.HookUrl, webhookSecret = receiver.Secret });
        Assert.Null(chosen["newWebhookSecret"]);
        await SetDeliveryAsync("roads", new { method = "email", emailTo = "yollar@roads.test", language = "uz-Cyrl" });
        var report = await FileReportAsync("sewerage", new());
        await RunAsync();
        Assert.Equal("report.routed", Assert.Single(receiver.Calls).Event);

        var changed = await (await App.SignedInAsync("demo-region")).PostAsJsonAsync($"/api/reports/{report.Str("id")}/category", new { categoryCode = "roads" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var result = await changed.ObjectAsync();
        Assert.True(result["rerouted"]!.GetValue<bool>());
        Assert.Equal(MahallaApp.OrganizationId("roads").ToString(), result.Str("organizationId"));
        var operatorOfWater = await App.SignedInAsync("demo-operator");
        var told = await (await operatorOfWater.GetAsync("/api/notifications")).ArrayAsync();
        var notice = Assert.Single(told, n => n!.Str("kind") == "report_rerouted" && n!.Str("appealId") == report.Str("id"))!;
        Assert.Contains(report.Str("trackingNumber"), notice.Str("body"));
        Assert.Contains("Toshkent shahar yo'l xo'jaligi boshqarmasi", notice.Str("body"));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorOfWater.GetAsync($"/api/appeals/{report.Str("id")}")).StatusCode);
        var timeline = (await StaffViewAsync(report))["timeline"]!.AsArray();
        Assert.Equal("reclassified", timeline.Last()!.Str("kind"));

        await RunAsync();

        var withdrawal = receiver.Calls.Last();
        Assert.Equal(2, receiver.Calls.Count);
        Assert.Equal("report.withdrawn", withdrawal.Event);
        Assert.True(withdrawal.SignatureValid);
        Assert.Equal(MahallaApp.OrganizationId("roads").ToString(), withdrawal.Body.RootElement.GetProperty("rerouted_to").GetProperty("id").GetString());
        var mail = Assert.Single(Eml.ReadAll(App.OutboxFolder), m => m.Subject.Contains(report.Str("trackingNumber"), StringComparison.Ordinal));
        Assert.Equal("yollar@roads.test", mail.To);
        Assert.StartsWith("Янги хабар", mail.Subject);
        var deliveries = await DeliveriesAsync(report);
        string[] expected = [$"roads:report:delivered", $"water:report:delivered", $"water:withdrawal:delivered"];
        Assert.Equal(expected, deliveries.Select(d => $"{Name(d!.Str("organizationId"))}:{d!.Str("kind")}:{d!.Str("status")}").Order(StringComparer.Ordinal));

        var same = await (await App.SignedInAsync("demo-region")).PostAsJsonAsync($"/api/reports/{report.Str("id")}/category", new { categoryCode = "roads" });
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var byCitizen = await (await App.CitizenAsync()).PostAsJsonAsync($"/api/reports/{report.Str("id")}/category", new { categoryCode = "waste" });
        Assert.Equal(HttpStatusCode.Forbidden, byCitizen.StatusCode);
        var unknown = await (await App.SignedInAsync("demo-region")).PostAsJsonAsync($"/api/reports/{report.Str("id")}/category", new { categoryCode = "no-such" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Delivery_settings_are_for_administrators_and_bad_ones_are_refused_with_a_reason()
    {
        var admin = await AdminAsync();
        var url = $"/api/admin/organizations/{MahallaApp.OrganizationId("gas")}/delivery";

        var bad = await admin.PutAsJsonAsync(url, new { method = "webhook", webhookUrl = "ftp://gas.test/hook", webhookSecret = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("webhookUrl"));
        Assert.True(errors.ContainsKey("webhookSecret"));
        var noAddress = await admin.PutAsJsonAsync(url, new { method = "email" });
        Assert.True((await noAddress.ObjectAsync())["errors"]!.AsObject().ContainsKey("emailTo"));
        var noCodes = await admin.PutAsJsonAsync(url, new { method = "open311", open311Endpoint = "https://gas.test/open311/v2/" });
        var open311Errors = (await noCodes.ObjectAsync())["errors"]!.AsObject();
        Assert.True(open311Errors.ContainsKey("open311ServiceCodes"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(url, new { method = "carrier-pigeon" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/organizations/{Guid.NewGuid()}/delivery")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedInAsync("demo-operator")).GetAsync(url)).StatusCode);
        Assert.Equal("inbox", (await (await admin.GetAsync($"/api/admin/organizations/{MahallaApp.OrganizationId("minor")}/delivery")).ObjectAsync()).Str("method"));
        var openApi = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.All(new[] { "GetDeliverySettings", "ChangeDeliverySettings", "ListDeliveries", "GetDelivery", "RetryDelivery", "ChangeReportCategory" },
            name => Assert.Contains($"\"operationId\": \"{name}\"", openApi));
    }

    [Fact]
    public async Task A_webhook_hears_of_each_later_change_of_its_report_planned_in_the_changes_own_transaction()
    {
        await using var receiver = new WebhookReceiver(App.Clock.GetUtcNow);
        await receiver.StartAsync();
        receiver.Secret = (await SetDeliveryAsync("roads", new { method = "webhook", webhookUrl = receiver.HookUrl, rotateWebhookSecret = true })).Str("newWebhookSecret");
        var report = await FileReportAsync("roads", new() { ["danger"] = ["no"], ["size"] = ["large"] });
        await RunAsync();
        Assert.Equal("report.routed", Assert.Single(receiver.Calls).Event);

        await (await App.SignedInAsync("demo-region")).ActOkAsync(report, "answer", new { text = "Chuqur asfaltlandi." });

        Assert.Equal(["report:delivered", "update:pending"], (await DeliveriesAsync(report)).Select(d => $"{d!.Str("kind")}:{d!.Str("status")}").Order());
        await RunAsync();
        var answered = receiver.Calls.Last();
        Assert.Equal("report.updated", answered.Event);
        Assert.True(answered.SignatureValid);
        var body = answered.Body.RootElement;
        Assert.Equal("report.updated", body.GetProperty("type").GetString());
        Assert.Equal(("answered", "answered", "region_supervisor", false), Change(body));
        Assert.Equal("answered", body.GetProperty("report").GetProperty("status").GetString());
        Assert.Equal("Chuqur asfaltlandi.", body.GetProperty("report").GetProperty("answer").GetProperty("text").GetString());

        var citizen = await App.CitizenAsync();
        await citizen.ActOkAsync(report, "dispute", new { reason = "Chuqur hali ham bor, hech narsa qilinmagan." });
        await RunAsync();
        var reopened = receiver.Calls.Last().Body.RootElement;
        Assert.Equal(("disputed", "reopened", "citizen", false), Change(reopened));
        Assert.Equal("reopened", reopened.GetProperty("report").GetProperty("status").GetString());
        Assert.DoesNotContain("hali ham bor", reopened.GetRawText());
        Assert.DoesNotContain(CitizenEmail, reopened.GetRawText());

        await (await StaffOfAsync("roads")).ActOkAsync(report, "answer", new { text = "Qayta asfaltlandi, sifati tekshirildi." });
        await RunAsync();
        Assert.Equal(("answered", "answered", "organization_operator", true), Change(receiver.Calls.Last().Body.RootElement));

        await citizen.ActOkAsync(report, "confirmation", new { });
        await RunAsync();
        Assert.Equal(("confirmed", "resolved", "citizen", false), Change(receiver.Calls.Last().Body.RootElement));

        Assert.Equal(["report.routed", "report.updated", "report.updated", "report.updated", "report.updated"], receiver.Calls.Select(c => c.Event));
        Assert.All(receiver.Calls, c => Assert.True(c.SignatureValid && c.AnsweredWith == 200 && !c.Repeat));
        Assert.Equal(5, receiver.Calls.Select(c => c.DeliveryId).Distinct().Count());
        Assert.Equal(["report:delivered", "update:delivered", "update:delivered", "update:delivered", "update:delivered"],
            (await DeliveriesAsync(report)).Select(d => $"{d!.Str("kind")}:{d!.Str("status")}").Order());

        // Silence after an answer closes the report unconfirmed: the sweeper's change is told too.
        var quiet = await FileReportAsync("roads", new() { ["danger"] = ["no"], ["size"] = ["small"] });
        await RunAsync();
        await (await App.SignedInAsync("demo-region")).ActOkAsync(quiet, "answer", new { text = "Chuqur koʻmildi." });
        await RunAsync();
        App.Clock.Advance(TimeSpan.FromDays(60));
        await App.Services.GetRequiredService<DeadlineSweeper>().RunOnceAsync(TestContext.Current.CancellationToken);
        await RunAsync();
        var closed = receiver.Calls.Last().Body.RootElement;
        Assert.Equal(quiet.Str("id"), closed.GetProperty("report").GetProperty("id").GetString());
        Assert.Equal(("closed_unconfirmed", "closed_unconfirmed", "system", false), Change(closed));
    }

    [Fact]
    public async Task A_report_reopened_here_is_reopened_on_the_organisations_open311_server_through_its_updates_extension()
    {
        await using var server = new Open311Server();
        await server.StartAsync();
        await UseOpen311Async("water", server, "json", new() { ["water-supply"] = "001" }, postsUpdates: true);
        var report = await FileReportAsync("water-supply", new() { ["danger"] = ["no"], ["problem"] = ["burst"] });
        await RunAsync();
        var request = Assert.Single(server.Requests.Values);
        server.Close(request.Id, "Quvur almashtirildi.");
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await RunAsync()).ClosedByOrganization);
        Assert.Equal("answered", (await StaffViewAsync(report)).Str("status"));
        Assert.Single(await DeliveriesAsync(report));

        await (await App.CitizenAsync()).ActOkAsync(report, "dispute", new { reason = "Suv hali ham oqyapti, quvur almashtirilmagan." });
        await RunAsync();

        var update = Assert.Single(server.Updates);
        Assert.Equal(request.Id, update["service_request_id"].Single());
        Assert.Equal("open", update["status"].Single());
        Assert.Equal(Open311Server.ApiKey, update["api_key"].Single());
        Assert.Contains($"https://mahalla.test/reports/{report.Str("id")}", update["description"].Single());
        Assert.DoesNotContain("hali ham", update["description"].Single());
        Assert.Single(server.Requests);
        Assert.Equal(["report:delivered", "update:delivered"], (await DeliveriesAsync(report)).Select(d => $"{d!.Str("kind")}:{d!.Str("status")}").Order());

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Equal("open", (await DeliveriesAsync(report)).Single(d => d!.Str("kind") == "report")!.Str("remoteStatus"));
        Assert.Equal("reopened", (await StaffViewAsync(report)).Str("status"));
        server.Close(request.Id, "Quvur ikkinchi marta almashtirildi.");
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await RunAsync()).ClosedByOrganization);
        Assert.Equal("answered", (await StaffViewAsync(report)).Str("status"));
    }

    [Fact]
    public async Task Without_the_extension_a_reopened_report_becomes_a_new_open311_request_naming_the_earlier_one_and_is_followed_instead()
    {
        await using var server = new Open311Server();
        await server.StartAsync();
        await UseOpen311Async("gas", server, "xml", new() { ["gas-supply"] = "GAS-1" });
        var report = await FileReportAsync("gas-supply", new() { ["danger"] = ["yes"] });
        await RunAsync();
        var first = Assert.Single(server.Requests.Values);
        server.Close(first.Id, "Gaz quvuri taʼmirlandi.");
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Equal("answered", (await StaffViewAsync(report)).Str("status"));

        await (await App.CitizenAsync()).ActOkAsync(report, "dispute", new { reason = "Gaz hidi hali ham bor." });
        await RunAsync();

        Assert.Empty(server.Updates);
        var second = Assert.Single(server.Requests.Values, r => r.Id != first.Id);
        Assert.Equal("GAS-1", second.Form["service_code"].Single());
        var description = second.Form["description"].Single();
        Assert.StartsWith($"{first.Id} raqamli yopilgan soʻrovning davomi", description);
        Assert.Contains($"https://mahalla.test/reports/{report.Str("id")}", description);
        Assert.DoesNotContain("hidi hali", description);
        var followUp = (await DeliveriesAsync(report)).Single(d => d!.Str("kind") == "update")!;
        Assert.Equal(("delivered", second.Id), (followUp.Str("status"), followUp.Str("remoteId")));

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunAsync();
        Assert.Contains($"/dev/v2/requests/{second.Id}.xml", server.Paths);
        Assert.Single(server.Paths, p => p == $"/dev/v2/requests/{first.Id}.xml");
        server.Close(second.Id, "Gaz quvuri almashtirildi.");
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, (await RunAsync()).ClosedByOrganization);
        Assert.Equal("answered", (await StaffViewAsync(report)).Str("status"));
    }

    private static (string Kind, string Status, string ActorRole, bool ByYourOrganization) Change(System.Text.Json.JsonElement body)
    {
        var change = body.GetProperty("change");
        return (change.GetProperty("kind").GetString()!, change.GetProperty("status").GetString()!, change.GetProperty("actor_role").GetString()!,
            change.GetProperty("by_your_organization").GetBoolean());
    }

    private static string Name(string organizationId) =>
        new[] { "roads", "water", "gas", "power", "obodon" }.Single(o => MahallaApp.OrganizationId(o).ToString() == organizationId);

    private async Task<DeliveryWorker.RunResult> RunAsync() =>
        await App.Services.GetRequiredService<DeliveryWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    private async Task<HttpClient> AdminAsync() => await App.SignedInAsync("demo-admin");

    private async Task<JsonObject> SetDeliveryAsync(string organization, object settings)
    {
        var response = await (await AdminAsync()).PutAsJsonAsync($"/api/admin/organizations/{MahallaApp.OrganizationId(organization)}/delivery", settings);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ObjectAsync();
    }

    /// <summary>An organisation that receives its reports on a local Open311 server, with the server's key and jurisdiction.</summary>
    private Task<JsonObject> UseOpen311Async(string organization, Open311Server server, string format, Dictionary<string, string> serviceCodes,
        bool postsUpdates = false, string? endpoint = null) =>
        SetDeliveryAsync(organization, new
        {
            method = "open311", open311Endpoint = endpoint ?? server.Endpoint, open311ApiKey = Open311Server.ApiKey, open311JurisdictionId = Open311Server.Jurisdiction,
            open311Format = format, open311ServiceCodes = serviceCodes, open311PostsUpdates = postsUpdates,
        });

    /// <summary>A citizen's report in Bodomzor: at the mahalla's centre on the map, or by address without a map.</summary>
    private async Task<JsonObject> FileReportAsync(string category, Dictionary<string, string[]> answers, bool atCentreOfBodomzor = false, bool photo = false)
    {
        var citizen = await App.CitizenAsync();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("categoryCode", category),
            new("description", "Quvur yorildi, ko'chada suv oqyapti va chiroqlar yonmayapti."),
        };
        if (atCentreOfBodomzor)
        {
            fields.Add(new("latitude", "41.339"));
            fields.Add(new("longitude", "69.284"));
        }
        else
        {
            fields.Add(new("territoryId", (await App.MahallaIdAsync("bodomzor")).ToString()));
            fields.Add(new("address", "Bodomzor 14-uy"));
        }

        fields.AddRange(answers.SelectMany(a => a.Value.Select(v => new KeyValuePair<string, string>($"answers[{a.Key}]", v))));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (photo)
        {
            var image = new ByteArrayContent(Png);
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, "photos", "chuqur.png");
        }

        var response = await citizen.PostAsync("/api/reports", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ObjectAsync();
    }

    private async Task<JsonArray> DeliveriesAsync(JsonObject report) =>
        (await (await (await AdminAsync()).GetAsync($"/api/deliveries?reportId={report.Str("id")}")).ObjectAsync())["items"]!.AsArray();

    private async Task<JsonObject> SingleDeliveryAsync(JsonObject report) => Assert.Single(await DeliveriesAsync(report))!.AsObject();

    private async Task<JsonObject> StaffViewAsync(JsonObject report) =>
        await (await (await App.SignedInAsync("demo-region")).GetAsync($"/api/appeals/{report.Str("id")}")).ObjectAsync();

    /// <summary>An operator account of a demo organisation, made by the administrator.</summary>
    private async Task<HttpClient> StaffOfAsync(string organization)
    {
        var userName = $"operator-{organization}-{Guid.NewGuid():N}"[..30];
        var created = await (await AdminAsync()).PostAsJsonAsync("/api/admin/users", new
        {
            userName, displayName = "Dispetcher", email = $"{userName}@org.test", role = "OrganizationOperator",
            organizationId = MahallaApp.OrganizationId(organization), password = MahallaApp.Password,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await App.SignedInAsync(userName);
    }
}

public sealed class DeliveryOnSqlite(SqliteApp app) : DeliveryTests(app), IClassFixture<SqliteApp>;

public sealed class DeliveryOnPostgres(PostgresApp app) : DeliveryTests(app), IClassFixture<PostgresApp>;
