using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tests.Transparency;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.Escalation;
using Mahalla.Web.Modules.Appeals.TrackAppeal;
using Mahalla.Web.Modules.Notifications.Delivery;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mahalla.Tests.Appeals;

/// <summary>The request engine through HTTP, the same suite on SQLite and on PostgreSQL.</summary>
public abstract class AppealLifecycleTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task Filing_routes_by_category_and_territory_and_sets_legal_deadlines()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();

        var filed = await citizen.FileAsync("water-supply", text: "Uchinchi kundan beri suv yo'q.");

        Assert.Matches(@"^M-\d{4}-\d{6}-\d$", filed.Str("trackingNumber"));
        Assert.Equal(10, filed.Str("accessCode").Length);
        Assert.Equal("submitted", filed.Str("status"));
        Assert.Equal(MahallaApp.OrganizationId("water").ToString(), filed["responsibleOrganization"]!.Str("id"));
        // Filed Tuesday 3 Nov 10:00 Tashkent: registered by the end of Wednesday, answered by the end of 18 Nov (15 days).
        Assert.Equal(new DateTime(2026, 11, 4, 18, 59, 59, 999, DateTimeKind.Utc), filed["registrationDueUtc"]!.GetValue<DateTime>());
        Assert.Equal(new DateTime(2026, 11, 18, 18, 59, 59, 999, DateTimeKind.Utc), filed["answerDueUtc"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task A_category_without_a_rule_goes_to_the_mahalla_council()
    {
        var citizen = await App.CitizenAsync();

        var filed = await citizen.FileAsync("social-assistance");

        Assert.Equal(MahallaApp.OrganizationId("bodomzor").ToString(), filed["responsibleOrganization"]!.Str("id"));
    }

    [Fact]
    public async Task A_retried_filing_with_the_same_idempotency_key_returns_the_first_result_and_creates_nothing()
    {
        var citizen = await App.CitizenAsync();
        var key = Guid.NewGuid().ToString();

        var first = await citizen.FileAsync(idempotencyKey: key);
        var second = await citizen.FileAsync(idempotencyKey: key);
        var mine = await (await citizen.GetAsync("/api/appeals/mine")).ArrayAsync();

        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal(first.Str("accessCode"), second.Str("accessCode"));
        Assert.Single(mine, a => a!.Str("id") == first.Str("id"));
        var conflict = await citizen.PostFileAsync(text: "Boshqa matn", idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Answer_then_confirmation_resolves_and_the_citizen_rates_it()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync("other");

        Assert.Equal("in_progress", (await staff.ActOkAsync(filed, "assignment", new { }))["status"]!.GetValue<string>());
        Assert.Equal("answered", (await staff.ActOkAsync(filed, "answer", new { text = "Chiroq almashtirildi." }))["status"]!.GetValue<string>());
        Assert.Equal("resolved", (await citizen.ActOkAsync(filed, "confirmation", new { }))["status"]!.GetValue<string>());
        await citizen.ActOkAsync(filed, "rating", new { score = 5, comment = "Rahmat!" });

        var view = await citizen.GetAppealAsync(filed);
        Assert.Equal(5, view["ratingScore"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.ActAsync(filed, "rating", new { score = 4 })).StatusCode);
        var tracking = await App.CreateClient().TrackAsync(filed);
        Assert.Equal(["submitted", "in_progress", "answered", "resolved", "resolved"],
            tracking["timeline"]!.AsArray().Select(s => s!.Str("status")).ToArray());
        Assert.Equal("resolved", tracking.Str("status"));
    }

    /// <summary>"Assign" pressed again after the first was saved, or a bulk assignment that includes it, changes nothing.</summary>
    [Fact]
    public async Task Assigning_again_to_the_person_who_has_it_records_nothing_and_tells_them_once()
    {
        var staff = await App.SignedInAsync("demo-mahalla");
        var district = await App.SignedInAsync("demo-district");
        var filed = await (await App.CitizenAsync()).FileAsync("other");

        var first = await staff.ActOkAsync(filed, "assignment", new { userName = "demo-district" });
        var again = await staff.ActOkAsync(filed, "assignment", new { userName = "demo-district" });
        var bulk = await staff.PostAsJsonAsync("/api/inbox/assignment", new { ids = new[] { filed.Str("id") }, userName = "demo-district" });

        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(first["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());
        var id = Guid.Parse(filed.Str("id"));
        Assert.Equal(1, await App.WithDbAsync(db => db.AppealEvents.CountAsync(e => e.AppealId == id && e.Kind == EventKind.Assigned)));
        var notes = await (await district.GetAsync("/api/notifications")).ArrayAsync();
        Assert.Single(notes, n => n!.Str("kind") == "assigned_to_you" && n!.Str("subject").Contains(filed.Str("trackingNumber"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dispute_reopens_the_appeal_one_level_up_and_tells_the_district()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var district = await App.SignedInAsync("demo-district");
        var filed = await citizen.FileAsync("other");
        await staff.ActOkAsync(filed, "answer", new { text = "Hal qilindi." });

        var disputed = await citizen.ActOkAsync(filed, "dispute", new { reason = "Yo'q, chiroq hali ham yonmayapti." });

        Assert.Equal("reopened", disputed.Str("status"));
        Assert.Equal(1, disputed["escalationLevel"]!.GetValue<int>());
        var inbox = await (await district.GetAsync("/api/inbox?status=reopened")).ObjectAsync();
        var item = inbox["items"]!.AsArray().Single(i => i!.Str("id") == filed.Str("id"))!;
        Assert.Equal(1, item["escalationCount"]!.GetValue<int>());
        var notes = await (await district.GetAsync("/api/notifications")).ArrayAsync();
        Assert.Contains(notes, n => n!.Str("kind") == "disputed" && n!.Str("subject").Contains(filed.Str("trackingNumber"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_inbox_lists_escalated_work_first_then_by_deadline_and_pages_without_repeats()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var district = await App.SignedInAsync("demo-district");
        var filed = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            filed.Add(await citizen.FileAsync("other"));
        }

        await staff.ActOkAsync(filed[1], "answer", new { text = "Hal qilindi." });
        await citizen.ActOkAsync(filed[1], "dispute", new { reason = "Yo'q, hali ham buzuq." });

        var first = await (await district.GetAsync("/api/inbox")).ObjectAsync();
        var items = first["items"]!.AsArray().Select(i => i!).ToList();
        var keys = items.Select(i => (Level: i["escalationLevel"]!.GetValue<int>(), Due: i["answerDueUtc"]!.GetValue<DateTime>())).ToList();
        Assert.Equal(keys.OrderByDescending(k => k.Level).ThenBy(k => k.Due).ToList(), keys);
        Assert.True(keys[0].Level >= 1, "the disputed appeal is escalated, so the first item is");
        var total = first["total"]!.GetValue<int>();
        Assert.Equal(Math.Min(total, 50), items.Count);
        if (total > 50)
        {
            var second = (await (await district.GetAsync("/api/inbox?page=2")).ObjectAsync())["items"]!.AsArray();
            Assert.Empty(second.Select(i => i!.Str("id")).Intersect(items.Select(i => i.Str("id"))));
            var last = keys[^1];
            var next = second[0]!;
            Assert.True(next["escalationLevel"]!.GetValue<int>() < last.Level
                || (next["escalationLevel"]!.GetValue<int>() == last.Level && next["answerDueUtc"]!.GetValue<DateTime>() >= last.Due));
        }
    }

    [Fact]
    public async Task Silence_after_an_answer_closes_as_answered_not_confirmed_which_is_not_resolved()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync("other");
        await staff.ActOkAsync(filed, "answer", new { text = "Javob." });

        App.Clock.Advance(TimeSpan.FromDays(9));
        await Sweep();
        citizen = await App.CitizenAsync(); // tokens expire; the clock moved days
        Assert.Equal("answered", (await citizen.GetAppealAsync(filed)).Str("status"));
        App.Clock.Advance(TimeSpan.FromDays(3));
        await Sweep();
        citizen = await App.CitizenAsync();

        var view = await citizen.GetAppealAsync(filed);
        Assert.Equal("closed_unconfirmed", view.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.ActAsync(filed, "confirmation", new { })).StatusCode);
        App.Clock.Set(FakeClock.OrdinaryTuesday);
    }

    [Fact]
    public async Task Overdue_work_escalates_to_the_district_then_the_region_never_twice_in_one_go()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();
        var filed = await citizen.FileAsync("other");

        App.Clock.Advance(TimeSpan.FromDays(16));
        await Sweep();
        await Sweep();
        citizen = await App.CitizenAsync();
        var once = await citizen.GetAppealAsync(filed);
        Assert.Equal(1, once["escalationLevel"]!.GetValue<int>());
        Assert.Equal(1, once["escalationCount"]!.GetValue<int>());

        // The district gets three working days (to the end of Tuesday 24 Nov) before it moves up again.
        App.Clock.Advance(TimeSpan.FromDays(5));
        await Sweep();
        citizen = await App.CitizenAsync();
        Assert.Equal(1, (await citizen.GetAppealAsync(filed))["escalationLevel"]!.GetValue<int>());
        App.Clock.Advance(TimeSpan.FromDays(1));
        await Sweep();
        citizen = await App.CitizenAsync();
        var twice = await citizen.GetAppealAsync(filed);
        Assert.Equal(2, twice["escalationLevel"]!.GetValue<int>());
        var region = await App.SignedInAsync("demo-region");
        var notes = await (await region.GetAsync("/api/notifications")).ArrayAsync();
        Assert.Contains(notes, n => n!.Str("kind") == "escalated" && n!.Str("body").Contains(filed.Str("trackingNumber"), StringComparison.Ordinal));
        App.Clock.Set(FakeClock.OrdinaryTuesday);
    }

    [Fact]
    public async Task Work_left_unregistered_past_its_day_escalates_while_registered_work_waits_for_its_answer_deadline()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var waiting = await citizen.FileAsync("other", text: "Roʻyxatga olinmagan murojaat");
        var registered = await citizen.FileAsync("other", text: "Roʻyxatga olingan murojaat");
        await staff.ActOkAsync(registered, "assignment", new { });

        // Thursday: the registration day (Wednesday) is over, the answer is due in two weeks.
        App.Clock.Advance(TimeSpan.FromDays(2));
        await Sweep();
        citizen = await App.CitizenAsync();
        Assert.Equal(1, (await citizen.GetAppealAsync(waiting))["escalationLevel"]!.GetValue<int>());
        Assert.Equal(0, (await citizen.GetAppealAsync(registered))["escalationLevel"]!.GetValue<int>());
        App.Clock.Set(FakeClock.OrdinaryTuesday);
    }

    [Fact]
    public async Task Two_nodes_sweeping_at_once_escalate_each_appeal_only_once()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();
        var filed = new List<JsonObject>();
        for (var i = 0; i < 6; i++)
        {
            filed.Add(await citizen.FileAsync("other", text: $"Muammo {i}"));
        }

        App.Clock.Advance(TimeSpan.FromDays(16));
        var node1 = ActivatorUtilities.CreateInstance<DeadlineSweeper>(App.Services);
        var node2 = ActivatorUtilities.CreateInstance<DeadlineSweeper>(App.Services);
        await Task.WhenAll(node1.RunOnceAsync(CancellationToken.None), node2.RunOnceAsync(CancellationToken.None));
        citizen = await App.CitizenAsync();

        foreach (var appeal in filed)
        {
            var view = await citizen.GetAppealAsync(appeal);
            Assert.Equal(1, view["escalationCount"]!.GetValue<int>());
            var escalations = view["timeline"]!.AsArray().Count(e => e!.Str("kind") == "escalated");
            Assert.Equal(1, escalations);
        }

        App.Clock.Set(FakeClock.OrdinaryTuesday);
    }

    [Fact]
    public async Task A_sweep_reads_again_until_no_due_request_is_left()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.NewCitizenAsync(); // its own, so that its notifications crowd no one else's
        var filed = new List<JsonObject>();
        for (var i = 0; i < 5; i++)
        {
            filed.Add(await citizen.FileAsync("other", text: $"Navbatdagi muammo {i}"));
        }

        App.Clock.Advance(TimeSpan.FromDays(16));
        // Two a read: five due requests (and what earlier tests left due) take at least three reads of one sweep.
        var result = await SweepAsync(batchSize: 2);
        App.Clock.Set(FakeClock.OrdinaryTuesday); // the citizen's token is good again

        Assert.True(result.Reads >= 3, $"{result.Reads} reads");
        Assert.True(result.Escalated >= 5, $"{result.Escalated} escalated");
        foreach (var appeal in filed)
        {
            Assert.Equal(1, (await citizen.GetAppealAsync(appeal))["escalationCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_request_the_sweep_cannot_change_is_logged_by_id_and_stops_neither_the_others_nor_the_sweep()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.NewCitizenAsync();
        var broken = await citizen.FileAsync("other", text: "Qoʻlda buzilgan yozuv");
        var others = new[] { await citizen.FileAsync("other", text: "Birinchi sogʻ murojaat"), await citizen.FileAsync("other", text: "Ikkinchi sogʻ murojaat") };
        var brokenId = Guid.Parse(broken.Str("id"));
        // A row edited by hand into a type the engine does not know: its escalation throws, as a bug would.
        await App.WithDbAsync(db => db.Appeals.Where(a => a.Id == brokenId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Type, (AppealType)99)));
        try
        {
            App.Clock.Advance(TimeSpan.FromDays(16));
            // One a read, so that the broken request, due first, heads every read the sweep takes.
            var result = await SweepAsync(batchSize: 1);

            Assert.True(result.Failed == 1, $"{result}");
            Assert.Single(App.Log.Errors, e => e.Contains($"could not change request {brokenId}", StringComparison.Ordinal));
            Assert.DoesNotContain(App.Log.Errors, e => e.Contains("buzilgan", StringComparison.Ordinal));
        }
        finally
        {
            await App.WithDbAsync(db => db.Appeals.Where(a => a.Id == brokenId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Type, AppealType.Complaint)));
            App.Clock.Set(FakeClock.OrdinaryTuesday);
        }

        foreach (var appeal in others)
        {
            Assert.Equal(1, (await citizen.GetAppealAsync(appeal))["escalationCount"]!.GetValue<int>());
        }

        Assert.Equal(0, (await citizen.GetAppealAsync(broken))["escalationCount"]!.GetValue<int>());
    }

    /// <summary>The tracking page's live status (ADR 0071): pages on a node that follow one request wait on one read, and each hears the change.</summary>
    [Fact]
    public async Task Tracking_pages_following_one_request_share_the_node_s_read_and_each_hears_its_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await App.NewCitizenAsync();
        var filed = await citizen.FileAsync("other", text: "Jonli kuzatiladigan murojaat");
        var page = await App.TrackPageAsync(new Filed(Guid.Parse(filed.Str("id")), filed.Str("trackingNumber"), filed.Str("accessCode")));
        var stream = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "data-stream=\"([^\"]+)\"").Groups[1].Value);
        Assert.StartsWith("/api/track/stream?t=", stream, StringComparison.Ordinal);
        var watch = App.Services.GetRequiredService<TrackingWatch>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var client = App.CreateClient();
        var pages = new List<(HttpResponseMessage Response, StreamReader Events)>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var response = await client.GetAsync(new Uri(stream, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
                pages.Add((response, new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token))));
                Assert.Equal("submitted", (await NextEventAsync(pages[^1].Events, timeout.Token)).Str("status"));
            }

            await UntilAsync(() => watch.Following == 1, timeout.Token);
            var staff = await App.SignedInAsync("demo-mahalla");
            await staff.ActOkAsync(filed, "assignment", new { });

            foreach (var (_, events) in pages)
            {
                var changed = await NextEventAsync(events, timeout.Token);
                Assert.Equal("in_progress", changed.Str("status"));
                Assert.False(changed.ContainsKey("text"));
            }
        }
        finally
        {
            foreach (var (response, events) in pages)
            {
                events.Dispose();
                response.Dispose();
            }
        }

        // The pages closed: the node follows the request no longer.
        await UntilAsync(() => watch.Following == 0, timeout.Token);
    }

    private static async Task<JsonObject> NextEventAsync(StreamReader events, CancellationToken ct)
    {
        while (await events.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data:".Length..])!.AsObject();
            }
        }

        throw new EndOfStreamException("The status stream ended.");
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        while (!condition())
        {
            await Task.Delay(20, ct);
        }
    }

    [Fact]
    public async Task Forwarding_moves_the_appeal_tells_the_citizen_why_and_hides_it_from_the_first_body()
    {
        var citizen = await App.CitizenAsync();
        var operatorClient = await App.SignedInAsync("demo-operator");
        var filed = await citizen.FileAsync("water-supply");

        await operatorClient.ActOkAsync(filed, "forwarding", new { organizationId = MahallaApp.OrganizationId("gas"), reason = "Bu gaz quvuri, suv emas." });

        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync($"/api/appeals/{filed.Str("id")}")).StatusCode);
        var view = await citizen.GetAppealAsync(filed);
        Assert.Equal(MahallaApp.OrganizationId("gas").ToString(), view.Str("responsibleOrganizationId"));
        Assert.Contains(view["timeline"]!.AsArray(), e => e!.Str("kind") == "forwarded" && e!.Str("reason") == "Bu gaz quvuri, suv emas.");
        var notes = await (await citizen.GetAsync("/api/notifications")).ArrayAsync();
        Assert.Contains(notes, n => n!.Str("kind") == "forwarded");
    }

    [Fact]
    public async Task The_deadline_extends_once_to_one_month_with_a_reason()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync("other");

        await staff.ActOkAsync(filed, "extension", new { reason = "Qo'shimcha o'rganish kerak." });
        var view = await citizen.GetAppealAsync(filed);

        Assert.Equal(new DateTime(2026, 12, 3, 18, 59, 59, 999, DateTimeKind.Utc), view["answerDueUtc"]!.GetValue<DateTime>());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.ActAsync(filed, "extension", new { reason = "Yana." })).StatusCode);
    }

    [Fact]
    public async Task Nobody_sees_an_appeal_outside_their_scope_and_the_answer_does_not_say_whether_it_exists()
    {
        var citizen = await App.CitizenAsync();
        var filed = await citizen.FileAsync("other");
        var other = App.CreateClient();
        await other.PostAsJsonAsync("/api/auth/register", new { login = $"+99890{Random.Shared.Next(1000000, 9999999)}", password = "Another-pass-1" });
        var stranger = await RegisterAndSignInAsync();
        var waterOperator = await App.SignedInAsync("demo-operator");
        var auditor = await App.SignedInAsync("demo-auditor");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/appeals/{filed.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/appeals/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await waterOperator.GetAsync($"/api/appeals/{filed.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/api/appeals/{filed.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ActAsync(filed, "confirmation", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync($"/api/appeals/{filed.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostFileAsync()).StatusCode);
    }

    [Fact]
    public async Task Each_verb_is_refused_to_the_wrong_role()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync("other");

        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.ActAsync(filed, "answer", new { text = "O'zim javob beraman" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.ActAsync(filed, "assignment", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.ActAsync(filed, "forwarding", new { organizationId = MahallaApp.OrganizationId("gas"), reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.ActAsync(filed, "extension", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostFileAsync()).StatusCode);
        await staff.ActOkAsync(filed, "answer", new { text = "Javob." });
        var byStaff = await staff.ActAsync(filed, "confirmation", new { });
        Assert.Equal(HttpStatusCode.Conflict, byStaff.StatusCode);
        Assert.Equal("rule.only_the_applicant_can_do_this", (await byStaff.ObjectAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.ActAsync(filed, "answer", new { text = "Yana javob." })).StatusCode);
    }

    [Fact]
    public async Task Internal_notes_reach_staff_and_never_the_citizen()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync("other");

        var noted = await staff.PostAsJsonAsync($"/api/appeals/{filed.Str("id")}/notes", new { text = "Qo'shni bilan gaplashish kerak." });
        Assert.Equal(HttpStatusCode.NoContent, noted.StatusCode);

        var staffView = await staff.GetAppealAsync(filed);
        Assert.Contains(staffView["notes"]!.AsArray(), n => n!.Str("text") == "Qo'shni bilan gaplashish kerak.");
        var citizenJson = await (await citizen.GetAsync($"/api/appeals/{filed.Str("id")}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Qo'shni bilan", citizenJson, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync($"/api/appeals/{filed.Str("id")}/notes", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Tracking_by_number_and_code_shows_no_personal_data_and_a_wrong_code_finds_nothing()
    {
        var citizen = await App.CitizenAsync();
        var filed = await citizen.FileAsync("other", text: "Maxfiy matn: uyim Navoiy ko'chasi 7.");
        var anyone = App.CreateClient();

        var raw = await (await anyone.GetAsync($"/api/track/{filed.Str("trackingNumber")}?code={filed.Str("accessCode")}")).Content.ReadAsStringAsync();
        Assert.Contains(filed.Str("trackingNumber"), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Maxfiy", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-citizen", raw, StringComparison.Ordinal);

        var lowercaseSpaced = filed.Str("trackingNumber").ToLowerInvariant().Replace('-', ' ');
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/track/{Uri.EscapeDataString(lowercaseSpaced)}?code={filed.Str("accessCode").ToLowerInvariant()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/track/{filed.Str("trackingNumber")}?code=WRONGCODE2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/track/{filed.Str("trackingNumber")}")).StatusCode);
        var mistyped = MistypeOneDigit(filed.Str("trackingNumber"));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/track/{mistyped}?code={filed.Str("accessCode")}")).StatusCode);
    }

    [Fact]
    public async Task Notifications_of_one_moment_are_listed_by_their_time_ordered_ids_so_the_latest_fifty_are_always_the_same()
    {
        var citizen = await App.NewCitizenAsync();
        var userId = Guid.Parse((await (await citizen.GetAsync("/api/me")).ObjectAsync()).Str("userId"));
        var filed = await citizen.FileAsync("other");
        // Stored after the filing's notification, at the same moment, with ids made an hour earlier.
        await App.WithDbAsync(db =>
        {
            var now = App.Clock.GetUtcNow();
            for (var i = 0; i < 60; i++)
            {
                db.Notifications.Add(new Mahalla.Web.Modules.Notifications.Data.Notification(Guid.CreateVersion7(DateTimeOffset.UtcNow.AddHours(-1)), userId,
                    null, "filed", "uz-Latn", $"earlier {i}", "-", null, now.UtcDateTime));
            }

            return db.SaveChangesAsync();
        });

        var notes = await (await citizen.GetAsync("/api/notifications")).ArrayAsync();

        Assert.Equal(50, notes.Count);
        Assert.Equal(filed.Str("id"), notes[0]!.Str("appealId"));
    }

    [Fact]
    public async Task Notifications_go_in_app_and_by_email_to_the_outbox_in_the_citizens_language()
    {
        // A citizen of its own: the other tests' sweeps, a fake week or two ahead, leave the demo citizen later notifications.
        var email = $"fuqaro{Random.Shared.Next(1000000, 9999999)}@example.uz";
        var citizen = await RegisterAndSignInAsync(email);
        var filed = await citizen.FileAsync("other");
        var notes = await (await citizen.GetAsync("/api/notifications")).ArrayAsync();
        Assert.Contains(notes, n => n!.Str("kind") == "filed" && n!.Str("subject").Contains(filed.Str("trackingNumber"), StringComparison.Ordinal)
            && n!.Str("subject").Contains("qabul qilindi", StringComparison.Ordinal));

        // All that is pending: the other tests leave mail of the same fake moment, which may come first.
        var sent = await App.Services.GetRequiredService<Mahalla.Web.Modules.Notifications.Delivery.OutboxSender>().DrainAsync(CancellationToken.None);

        Assert.True(sent > 0);
        var mails = Directory.GetFiles(App.OutboxFolder, "*.eml").Select(File.ReadAllText).ToList();
        Assert.Contains(mails, m => m.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_burst_of_email_is_drained_in_full_runs_until_a_run_comes_back_short()
    {
        // Addressed to an account whose notifications no other test reads.
        var userId = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "demo-auditor").Select(u => u.Id).SingleAsync());
        var burst = 2 * Mahalla.Web.Modules.Notifications.Delivery.OutboxSender.BatchSize + 5;
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < burst; i++)
            {
                db.Notifications.Add(new Mahalla.Web.Modules.Notifications.Data.Notification(Guid.CreateVersion7(), userId, null, "filed", "en",
                    $"burst {i}", "body", "demo-auditor@demo.mahalla.uz", now));
            }

            return await db.SaveChangesAsync();
        });

        // One drain, as on one tick of the sender: two full runs and a short one, and nothing due is left.
        var sent = await App.Services.GetRequiredService<Mahalla.Web.Modules.Notifications.Delivery.OutboxSender>().DrainAsync(CancellationToken.None);

        Assert.True(sent >= burst, $"sent {sent} of at least {burst}");
        Assert.Equal(0, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.EmailState == Mahalla.Web.Modules.Notifications.Data.DeliveryState.Pending
            && (n.EmailNextAttemptUtc == null || n.EmailNextAttemptUtc <= now))));
    }

    [Fact]
    public async Task Senders_running_at_once_send_each_message_once()
    {
        var citizen = await App.CitizenAsync();
        for (var i = 0; i < 3; i++)
        {
            await citizen.FileAsync("other");
        }

        var sender = App.Services.GetRequiredService<Mahalla.Web.Modules.Notifications.Delivery.OutboxSender>();
        int Files() => Directory.Exists(App.OutboxFolder) ? Directory.GetFiles(App.OutboxFolder, "*.eml").Length : 0;
        async Task<(int Sent, int Pending)> CountAsync()
        {
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
            var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            return (await db.Notifications.CountAsync(n => n.EmailState == Mahalla.Web.Modules.Notifications.Data.DeliveryState.Sent),
                await db.Notifications.CountAsync(n => n.EmailState == Mahalla.Web.Modules.Notifications.Data.DeliveryState.Pending
                    && (n.EmailNextAttemptUtc == null || n.EmailNextAttemptUtc <= now)));
        }

        var (sentBefore, pendingBefore) = await CountAsync();
        var filesBefore = Files();
        Assert.True(pendingBefore >= 3, "each filing queues at least the citizen's e-mail");
        // Three senders at once, as on three nodes, until nothing is due.
        while (true)
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => sender.RunOnceAsync(CancellationToken.None))));
            if (runs.Sum() == 0)
            {
                break;
            }
        }

        var (sentAfter, pendingAfter) = await CountAsync();
        Assert.Equal(0, pendingAfter); // nothing due is left behind
        Assert.True(sentAfter - sentBefore >= 3);
        Assert.Equal(sentAfter - sentBefore, Files() - filesBefore);
    }

    [Fact]
    public async Task A_claimed_batch_is_not_claimed_again_by_another_node()
    {
        var citizen = await App.CitizenAsync();
        await citizen.FileAsync("other");
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        using var first = App.Services.CreateScope();
        using var second = App.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<MahallaDb>();
        var db2 = second.ServiceProvider.GetRequiredService<MahallaDb>();
        var due = await db1.Notifications.Where(n => n.EmailState == Mahalla.Web.Modules.Notifications.Data.DeliveryState.Pending)
            .Select(n => n.Id).ToListAsync();
        Assert.NotEmpty(due);

        var mine = await Mahalla.Web.Modules.Notifications.Delivery.OutboxSender.ClaimAsync(db1, due, now, CancellationToken.None);
        var theirs = await Mahalla.Web.Modules.Notifications.Delivery.OutboxSender.ClaimAsync(db2, due, now, CancellationToken.None);

        Assert.Equal(due.Order(), mine.Select(n => n.Id).Order());
        Assert.Empty(theirs);
    }

    [Fact]
    public async Task Reference_data_lists_every_region_and_district_with_soato_codes_and_the_categories()
    {
        var client = App.CreateClient();
        var territories = await (await client.GetAsync("/api/territories")).ArrayAsync();
        Assert.Equal(14, territories.Count(t => t!.Str("kind") == "region"));
        Assert.True(territories.Count(t => t!.Str("kind") is "district" or "city") >= 200);
        var tashkent = territories.Single(t => t!["soatoCode"]?.GetValue<string>() == "1726")!;
        Assert.Contains(territories, t => t!["parentId"]?.GetValue<string>() == tashkent.Str("id") && t!["soatoCode"]?.GetValue<string>() == "1726266");
        Assert.Contains(territories, t => t!.Str("kind") == "mahalla");

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var categories = await (await client.GetAsync("/api/categories")).ArrayAsync();
        Assert.Contains(categories, c => c!.Str("code") == "water-supply" && c!.Str("name") == "Водоснабжение");
    }

    [Fact]
    public async Task Health_answers_once_the_database_is_ready()
    {
        var response = await App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task Sweep() =>
        await App.Services.GetRequiredService<DeadlineSweeper>().RunOnceAsync(CancellationToken.None);

    /// <summary>One sweep by a sweeper that reads <paramref name="batchSize"/> due requests at a time.</summary>
    private Task<DeadlineSweeper.SweepResult> SweepAsync(int batchSize) =>
        ActivatorUtilities.CreateInstance<DeadlineSweeper>(App.Services, Options.Create(new SweeperOptions { BatchSize = batchSize }))
            .RunOnceAsync(CancellationToken.None);

    private async Task<HttpClient> RegisterAndSignInAsync(string? login = null)
    {
        login ??= $"+99891{Random.Shared.Next(1000000, 9999999)}";
        var client = App.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { login, password = MahallaApp.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await App.SignedInAsync(login);
    }

    private static string MistypeOneDigit(string number)
    {
        var chars = number.ToCharArray();
        var i = number.Length - 3;
        chars[i] = chars[i] == '9' ? '0' : (char)(chars[i] + 1);
        return new string(chars);
    }
}

public sealed class AppealLifecycleOnSqlite(SqliteApp app) : AppealLifecycleTests(app), IClassFixture<SqliteApp>
{
    /// <summary>SQLite's plans, from a planner that keeps no statistics here.</summary>
    [Fact]
    public async Task The_sweep_reads_the_due_requests_in_their_order_from_their_index()
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Before M0019 the read looked the open statuses up and sorted every overdue one; now it walks the due ones only.
        var plan = await App.WithDbAsync(db => SqlitePlans.ExplainAsync(db, DeadlineSweeper.Due(db.Appeals, now).Select(a => a.Id).Take(DeadlineSweeper.DefaultBatchSize)));
        Assert.Contains("INDEX IX_appeals_SweepDue", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    /// <summary>SQLite's plans, from a planner that keeps no statistics here.</summary>
    [Fact]
    public async Task The_outbox_reads_claims_and_marks_a_batch_without_reading_the_backlog()
    {
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // The read of due messages walks the pending ones in their order and stops at the batch's end: no sort of them all.
        var due = await App.WithDbAsync(db => SqlitePlans.ExplainAsync(db, OutboxSender.Due(db.Notifications, now)));
        Assert.Contains("INDEX IX_notifications_PendingEmail", due);
        Assert.DoesNotContain("TEMP B-TREE", due);

        // The claim and the sent mark run under SQLite's one write turn: they take their batch by primary key, not by an
        // index of the e-mail state (with one, before M0018, each read every pending message). A whole batch of ids: with
        // a couple, the planner took the primary key even then.
        var ids = Enumerable.Range(0, OutboxSender.BatchSize).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var plan in new[]
        {
            await App.WithDbAsync(db => SqlitePlans.ExplainAsync(db, OutboxSender.Claimable(db.Notifications, ids, now).Select(n => n.Id))),
            await App.WithDbAsync(db => SqlitePlans.ExplainAsync(db, OutboxSender.StillPending(db.Notifications, ids).Select(n => n.Id))),
        })
        {
            Assert.Contains("sqlite_autoindex_notifications_1 (Id=?)", plan);
            Assert.DoesNotContain("IX_notifications", plan);
        }
    }
}

public sealed class AppealLifecycleOnPostgres(PostgresApp app) : AppealLifecycleTests(app), IClassFixture<PostgresApp>;
