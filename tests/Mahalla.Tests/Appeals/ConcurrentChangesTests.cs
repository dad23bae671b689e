using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Administration;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Appeals;

/// <summary>
/// Two changes to one request made from the same state, as when two staff answer at once or a button is pressed twice:
/// one is saved, the other is refused with 409 in the user's language and leaves nothing; never a 500 (ADR 0080). The
/// same suite on SQLite and on PostgreSQL.
/// </summary>
public abstract class ConcurrentChangesTests(MahallaApp app)
{
    [Fact]
    public async Task The_second_of_two_changes_made_from_the_same_version_fails_as_a_conflict_and_saves_nothing()
    {
        var filed = await (await app.NewCitizenAsync()).FileAsync("other");
        var id = Guid.Parse(filed.Str("id"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<MahallaDb>();
        var secondDb = second.ServiceProvider.GetRequiredService<MahallaDb>();
        var mine = await firstDb.Appeals.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        var theirs = await secondDb.Appeals.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        var staff = new Actor(null, "MahallaStaff");

        // Both loaded the same version, so both events are number 2: the second save breaks the events' index before its
        // update of the request, which checks the version, is sent.
        mine.Answer("Chiroq almashtirildi.", staff, now.AddDays(7), now);
        theirs.ExtendDeadline("Ekspertiza kerak.", now.AddDays(30), staff, now);
        await firstDb.SaveChangesAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync(TestContext.Current.CancellationToken));

        var saved = await app.WithDbAsync(db => db.Appeals.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AppealStatus.Answered, saved.Status);
        Assert.Null(saved.ExtensionReason);
        var events = await app.WithDbAsync(db => db.AppealEvents.AsNoTracking().Where(e => e.AppealId == id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Kind }).ToListAsync());
        Assert.Equal([(1, EventKind.Filed), (2, EventKind.Answered)], events.Select(e => (e.Sequence, e.Kind)));
    }

