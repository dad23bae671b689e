using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Administration;

/// <summary>Administration through its API, the same suite on SQLite and on PostgreSQL.</summary>
public abstract partial class AdministrationTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task A_mahalla_and_a_routing_rule_added_by_an_administrator_route_a_citizens_appeal()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var (mahalla, council) = await admin.AddMahallaAsync(AdminApi.Unique("Yangi hayot "));
        var provider = await admin.AddProviderAsync(AdminApi.Unique("Yoʻl taʼmirlash "));
        await admin.AddRuleAsync("roads", mahalla, provider);
        var citizen = await App.CitizenAsync();

        var roads = await citizen.FileAsync("roads", mahalla, "Koʻchadagi chuqurlar taʼmirlanmagan.");
        var social = await citizen.FileAsync("social-assistance", mahalla, "Nafaqa boʻyicha maslahat kerak.");

        Assert.Equal(provider.ToString(), roads["responsibleOrganization"]!.Str("id"));
        Assert.Equal(council.ToString(), social["responsibleOrganization"]!.Str("id"));
        var territories = await (await App.CreateClient().GetAsync($"/api/territories?kind=mahalla&parentId={AdminApi.Yunusobod}")).ArrayAsync();
        Assert.Contains(territories, t => t!.Str("id") == mahalla.ToString());
    }

    [Fact]
    public async Task The_rule_on_the_most_specific_territory_wins_and_the_decision_names_it()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var category = await admin.AddCategoryAsync();
        var everywhere = await admin.AddProviderAsync(AdminApi.Unique("Respublika "));
        var inYunusobod = await admin.AddProviderAsync(AdminApi.Unique("Yunusobod "), AdminApi.Yunusobod);
        var inBodomzor = await admin.AddProviderAsync(AdminApi.Unique("Bodomzor "), AdminApi.Yunusobod);
        await admin.AddRuleAsync(category, null, everywhere);
        await admin.AddRuleAsync(category, AdminApi.Yunusobod, inYunusobod);
        var mahallaRule = await admin.AddRuleAsync(category, await App.MahallaIdAsync("bodomzor"), inBodomzor);
        var citizen = await App.CitizenAsync();

        Assert.Equal(inBodomzor.ToString(), (await citizen.FileAsync(category, await App.MahallaIdAsync("bodomzor")))["responsibleOrganization"]!.Str("id"));
        Assert.Equal(inYunusobod.ToString(), (await citizen.FileAsync(category, await App.MahallaIdAsync("minor")))["responsibleOrganization"]!.Str("id"));
        Assert.Equal(everywhere.ToString(), (await citizen.FileAsync(category, await App.MahallaIdAsync("chorsu")))["responsibleOrganization"]!.Str("id"));

        var decision = await (await admin.GetAsync($"/api/admin/routing-rules/decision?mahallaId={await App.MahallaIdAsync("bodomzor")}&categoryCode={category}")).ObjectAsync();
        Assert.Equal(("rule", mahallaRule.ToString()), (decision.Str("source"), decision.Str("ruleId")));

        // A deactivated organisation is skipped: the district's rule takes over.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/organizations/{inBodomzor}/deactivation", null)).StatusCode);
        decision = await (await admin.GetAsync($"/api/admin/routing-rules/decision?mahallaId={await App.MahallaIdAsync("bodomzor")}&categoryCode={category}")).ObjectAsync();
        Assert.Equal(inYunusobod.ToString(), decision.Str("organizationId"));

        // Re-pointing and deleting rules change the answer the router gives.
        var yunusobodRule = (await (await admin.GetAsync($"/api/admin/routing-rules?categoryCode={category}")).ArrayAsync())
            .Single(r => r!["territoryId"]?.GetValue<Guid>() == AdminApi.Yunusobod)!.Str("id");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/routing-rules/{yunusobodRule}/organization", new { organizationId = everywhere })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/routing-rules/{yunusobodRule}")).StatusCode);
        decision = await (await admin.GetAsync($"/api/admin/routing-rules/decision?mahallaId={await App.MahallaIdAsync("minor")}&categoryCode={category}")).ObjectAsync();
        Assert.Equal(("default_rule", everywhere.ToString()), (decision.Str("source"), decision.Str("organizationId")));
    }

    [Fact]
    public async Task A_holiday_added_moved_or_deleted_moves_the_deadlines_of_appeals_filed_across_it()
    {
        // Tuesday 2 November 2027, 10:00 in Tashkent; no holiday in the next three weeks. Tokens are issued on the clock, so sign in after it moves.
        App.Clock.Set(new DateTimeOffset(2027, 11, 2, 5, 0, 0, TimeSpan.Zero));
        try
        {
            var admin = await App.SignedInAsync("demo-admin");
            var citizen = await App.CitizenAsync();
            var before = await citizen.FileAsync("other");
            Assert.Equal(EndOfDay(2027, 11, 3), Due(before, "registrationDueUtc"));
            Assert.Equal(EndOfDay(2027, 11, 17), Due(before, "answerDueUtc"));

            var wednesday = await admin.CreatedAsync("/api/admin/holidays", new { date = "2027-11-03", names = AdminApi.Names("Dam olish kuni"), isMoving = false });
            var answerDay = await admin.CreatedAsync("/api/admin/holidays", new { date = "2027-11-17", names = AdminApi.Names("Qoʻshimcha bayram"), isMoving = true });
            var across = await citizen.FileAsync("other");
            Assert.Equal(EndOfDay(2027, 11, 4), Due(across, "registrationDueUtc"));
            Assert.Equal(EndOfDay(2027, 11, 18), Due(across, "answerDueUtc"));

            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/holidays/{answerDay.Str("id")}/date", new { date = "2027-11-18" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/holidays/{wednesday.Str("id")}")).StatusCode);
            var after = await citizen.FileAsync("other");
            Assert.Equal(EndOfDay(2027, 11, 3), Due(after, "registrationDueUtc"));
            Assert.Equal(EndOfDay(2027, 11, 17), Due(after, "answerDueUtc"));

            var year = await (await admin.GetAsync("/api/admin/holidays?year=2027")).ArrayAsync();
            Assert.Contains(year, h => h!.Str("date") == "2027-11-18" && h!["isMoving"]!.GetValue<bool>());
            Assert.DoesNotContain(year, h => h!.Str("date") == "2027-11-03");
            (await admin.PutAsJsonAsync($"/api/admin/holidays/{answerDay.Str("id")}/date", new { date = "2028-01-03" })).EnsureConflict();
        }
        finally
        {
            App.Clock.Set(FakeClock.OrdinaryTuesday);
        }
    }

    [Fact]
    public async Task A_deadline_policy_for_a_category_sets_the_answer_deadline_of_appeals_filed_under_it()
    {
        App.Clock.Set(FakeClock.OrdinaryTuesday);
        var admin = await App.SignedInAsync("demo-admin");
        var category = await admin.AddCategoryAsync();
        var terms = new { registrationWorkingDays = 1, answerDays = 5, extendedAnswerDays = 10, confirmationDays = 10, reopenedAnswerDays = 10, escalationWorkingDays = 3 };
        var policy = await admin.CreatedAsync("/api/admin/deadline-policies", new { categoryCode = category, terms });
        var citizen = await App.CitizenAsync();

        var filed = await citizen.FileAsync(category);
        Assert.Equal(EndOfDay(2026, 11, 9), Due(filed, "answerDueUtc")); // 3 Nov + 5 days = Sunday 8 Nov → Monday 9 Nov

        var changed = await admin.PutAsJsonAsync($"/api/admin/deadline-policies/{policy.Str("id")}/terms", terms with { answerDays = 7 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(EndOfDay(2026, 11, 10), Due(await citizen.FileAsync(category), "answerDueUtc"));

        var defaults = (await (await admin.GetAsync("/api/admin/deadline-policies")).ArrayAsync())
            .Single(p => p!["requestType"] is null && p!["categoryCode"] is null)!;
        (await admin.DeleteAsync($"/api/admin/deadline-policies/{defaults.Str("id")}")).EnsureConflict();
        (await admin.PostAsJsonAsync("/api/admin/deadline-policies", new { categoryCode = category, terms })).EnsureConflict();
    }

    [Fact]
    public async Task A_staff_account_created_by_an_administrator_signs_in_and_sees_only_its_scope()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var (mahalla, council) = await admin.AddMahallaAsync(AdminApi.Unique("Navroʻz "));
        var userName = AdminApi.Unique("rais-");
        var created = await admin.CreatedAsync("/api/admin/users", new
        {
            userName, displayName = "Shahnoza Qodirova", email = $"{userName}@mahalla.uz", role = "MahallaStaff",
            organizationId = council, password = MahallaApp.Password,
        });
        Assert.Equal(mahalla.ToString(), created.Str("territoryId"));
        var citizen = await App.CitizenAsync();
        var ours = await citizen.FileAsync("social-assistance", mahalla);
        var elsewhere = await citizen.FileAsync("social-assistance", await App.MahallaIdAsync("bodomzor"));

        var staff = await App.SignedInAsync(userName);
        var inbox = (await (await staff.GetAsync("/api/inbox")).ObjectAsync())["items"]!.AsArray().Select(i => i!.Str("id")).ToList();

        Assert.Equal([ours.Str("id")], inbox);
        Assert.DoesNotContain(elsewhere.Str("id"), inbox);
        var listed = await admin.GetAsync($"/api/admin/users?q={userName}");
        var body = await listed.Content.ReadAsStringAsync();
        Assert.Contains(userName, body);
        Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_user_search_ignores_case_in_every_script()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var userName = AdminApi.Unique("kotiba-");
        await admin.CreatedAsync("/api/admin/users", new
        {
            userName, displayName = "Дилноза Каримова Öztürk", email = $"{userName}@mahalla.uz", role = "OrganizationOperator",
            organizationId = MahallaApp.OrganizationId("water"), password = MahallaApp.Password,
        });

        foreach (var q in new[] { "каримова", "КАРИМОВА", "дИЛНОЗА", "öztürk", "ÖZTÜRK", userName.ToUpperInvariant() })
        {
            var found = (await (await admin.GetAsync($"/api/admin/users?q={Uri.EscapeDataString(q)}")).ObjectAsync())["items"]!.AsArray();
            Assert.True(found.Any(u => u!.Str("userName") == userName), $"'{q}' did not find the account");
        }

        var none = (await (await admin.GetAsync($"/api/admin/users?q={Uri.EscapeDataString("каримовa-" + userName)}")).ObjectAsync())["items"]!.AsArray();
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_and_a_new_password_replaces_the_old_one()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var userName = AdminApi.Unique("operator-");
        var user = await admin.CreatedAsync("/api/admin/users", new
        {
            userName, displayName = "Olim Karimov", phoneNumber = "+998 90 123 45 67", role = "OrganizationOperator",
            organizationId = MahallaApp.OrganizationId("water"), password = MahallaApp.Password,
        });
        var id = user.Str("id");

        var operatorBefore = await App.SignedInAsync(userName);
        Assert.Equal(HttpStatusCode.OK, (await operatorBefore.GetAsync("/api/inbox")).StatusCode);

        var locked = await (await admin.PostAsync($"/api/admin/users/{id}/lockout", null)).ObjectAsync();
        Assert.True(locked["isLocked"]!.GetValue<bool>());
        var refused = await Login(userName, MahallaApp.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("error.account_locked", (await refused.ObjectAsync()).Str("code"));
        // A token issued before the lock stops working at once: the lock changed the account's security stamp.
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorBefore.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/users/{id}/lockout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(userName, MahallaApp.Password)).StatusCode);
        var operatorAfter = await App.SignedInAsync(userName);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/admin/users/{id}/password", new { password = "Yangi-parol-2027" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(userName, MahallaApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(userName, "Yangi-parol-2027")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorAfter.GetAsync("/api/inbox")).StatusCode); // the password changed

        var operatorNow = await App.SignedInAsync(userName, password: "Yangi-parol-2027");
        var promoted = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "DistrictSupervisor", territoryId = AdminApi.Yunusobod });
        Assert.Equal(["DistrictSupervisor"], (await promoted.ObjectAsync())["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorNow.GetAsync("/api/inbox")).StatusCode); // its role and scope are out of date

        var me = (await (await admin.GetAsync("/api/me")).ObjectAsync()).Str("userId");
        (await admin.PostAsync($"/api/admin/users/{me}/lockout", null)).EnsureConflict();
        (await admin.PutAsJsonAsync($"/api/admin/users/{me}/role", new { role = "Auditor" })).EnsureConflict();
    }

    [Fact]
    public async Task Every_admin_endpoint_refuses_citizens_staff_and_anonymous_callers()
    {
        var adminEndpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.Ordinal) == true).ToList();
        Assert.All(adminEndpoints, e => Assert.NotNull(e.Metadata.GetMetadata<IEndpointNameMetadata>()));
        Assert.All(adminEndpoints, e => Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()));
        var endpoints = adminEndpoints
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} admin endpoints found");
        var anonymous = App.CreateClient();
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-district");

        foreach (var (method, route) in endpoints)
        {
            var url = route.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{code}", "roads");
            foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Unauthorized), (citizen, HttpStatusCode.Forbidden), (staff, HttpStatusCode.Forbidden) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(new { });
                }

                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == expected, $"{method} {url}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
    }

    [Fact]
    public async Task A_mahalla_name_typed_with_another_apostrophe_or_case_is_the_same_name()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var garden = AdminApi.Unique("Bogʻbon ");
        await admin.AddMahallaAsync(garden);
        var before = (await (await admin.GetAsync($"/api/admin/territories?parentId={AdminApi.Yunusobod}")).ArrayAsync()).Count;

        foreach (var typed in new[] { garden.Replace('ʻ', '\''), garden.Replace('ʻ', '‘').ToUpperInvariant(), garden.Replace('ʻ', '`') })
        {
            var refused = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
                new { parentId = AdminApi.Yunusobod, names = AdminApi.Names(typed) })).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("admin.rule.mahalla_name_taken", refused.Str("code"));
        }

        Assert.Equal(before, (await (await admin.GetAsync($"/api/admin/territories?parentId={AdminApi.Yunusobod}")).ArrayAsync()).Count);
        // Another name is still another name.
        await admin.AddMahallaAsync(garden.Replace("Bogʻbon", "Bogbon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_with_a_line_break_a_tab_or_two_spaces_is_kept_on_one_line_and_is_the_same_mahalla_name()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var name = AdminApi.Unique("Yangi hayot ");
        var pasted = name.Replace(" ", " \u00A0\n\t", StringComparison.Ordinal);

        var created = await admin.CreatedAsync("/api/admin/territories/mahallas",
            new { parentId = AdminApi.Yunusobod, names = new { uzLatn = pasted, uzCyrl = pasted + " (кир)", ru = "Новая  жизнь", en = "New\r\nlife" } });

        var names = created["territory"]!["names"]!;
        Assert.Equal(name, names.Str("uzLatn"));
        Assert.Equal(name + " (кир)", names.Str("uzCyrl"));
        Assert.Equal("Новая жизнь", names.Str("ru"));
        Assert.Equal("New life", names.Str("en"));
        // Typed again with a double space or a no-break space, it is the same mahalla, whether or not the key had been kept on one line.
        foreach (var typed in new[] { name.Replace(" ", "  ", StringComparison.Ordinal), name.Replace(' ', '\u00A0') })
        {
            var refused = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
                new { parentId = AdminApi.Yunusobod, names = new { uzLatn = typed, uzCyrl = AdminApi.Unique("Бошқа "), ru = "Другая", en = "Other" } }))
                .ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("admin.rule.mahalla_name_taken", refused.Str("code"));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_in_the_users_language_and_nothing_is_saved()
    {
        var admin = await App.SignedInAsync("demo-admin", "ru");
        var catalog = new TextCatalog();
        var territoriesBefore = (await (await admin.GetAsync($"/api/admin/territories?parentId={AdminApi.Yunusobod}")).ArrayAsync()).Count;
        var categoriesBefore = (await (await admin.GetAsync("/api/admin/categories")).ArrayAsync()).Count;
        var rulesBefore = (await (await admin.GetAsync("/api/admin/routing-rules")).ArrayAsync()).Count;

        var empty = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
            new { parentId = AdminApi.Yunusobod, names = new { uzLatn = " ", uzCyrl = "Янги", ru = "Новая", en = "New" } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(catalog.Get("ru", "validation.required"), empty["errors"]!["names.uzLatn"]![0]!.GetValue<string>());
        var overlong = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
            new { parentId = AdminApi.Yunusobod, names = AdminApi.Names(new string('a', 151)) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(overlong["errors"]!["names.en"]);
        var notADistrict = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
            new { parentId = await App.MahallaIdAsync("bodomzor"), names = AdminApi.Names("Ichki") })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notADistrict["errors"]!["parentId"]);
        var control = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
            new { parentId = AdminApi.Yunusobod, names = AdminApi.Names("Bad\u0000name"), latitude = 91.0, longitude = 69.2 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(control["errors"]!["names.uzLatn"]);
        Assert.NotNull(control["errors"]!["latitude"]);
        var twin = await (await admin.PostAsJsonAsync("/api/admin/territories/mahallas",
            new { parentId = AdminApi.Yunusobod, names = AdminApi.Names("bodomzor") })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(catalog.Get("ru", "admin.rule.mahalla_name_taken"), twin.Str("detail"));

        var badCode = await (await admin.PostAsJsonAsync("/api/admin/categories", new { code = "Yo'llar va ko'priklar", names = AdminApi.Names("Yoʻllar") })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(catalog.Get("ru", "admin.validation.category_code"), badCode["errors"]!["code"]![0]!.GetValue<string>());
        var takenCode = await (await admin.PostAsJsonAsync("/api/admin/categories", new { code = "roads", names = AdminApi.Names("Yoʻllar") })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("admin.rule.category_code_taken", takenCode.Str("code"));

        var twice = await (await admin.PostAsJsonAsync("/api/admin/routing-rules",
            new { categoryCode = "water-supply", territoryId = AdminApi.TashkentCity, organizationId = MahallaApp.OrganizationId("gas") })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(catalog.Get("ru", "admin.rule.routing_rule_exists"), twice.Str("detail"));
        var unknown = await (await admin.PostAsJsonAsync("/api/admin/routing-rules",
            new { categoryCode = "no-such-topic", territoryId = Guid.NewGuid(), organizationId = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(3, unknown["errors"]!.AsObject().Count);

        var terms = await (await admin.PostAsJsonAsync("/api/admin/deadline-policies", new
        {
            requestType = "complaint",
            terms = new { registrationWorkingDays = 1, answerDays = 20, extendedAnswerDays = 10, confirmationDays = 10, reopenedAnswerDays = 10, escalationWorkingDays = 3 },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(catalog.Get("ru", "admin.validation.deadline_terms"), terms["errors"]!["terms"]![0]!.GetValue<string>());

        (await admin.PostAsJsonAsync("/api/admin/holidays", new { date = "2026-01-01", names = AdminApi.Names("Yangi yil") })).EnsureConflict();
        await (await admin.PostAsJsonAsync("/api/admin/holidays", new { names = AdminApi.Names("Sanasiz") })).ProblemAsync(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "demo-citizen", displayName = "X", email = "x@mahalla.uz", role = "Auditor", password = MahallaApp.Password })).EnsureConflict();
        var user = await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "yangi xodim", displayName = "", role = "Boss", password = "short" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["displayName", "email", "password", "role", "userName"], user["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        var noScope = await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = AdminApi.Unique("x"), displayName = "X", email = "x@mahalla.uz", role = "MahallaStaff", password = MahallaApp.Password })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noScope["errors"]!["organizationId"]);
        var template = await (await admin.PostAsJsonAsync("/api/admin/answer-templates", new { language = "fr", title = "", body = new string('x', 10_001) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(3, template["errors"]!.AsObject().Count);

        var missing = await (await admin.PutAsJsonAsync($"/api/admin/territories/{Guid.NewGuid()}/name", new { names = AdminApi.Names("Yoʻq") })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(catalog.Get("ru", "admin.error.not_found"), missing.Str("detail"));
        await (await admin.PostAsync($"/api/admin/organizations/{MahallaApp.OrganizationId("bodomzor")}/deactivation", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(territoriesBefore, (await (await admin.GetAsync($"/api/admin/territories?parentId={AdminApi.Yunusobod}")).ArrayAsync()).Count);
        Assert.Equal(categoriesBefore, (await (await admin.GetAsync("/api/admin/categories")).ArrayAsync()).Count);
        Assert.Equal(rulesBefore, (await (await admin.GetAsync("/api/admin/routing-rules")).ArrayAsync()).Count);
        Assert.Equal(0, (await (await admin.GetAsync("/api/admin/users?q=yangi")).ObjectAsync())["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Names_positions_and_templates_are_edited_in_every_language()
    {
        var admin = await App.SignedInAsync("demo-admin", "en");
        var (mahalla, council) = await admin.AddMahallaAsync(AdminApi.Unique("Eski "));
        var newName = AdminApi.Unique("Yangi ");

        var renamed = await (await admin.PutAsJsonAsync($"/api/admin/territories/{mahalla}/name", new { names = AdminApi.Names(newName) })).ObjectAsync();
        Assert.Equal(newName + " (en)", renamed.Str("name"));
        var councilView = await (await admin.GetAsync($"/api/admin/organizations/{council}")).ObjectAsync();
        Assert.Equal($"{newName} (en) Mahalla Citizens' Assembly", councilView.Str("name"));
        var placed = await (await admin.PutAsJsonAsync($"/api/admin/territories/{mahalla}/centre", new { latitude = 41.3, longitude = 69.25 })).ObjectAsync();
        Assert.Equal(41.3, placed["latitude"]!.GetValue<double>());
        var tree = await (await admin.GetAsync($"/api/admin/territories/{mahalla}")).ObjectAsync();
        Assert.Equal([AdminApi.TashkentCity.ToString(), AdminApi.Yunusobod.ToString()], tree["ancestors"]!.AsArray().Select(a => a!.Str("id")).ToArray());

        var category = await admin.AddCategoryAsync();
        await admin.PutAsJsonAsync($"/api/admin/categories/{category}/name", new { names = AdminApi.Names("Koʻpriklar") });
        await admin.PutAsJsonAsync($"/api/admin/categories/{category}/position", new { sortOrder = 1 });
        var first = (await (await admin.GetAsync("/api/admin/categories")).ArrayAsync())[0]!;
        Assert.Equal((category, "Koʻpriklar (en)"), (first.Str("code"), first.Str("name")));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/categories/{category}/deactivation", null)).StatusCode);
        Assert.DoesNotContain(await (await App.CreateClient().GetAsync("/api/categories")).ArrayAsync(), c => c!.Str("code") == category);

        var template = await admin.CreatedAsync("/api/admin/answer-templates", new { language = "ru", title = "Ремонт выполнен", body = "Уважаемый заявитель! Ремонт выполнен.", organizationId = MahallaApp.OrganizationId("roads") });
        var edited = await (await admin.PutAsJsonAsync($"/api/admin/answer-templates/{template.Str("id")}", new { language = "uz-Latn", title = "Taʼmirlandi", body = "Hurmatli fuqaro! Taʼmirlash bajarildi." })).ObjectAsync();
        Assert.Equal(("uz-Latn", "Taʼmirlandi"), (edited.Str("language"), edited.Str("title")));
        Assert.Null(edited["organizationId"]);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/answer-templates/{template.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/admin/answer-templates/{template.Str("id")}")).StatusCode);
    }

    private static DateTime Due(JsonObject appeal, string field) => appeal[field]!.GetValue<DateTime>();

    /// <summary>The close of a Tashkent day (UTC+5), in UTC.</summary>
    private static DateTime EndOfDay(int year, int month, int day) => new(year, month, day, 18, 59, 59, 999, DateTimeKind.Utc);

    private Task<HttpResponseMessage> Login(string userName, string password) =>
        App.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password });
}

internal static class ConflictAssertions
{
    public static void EnsureConflict(this HttpResponseMessage response) => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
}

public sealed class AdministrationOnSqlite(SqliteApp app) : AdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class AdministrationOnPostgres(PostgresApp app) : AdministrationTests(app), IClassFixture<PostgresApp>;