    [Fact]
    public async Task Answers_sent_at_once_save_one_answer_and_refuse_the_rest_with_409()
    {
        var citizen = await app.NewCitizenAsync();
        var filed = await citizen.FileAsync("other");
        var (staff, colleague) = (await app.SignedInAsync("demo-mahalla", "ru"), await app.SignedInAsync("demo-mahalla", "ru"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => (i % 2 == 0 ? staff : colleague).ActAsync(filed, "answer", new { text = $"Javob {i}: chiroq almashtirildi." })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.ObjectAsync();
            Assert.Contains(problem.Str("code"), new[] { "rule.changed_by_someone_else", "rule.only_open_requests_can_be_answered" });
            Assert.Equal(new TextCatalog().Get("ru", problem.Str("code")), problem.Str("detail"));
        }

        Assert.Equal(1, await AnswersAsync(filed));

        // The citizen presses "confirm" and "dispute" at once: one of them decides.
        var decisions = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? citizen.ActAsync(filed, "confirmation", new { })
            : citizen.ActAsync(filed, "dispute", new { reason = "Chiroq hali ham yonmayapti." })));
        Assert.Single(decisions, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(decisions.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var status = (await citizen.GetAppealAsync(filed)).Str("status");
        var events = await app.WithDbAsync(db => db.AppealEvents.AsNoTracking().Where(e => e.AppealId == Guid.Parse(filed.Str("id")))
            .Select(e => e.Kind).ToListAsync());
        Assert.Equal(1, events.Count(k => k is EventKind.Confirmed or EventKind.Disputed));
        Assert.Equal(events.Contains(EventKind.Confirmed) ? "resolved" : "reopened", status);
    }

    [Fact]
    public async Task A_page_form_sent_twice_at_once_answers_once_and_says_why_the_second_was_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var filed = await (await app.NewCitizenAsync()).FileAsync("other");
        var browser = await app.PagesAsync("demo-mahalla", "uz-Cyrl");
        var url = $"/appeals/{filed.Str("id")}";
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, ct));
        var fields = PageChecks.FormFields(page, "answer").Where(f => f.Key != "Answer.Text")
            .Append(KeyValuePair.Create("Answer.Text", "Chiroq almashtirildi.")).ToList();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.PostAsync(url, new FormUrlEncodedContent(fields), ct)));

        Assert.Single(responses, r => (int)r.StatusCode < 400);
        // A sending that lost the race is refused on the page it came from; one that came after the answer finds the form gone
        // from the page (the request is answered) and gets the error page. Both say why, with 409; neither saves anything.
        var texts = new TextCatalog();
        var said = new[] { "rule.changed_by_someone_else", "rule.only_open_requests_can_be_answered", "error.form_gone" }.Select(k => texts.Get("uz-Cyrl", k)).ToList();
        foreach (var refused in responses.Where(r => (int)r.StatusCode >= 400))
        {
            var shown = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync(ct));
            var message = shown.QuerySelector("#error-summary li")?.TextContent ?? shown.QuerySelector("main p")?.TextContent;
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"{refused.StatusCode}: {message}");
            Assert.Contains(message, said);
        }

        // Sent again once the answer is saved: the form is no longer on the page.
        var late = await browser.PostAsync(url, new FormUrlEncodedContent(fields), ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var gone = new HtmlParser().ParseDocument(await late.Content.ReadAsStringAsync(ct));
        Assert.Equal(texts.Get("uz-Cyrl", "error.form_gone"), gone.QuerySelector("main p")?.TextContent);
        PageChecks.AssertAccessible(url + " (sent again)", gone);

        Assert.Equal(1, await AnswersAsync(filed));
    }

    [Fact]
    public async Task A_note_form_sent_twice_saves_one_note_and_a_text_changed_after_going_back_saves_another()
    {
        var ct = TestContext.Current.CancellationToken;
        var filed = await (await app.NewCitizenAsync()).FileAsync("other");
        var browser = await app.PagesAsync("demo-mahalla");
        var url = $"/appeals/{filed.Str("id")}";
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, ct));
        List<KeyValuePair<string, string>> Written(string text) =>
            [.. PageChecks.FormFields(page, "note").Where(f => f.Key != "Note.Text"), KeyValuePair.Create("Note.Text", text)];

        // A double click: the same form, at once. Each sending goes back to the page, and the note is there once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.PostAsync(url, new FormUrlEncodedContent(Written("Qoʻshni bilan gaplashish kerak.")), ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(["Qoʻshni bilan gaplashish kerak."], await NotesAsync(filed));

        // The back button, and the same form sent again; then its text changed and sent: that is a note of its own.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(url, new FormUrlEncodedContent(Written("Qoʻshni bilan gaplashish kerak.")), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(url, new FormUrlEncodedContent(Written("Qoʻshni rozi boʻldi.")), ct)).StatusCode);
        Assert.Equal(["Qoʻshni bilan gaplashish kerak.", "Qoʻshni rozi boʻldi."], await NotesAsync(filed));

        // A new page is a new form.
        page = new HtmlParser().ParseDocument(await browser.GetStringAsync(url, ct));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(url, new FormUrlEncodedContent(Written("Qoʻshni rozi boʻldi.")), ct)).StatusCode);
        Assert.Equal(3, (await NotesAsync(filed)).Count);
    }

    [Fact]
    public async Task Creation_forms_sent_twice_at_once_make_one_template_and_one_organisation()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await app.PagesAsync("demo-admin");
        var title = "Bajarildi " + Guid.NewGuid().ToString("N")[..8];
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/answer-templates", ct));
        List<KeyValuePair<string, string>> Template(string body) =>
            [.. PageChecks.FormFields(page, "template").Where(f => f.Key is not ("Input.Title" or "Input.Body")),
                KeyValuePair.Create("Input.Title", title), KeyValuePair.Create("Input.Body", body)];

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.PostAsync("/admin/answer-templates", new FormUrlEncodedContent(Template("Hurmatli fuqaro! Bajarildi.")), ct)));

        Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(sent.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync(t => t.Title == title)));
        // The back button, and the body changed: the form now says something else, and makes it.
        var changed = await browser.PostAsync("/admin/answer-templates", new FormUrlEncodedContent(Template("Hurmatli fuqaro! Ish bajarildi.")), ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.NotEqual(sent[0].Headers.Location, changed.Headers.Location);
        Assert.Equal(2, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync(t => t.Title == title)));

        var name = "Suvoqava xizmati " + Guid.NewGuid().ToString("N")[..8];
        page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/admin/organizations", ct));
        var territory = page.QuerySelectorAll("#territoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var organisation = PageChecks.FormFields(page, "create-organization")
            .Where(f => f.Key is not ("Input.Kind" or "Input.TerritoryId") && !f.Key.StartsWith("Input.Names.", StringComparison.Ordinal))
            .Concat([KeyValuePair.Create("Input.Kind", "service_provider"), KeyValuePair.Create("Input.TerritoryId", territory),
                KeyValuePair.Create("Input.Names.UzLatn", name), KeyValuePair.Create("Input.Names.UzCyrl", name),
                KeyValuePair.Create("Input.Names.Ru", name), KeyValuePair.Create("Input.Names.En", name)]).ToList();

        sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.PostAsync("/admin/organizations", new FormUrlEncodedContent(organisation), ct)));

        Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(sent.Select(r => r.Headers.Location).Distinct());
        Assert.Single(await app.WithDbAsync(async db => (await db.Organizations.AsNoTracking().ToListAsync()).Where(o => o.Name.UzLatn == name).ToList()));
    }

    [Fact]
    public async Task A_delete_sent_several_times_at_once_removes_the_row_and_is_refused_to_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.SignedInAsync("demo-admin");
        var holiday = (await admin.CreatedAsync("/api/admin/holidays",
            new { date = new DateOnly(Random.Shared.Next(2060, 2100), 3, Random.Shared.Next(1, 29)), names = AdminApi.Names("Oʻchirish"), isMoving = false })).Str("id");
        var template = (await admin.CreatedAsync("/api/admin/answer-templates", new { language = "uz-Latn", title = "Oʻchirish", body = "Oʻchiriladi." })).Str("id");

        foreach (var url in new[] { $"/api/admin/holidays/{holiday}", $"/api/admin/answer-templates/{template}" })
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.DeleteAsync(url, ct)));

            // Those that found the row removed it with the first; one that looked after the first had removed it finds nothing.
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound }));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.NoContent);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url, ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_note_sent_again_under_its_idempotency_key_is_saved_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var filed = await (await app.NewCitizenAsync()).FileAsync("other");
        var staff = await app.SignedInAsync("demo-mahalla", "ru");
        var colleague = await app.SignedInAsync("demo-district");
        Task<HttpResponseMessage> Note(HttpClient client, string text, string? key) => client.PostJsonAsync($"/api/appeals/{filed.Str("id")}/notes", new { text }, key, ct);

        var retries = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Note(staff, "Suv quvuri tekshirildi.", "note-1")));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(["Suv quvuri tekshirildi."], await NotesAsync(filed));

        // The key names one note: another text under it is refused, in the caller's language, and saves nothing.
        var reused = await Note(staff, "Boshqa matn.", "note-1");
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var problem = await reused.ObjectAsync();
        Assert.Equal("rule.idempotency_key_reused", problem.Str("code"));
        Assert.Equal(new TextCatalog().Get("ru", "rule.idempotency_key_reused"), problem.Str("detail"));

        // Keys are the author's: a colleague's "note-1" is a note of its own. Without a key, every sending is a note.
        Assert.Equal(HttpStatusCode.NoContent, (await Note(colleague, "Suv quvuri tekshirildi.", "note-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Note(staff, "Yana.", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Note(staff, "Yana.", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Note(staff, "Uzun kalit.", new string('k', 101))).StatusCode);
        Assert.Equal(4, (await NotesAsync(filed)).Count);
    }

    /// <summary>
    /// An administrator's script that creates templates and organisations, retrying what timed out (ADR 0086): under one
    /// key a request makes one thing, however many times and however close together it is sent.
    /// </summary>
    [Fact]
    public async Task An_administrators_creation_retried_under_its_idempotency_key_makes_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.SignedInAsync("demo-admin", "ru");
        var title = AdminApi.Unique("Javob ");
        var provider = AdminApi.Unique("Suvoqova ");
        Task<HttpResponseMessage> Create(string url, object body, string? key) => admin.PostJsonAsync(url, body, key, ct);

        var template = new { language = "uz-Latn", title, body = "Murojaatingiz koʻrib chiqildi." };
        var organization = new { kind = "service_provider", names = AdminApi.Names(provider), territoryId = AdminApi.TashkentCity };
        var templates = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Create("/api/admin/answer-templates", template, "script-1")));
        var organizations = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Create("/api/admin/organizations", organization, "script-1")));

        foreach (var retries in new[] { templates, organizations })
        {
            Assert.All(retries, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var ids = await Task.WhenAll(retries.Select(async r => (await r.ObjectAsync()).Str("id")));
            Assert.Single(ids.Distinct());
            Assert.All(retries, r => Assert.EndsWith(ids[0], r.Headers.Location!.ToString(), StringComparison.Ordinal));
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync(t => t.Title == title, ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Name.UzLatn == provider, ct)));

        // The key names one request: another template or organisation under it is refused, in the caller's language, and makes nothing.
        var reused = await Create("/api/admin/answer-templates", template with { title = title + " 2" }, "script-1");
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(new TextCatalog().Get("ru", "rule.idempotency_key_reused"), (await reused.ObjectAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.Conflict, (await Create("/api/admin/organizations", organization with { kind = "district_office" }, "script-1")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync(t => t.Title == title + " 2", ct)));

        // Without a key every sending makes one, as before; a key of 101 characters is refused before anything is made.
        Assert.Equal(HttpStatusCode.Created, (await Create("/api/admin/answer-templates", template, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create("/api/admin/answer-templates", template with { title = title + " 3" }, new string('k', 101))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AnswerTemplates.CountAsync(t => t.Title.StartsWith(title), ct)));
    }

    /// <summary>
    /// An administrator's "add" pressed several times, and a citizen's "sign up" tapped several times: each look for the
    /// key happens before any save, so the database's unique index decides, and the losers hear the rule the look would
    /// have said (ADR 0081).
    /// </summary>
    [Fact]
    public async Task The_same_creation_sent_at_once_saves_one_and_refuses_the_rest_with_409()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.SignedInAsync("demo-admin", "en");
        var code = "race-" + Guid.NewGuid().ToString("N")[..8];
        var names = new { uzLatn = "Poyga", uzCyrl = "Пойга", ru = "Гонка", en = "Race" };
        var login = $"+99890{Random.Shared.Next(1_000_000, 9_999_999)}";
        var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var topic = await admin.AddCategoryAsync(); // no policy and no default route yet
        var provider = await admin.AddProviderAsync("Poyga xizmati");
        var day = new DateOnly(Random.Shared.Next(2060, 2100), 2, Random.Shared.Next(1, 29)); // a day no other test uses
        var ward = AdminApi.Unique("Poyga ");
        var staffName = AdminApi.Unique("poyga-");
        var terms = new { registrationWorkingDays = 1, answerDays = 10, extendedAnswerDays = 20, confirmationDays = 10, reopenedAnswerDays = 10, escalationWorkingDays = 3 };

        Task<HttpResponseMessage[]> SixAtOnce(HttpClient client, string url, object body) =>
            Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync(url, body, ct)));
        var races = new (HttpResponseMessage[] Responses, string Rule)[]
        {
            (await SixAtOnce(admin, "/api/admin/categories", new { code, names, sortOrder = 90 }), "admin.rule.category_code_taken"),
            (await SixAtOnce(admin, "/api/admin/holidays", new { date = day, names, isMoving = false }), "admin.rule.holiday_on_that_day"),
            (await SixAtOnce(admin, "/api/admin/deadline-policies", new { requestType = "complaint", categoryCode = topic, terms }), "admin.rule.deadline_policy_exists"),
            (await SixAtOnce(admin, "/api/admin/routing-rules", new { categoryCode = topic, organizationId = provider }), "admin.rule.routing_rule_exists"),
            (await SixAtOnce(admin, "/api/admin/territories/mahallas", new { parentId = AdminApi.Yunusobod, names = AdminApi.Names(ward) }), "admin.rule.mahalla_name_taken"),
            (await SixAtOnce(anonymous, "/api/auth/register", new { login, password = "Mahalla-2026-race", displayName = "Poyga" }), "rule.login_taken"),
            (await SixAtOnce(admin, "/api/admin/users", new { userName = staffName, displayName = "Poyga", email = $"{staffName}@mahalla.uz", role = "OrganizationOperator", organizationId = provider, password = MahallaApp.Password }),
                "admin.rule.user_name_taken"),
        };

        foreach (var (responses, rule) in races)
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.True(refused.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{refused.RequestMessage?.RequestUri}: {refused.StatusCode}");
                var problem = await refused.ObjectAsync();
                var said = problem.Str("code") == "error.invalid_input" ? problem["errorCodes"]!.ToJsonString() : problem.Str("code");
                Assert.True(said.Contains(rule, StringComparison.Ordinal), said);
            }
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.RoutingRules.CountAsync(r => r.CategoryCode == topic && r.TerritoryId == null)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Categories.CountAsync(c => c.Code == code)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Holidays.CountAsync(h => h.Date == day)));
        Assert.Equal(1, await app.WithDbAsync(db => db.DeadlinePolicies.CountAsync(p => p.CategoryCode == topic)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Territories.CountAsync(t => t.Name.UzLatn == ward)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Name.UzLatn.StartsWith(ward))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.PhoneNumber == login || u.UserName == login)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == staffName)));
        // The loser's account was not half-saved: every sign-up that exists has its role.
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => !db.UserRoles.Any(r => r.UserId == u.Id))));
    }

    private Task<List<string>> NotesAsync(System.Text.Json.Nodes.JsonNode filed) => app.WithDbAsync(db =>
        db.InternalNotes.Where(n => n.AppealId == Guid.Parse(filed.Str("id"))).OrderBy(n => n.AtUtc).ThenBy(n => n.Text).Select(n => n.Text).ToListAsync());

    private Task<int> AnswersAsync(System.Text.Json.Nodes.JsonNode filed) => app.WithDbAsync(db =>
        db.AppealEvents.CountAsync(e => e.AppealId == Guid.Parse(filed.Str("id")) && e.Kind == EventKind.Answered));
}

public sealed class ConcurrentChangesOnSqlite(SqliteApp app) : ConcurrentChangesTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrentChangesOnPostgres(PostgresApp app) : ConcurrentChangesTests(app), IClassFixture<PostgresApp>;
