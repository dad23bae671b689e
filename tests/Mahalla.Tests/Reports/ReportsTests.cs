using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Transitions;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.FixedCheck;
using Mahalla.Web.Modules.Territories;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Reports;

/// <summary>Local problem reports through HTTP: placing, routing, questions, nearby and support, follow-up. Both providers.</summary>
public abstract class ReportsTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    private static Guid Mahalla(string key) => TerritorySeed.IdFor("mahalla:" + key);

    [Fact]
    public async Task A_point_inside_a_mahalla_boundary_decides_the_territory_and_the_category_decides_the_organisation()
    {
        var citizen = await App.CitizenAsync();

        var filed = await citizen.ReportAtAsync(ReportApi.BodomzorLat + 0.001, ReportApi.BodomzorLon - 0.001);

        Assert.StartsWith("R-2026-", filed.Str("trackingNumber"));
        Assert.Equal(Mahalla("bodomzor").ToString(), filed.Str("territoryId"));
        Assert.Equal("boundary", filed.Str("placedBy"));
        Assert.Equal(MahallaApp.OrganizationId("obodon").ToString(), filed.Str("responsibleOrganizationId"));
        Assert.Equal("submitted", filed.Str("status"));
        // It is a request of the engine: the operator's inbox lists it, and it tracks like an appeal.
        var operatorInbox = await (await App.SignedInAsync("demo-operator")).GetAsync("/api/inbox?type=report");
        Assert.Equal(HttpStatusCode.OK, operatorInbox.StatusCode);
        var tracked = await App.CreateClient().TrackAsync(filed);
        Assert.Equal("submitted", tracked.Str("status"));
    }

    [Fact]
    public async Task A_point_in_the_district_but_outside_every_mahalla_goes_to_the_districts_nearest_mahalla_centre()
    {
        var citizen = await App.CitizenAsync();

        // Inside the demo Yunusobod boundary, well outside both demo mahalla hexagons; Minor's centre is nearer than Bodomzor's.
        var filed = await citizen.ReportAtAsync(41.3190, 69.2950, "roads", "Yo'lda katta chuqur bor.");

        Assert.Equal(Mahalla("minor").ToString(), filed.Str("territoryId"));
        Assert.Equal("district_nearest_centre", filed.Str("placedBy"));
        Assert.Equal(MahallaApp.OrganizationId("roads").ToString(), filed.Str("responsibleOrganizationId"));
    }

    [Fact]
    public async Task A_point_no_boundary_covers_goes_to_the_nearest_centre_and_a_point_far_away_is_refused()
    {
        var citizen = await App.CitizenAsync();

        var filed = await citizen.ReportAtAsync(41.2860, 69.2085, "waste", "Chiqindi qutisi to'lib ketgan.");
        var count = await CountReportsAsync();
        var far = await citizen.PostReportAsync(new { categoryCode = "waste", description = "Samarqandda chiqindi.", latitude = 39.6542, longitude = 66.9597 });

        Assert.Equal(Mahalla("qatortol").ToString(), filed.Str("territoryId"));
        Assert.Equal("nearest_centre", filed.Str("placedBy"));
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Contains("reports.validation.outside_area", await far.Content.ReadAsStringAsync());
        Assert.Equal(count, await CountReportsAsync());
    }

    [Fact]
    public async Task Without_a_map_the_mahalla_and_an_address_are_enough_and_a_missing_address_is_refused_with_nothing_saved()
    {
        var citizen = await App.CitizenAsync();
        var before = await CountReportsAsync();

        var noAddress = await citizen.PostReportAsync(new { categoryCode = "greenery", description = "Daraxt yiqilgan.", territoryId = Mahalla("chorsu"), answers = new { danger = new[] { "no" } } });
        var ok = await citizen.PostReportAsync(new
        {
            categoryCode = "greenery", description = "Daraxt yiqilgan, yo'lni to'sib qo'ygan.", territoryId = Mahalla("chorsu"),
            address = "Chorsu bozori yonida, 3-uy ro'parasi", answers = new { danger = new[] { "yes" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("reports.validation.address_required", await noAddress.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var filed = await ok.ObjectAsync();
        Assert.Equal(Mahalla("chorsu").ToString(), filed.Str("territoryId"));
        var shown = await App.CreateClient().PublicReportAsync(filed);
        Assert.Equal("Chorsu bozori yonida, 3-uy ro'parasi", shown.Str("address"));
        Assert.Null(shown["latitude"]);
        Assert.Equal(before + 1, await CountReportsAsync());
    }

    [Theory]
    [InlineData("{\"categoryCode\":\"roads\",\"description\":\"Chuqur.\",\"latitude\":41.339,\"longitude\":69.284}", "answers.danger", "reports.validation.answer_required")]
    [InlineData("{\"categoryCode\":\"roads\",\"description\":\"Chuqur.\",\"latitude\":41.339,\"longitude\":69.284,\"answers\":{\"danger\":[\"maybe\"]}}", "answers.danger", "reports.validation.answer_invalid")]
    [InlineData("{\"categoryCode\":\"roads\",\"description\":\"Chuqur.\",\"latitude\":41.339,\"longitude\":69.284,\"answers\":{\"danger\":[\"no\"],\"colour\":[\"red\"]}}", "answers.colour", "reports.validation.unknown_question")]
    [InlineData("{\"categoryCode\":\"social-assistance\",\"description\":\"Yordam.\",\"latitude\":41.339,\"longitude\":69.284}", "categoryCode", "reports.validation.category")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi.\",\"latitude\":41.339}", "latitude", "reports.validation.location")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi.\",\"latitude\":91,\"longitude\":69.284}", "latitude", "reports.validation.location")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi.\",\"latitude\":41.339,\"longitude\":69.284,\"locationSource\":\"address\"}", "locationSource", "reports.validation.location_source")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"\",\"latitude\":41.339,\"longitude\":69.284}", "description", "validation.required")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi\\u0000.\",\"latitude\":41.339,\"longitude\":69.284}", "description", "validation.invalid_characters")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi.\",\"title\":\"\\ud800\",\"latitude\":41.339,\"longitude\":69.284}", "title", "validation.expected_text")]
    [InlineData("{\"categoryCode\":\"waste\",\"description\":\"Chiqindi.\",\"latitude\":\"north\",\"longitude\":69.284}", "latitude", "validation.expected_number")]
    public async Task Bad_reports_get_a_clear_400_naming_the_field_and_nothing_is_saved(string json, string field, string code)
    {
        var citizen = await App.CitizenAsync();
        var before = await CountReportsAsync();

        var response = await citizen.PostAsync("/api/reports", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.NotEmpty(problem["errors"]![field]!.AsArray());
        Assert.Contains(code, problem["errorCodes"]![field]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task An_overlong_description_and_a_non_citizen_are_refused()
    {
        var citizen = await App.CitizenAsync();
        var tooLong = await citizen.PostReportAsync(new { categoryCode = "waste", description = new string('x', 10_001), latitude = 41.339, longitude = 69.284 });
        var anonymous = await App.CreateClient().PostReportAsync(new { categoryCode = "waste", description = "x", latitude = 41.339, longitude = 69.284 });
        var staff = await (await App.SignedInAsync("demo-operator")).PostReportAsync(new { categoryCode = "waste", description = "x", latitude = 41.339, longitude = 69.284 });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public async Task Nearby_open_reports_of_the_same_category_are_offered_and_me_too_adds_support_once()
    {
        var reporter = await App.NewCitizenAsync();
        var neighbour = await App.NewCitizenAsync();
        var (lat, lon) = (41.3262, 69.2362 + 0.0012);
        var first = await reporter.ReportAtAsync(lat, lon, "street-lighting", "Chiroq yonmayapti.");

        var near = await (await neighbour.GetAsync(FormattableString.Invariant($"/api/reports/nearby?categoryCode=street-lighting&latitude={lat + 0.0001}&longitude={lon}"))).ArrayAsync();
        var otherCategory = await (await neighbour.GetAsync(FormattableString.Invariant($"/api/reports/nearby?categoryCode=waste&latitude={lat}&longitude={lon}"))).ArrayAsync();
        var beyondRadius = await (await neighbour.GetAsync(FormattableString.Invariant($"/api/reports/nearby?categoryCode=street-lighting&latitude={lat + 0.001}&longitude={lon}"))).ArrayAsync();

        var hit = Assert.Single(near, r => r!.Str("id") == first.Str("id"));
        Assert.InRange(hit!["distanceMeters"]!.GetValue<double>(), 5, 20);
        Assert.DoesNotContain(otherCategory, r => r!.Str("id") == first.Str("id"));
        Assert.DoesNotContain(beyondRadius, r => r!.Str("id") == first.Str("id"));

        var support = await neighbour.PostAsync($"/api/reports/{first.Str("id")}/support", null);
        var again = await neighbour.PostAsync($"/api/reports/{first.Str("id")}/support", null);
        var own = await reporter.PostAsync($"/api/reports/{first.Str("id")}/support", null);

        Assert.Equal(HttpStatusCode.OK, support.StatusCode);
        Assert.Equal(1, (await support.ObjectAsync())["supporters"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal(1, (await App.CreateClient().PublicReportAsync(first))["supporters"]!.GetValue<int>());
    }

    [Fact]
    public async Task Residents_who_say_me_too_at_once_are_each_counted_once_and_only_a_second_click_is_turned_away()
    {
        var reporter = await App.NewCitizenAsync();
        var filed = await reporter.ReportAtAsync(41.3262 + 0.002, 69.2362 - 0.002, "street-lighting", "Ko'cha chirog'i o'chgan.");
        var neighbours = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => App.NewCitizenAsync()));

        // The first neighbour clicks four times.
        var clicks = Enumerable.Range(0, 3).Select(_ => neighbours[0].PostAsync($"/api/reports/{filed.Str("id")}/support", null)).ToList();
        var answers = await Task.WhenAll(neighbours.Select(n => n.PostAsync($"/api/reports/{filed.Str("id")}/support", null)));
        var firstNeighbours = (await Task.WhenAll(clicks)).Append(answers[0]).ToList();

        Assert.All(answers.Skip(1), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        answers[0] = Assert.Single(firstNeighbours, a => a.StatusCode == HttpStatusCode.OK);
        var refused = firstNeighbours.Where(a => a != answers[0]).ToList();
        Assert.All(refused, a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        foreach (var again in refused)
        {
            Assert.Equal("reports.rule.supported_already", (await again.ObjectAsync()).Str("code"));
        }

        var counts = await Task.WhenAll(answers.Select(async a => (await a.ObjectAsync())["supporters"]!.GetValue<int>()));
        // Each resident is told the count with their own "me too" in it, and no two of them the same count.
        Assert.Equal(Enumerable.Range(1, 8), counts.Order());
        Assert.Equal(8, (await App.CreateClient().PublicReportAsync(filed))["supporters"]!.GetValue<int>());
        var id = Guid.Parse(filed.Str("id"));
        Assert.Equal(8, await App.WithDbAsync(db => db.Set<ReportSupporter>().CountAsync(s => s.ReportId == id)));
        Assert.Equal(8, await App.WithDbAsync(db => db.Set<ReportFollower>().CountAsync(f => f.ReportId == id)));
    }

    [Fact]
    public async Task Residents_who_follow_a_report_and_say_me_too_at_the_same_moment_get_both()
    {
        var reporter = await App.NewCitizenAsync();
        var filed = await reporter.ReportAtAsync(41.3262 - 0.002, 69.2362 + 0.002, "street-lighting", "Chiroqlar yonmayapti.");
        var id = filed.Str("id");
        var neighbours = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => App.NewCitizenAsync()));

        // Each of them presses "me too" on one tab and "follow" on another, 0 to 15 ms later: a follow can then land between the
        // "me too"'s check of the follower row and its insert (on PostgreSQL that was a 500 in 3 of 6 runs, ADR 0078).
        var both = await Task.WhenAll(neighbours.Select(async (n, i) =>
        {
            var support = n.PostAsync($"/api/reports/{id}/support", null);
            await Task.Delay(i);
            var follow = n.PutAsync($"/api/reports/{id}/follow", null);
            return (Follow: await follow, Support: await support);
        }));

        Assert.All(both, b => Assert.Equal(HttpStatusCode.NoContent, b.Follow.StatusCode));
        Assert.All(both, b => Assert.Equal(HttpStatusCode.OK, b.Support.StatusCode));
        var reportId = Guid.Parse(id);
        Assert.Equal(16, (await App.CreateClient().PublicReportAsync(filed))["supporters"]!.GetValue<int>());
        Assert.Equal(16, await App.WithDbAsync(db => db.Set<ReportFollower>().CountAsync(f => f.ReportId == reportId)));
    }

    [Fact]
    public async Task A_me_too_and_a_staff_answer_at_the_same_moment_both_go_through()
    {
        var reporter = await App.NewCitizenAsync();
        var neighbour = await App.NewCitizenAsync();
        var filed = await reporter.ReportAtAsync(41.2975 - 0.001, 69.2700 + 0.002, "water-supply", "Quvurdan suv oqyapti.");
        var id = Guid.Parse(filed.Str("id"));

        // The operator's answer has read the report (it saves its mirror of the request with the answer) when a resident says
        // "me too" and commits first.
        await using var staff = App.Services.CreateAsyncScope();
        var db = staff.ServiceProvider.GetRequiredService<MahallaDb>();
        Assert.Equal(0, (await db.Set<Report>().SingleAsync(r => r.Id == id)).SupporterCount);
        var support = await neighbour.PostAsync($"/api/reports/{id}/support", null);
        Assert.Equal(HttpStatusCode.OK, support.StatusCode);

        var operatorUser = await App.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.UserName == "demo-operator"));
        var caller = new Caller(operatorUser.Id, new HashSet<string> { Roles.OrganizationOperator }, operatorUser.OrganizationId, null);
        var answered = await staff.ServiceProvider.GetRequiredService<Transitions>()
            .AnswerAsync(caller, id, new AnswerRequest("Quvur ta'mirlandi."), CancellationToken.None);

        Assert.Equal("answered", answered.Status);
        var shown = await App.CreateClient().PublicReportAsync(filed);
        Assert.Equal("answered", shown.Str("status"));
        Assert.Equal(1, shown["supporters"]!.GetValue<int>());
    }

    [Fact]
    public async Task Was_it_fixed_is_asked_days_after_the_fix_and_no_reopens_the_report_one_level_up()
    {
        var reporter = await App.NewCitizenAsync();
        var reporterName = await UserNameOfAsync(reporter);
        var filed = await reporter.ReportAtAsync(41.2975, 69.2700 + 0.001, "water-supply", "Quvur yorilib, suv ko'chaga oqyapti.");
        var water = await App.SignedInAsync("demo-operator");
        await water.ActOkAsync(filed, "answer", new { text = "Quvur almashtirildi." });
        Assert.Equal("answered", (await App.CreateClient().PublicReportAsync(filed)).Str("status"));

        await WatchAsync();
        Assert.Equal(0, await NotificationsAsync(filed, "report_fixed_question"));
        App.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var (asked, _) = await WatchAsync();
        await WatchAsync();

        Assert.True(asked >= 1);
        Assert.Equal(1, await NotificationsAsync(filed, "report_fixed_question"));
        reporter = await App.SignedInAsync(reporterName); // the old token expired while the days passed
        await reporter.ActOkAsync(filed, "dispute", new { reason = "Suv hali ham oqyapti." });
        var shown = await App.CreateClient().PublicReportAsync(filed);
        Assert.Equal("reopened", shown.Str("status"));
        Assert.Contains(shown["updates"]!.AsArray(), u => u!.Str("kind") == "disputed");
        Assert.Equal(1, (await (await App.SignedInAsync("demo-operator")).GetAppealAsync(filed))["escalationLevel"]!.GetValue<int>());
    }

    [Fact]
    public async Task Followers_hear_of_updates_and_area_alerts_announce_new_reports_once()
    {
        var reporter = await App.NewCitizenAsync();
        var neighbour = await App.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await neighbour.PutAsync($"/api/alerts/{Mahalla("oybek")}", null)).StatusCode);
        await WatchAsync();

        var filed = await reporter.ReportAtAsync(41.2975 - 0.001, 69.2700, "waste", "Chiqindi olib ketilmagan.");
        await WatchAsync();
        await WatchAsync();

        Assert.Equal(1, await NotificationsAsync(filed, "report_new_in_area"));
        Assert.Equal(HttpStatusCode.NoContent, (await neighbour.PutAsync($"/api/reports/{filed.Str("id")}/follow", null)).StatusCode);
        await (await App.SignedInAsync("demo-region")).ActOkAsync(filed, "answer", new { text = "Chiqindi olib ketildi." });
        await WatchAsync();
        Assert.Equal(1, await NotificationsAsync(filed, "report_update"));
        Assert.Equal(0, await NotificationsAsync(filed, "report_update", await UserIdOfAsync(reporter)));
    }

    [Fact]
    public async Task The_follow_up_never_makes_a_staff_answer_fail_and_runs_at_once_tell_a_follower_once()
    {
        var reporter = await App.NewCitizenAsync();
        var follower = await App.NewCitizenAsync();
        var filed = await reporter.ReportAtAsync(41.2975 + 0.001, 69.2700, "water-supply", "Quvur yorilgan, suv toʻxtamayapti.");
        var id = Guid.Parse(filed.Str("id"));
        Assert.Equal(HttpStatusCode.NoContent, (await follower.PutAsync($"/api/reports/{id}/follow", null)).StatusCode);

        // The operator's answer has read the report (its mirror of the request is saved with the answer) when the follow-up
        // of the filing, on four nodes at once, tells the follower and commits first.
        await using var staff = App.Services.CreateAsyncScope();
        var db = staff.ServiceProvider.GetRequiredService<MahallaDb>();
        Assert.Equal(1, (await db.Set<Report>().SingleAsync(r => r.Id == id)).AppealVersion);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WatchAsync()));
        Assert.Equal(1, await NotificationsAsync(filed, "report_update", await UserIdOfAsync(follower)));

        // The answer goes through, and the follow-up of the answer tells the follower once more.
        var operatorUser = await App.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.UserName == "demo-operator"));
        var caller = new Caller(operatorUser.Id, new HashSet<string> { Roles.OrganizationOperator }, operatorUser.OrganizationId, null);
        var answered = await staff.ServiceProvider.GetRequiredService<Transitions>()
            .AnswerAsync(caller, id, new AnswerRequest("Quvur almashtirildi."), CancellationToken.None);
        Assert.Equal("answered", answered.Status);
        Assert.Equal("answered", (await App.CreateClient().PublicReportAsync(filed)).Str("status"));
        await WatchAsync();
        await WatchAsync();
        Assert.Equal(2, await NotificationsAsync(filed, "report_update", await UserIdOfAsync(follower)));
        Assert.Equal(answered.Version, await App.WithDbAsync(d => d.Set<Report>().Where(r => r.Id == id).Select(r => r.NotifiedVersion).SingleAsync()));
    }

    [Fact]
    public async Task The_public_never_sees_contact_data_and_sees_the_name_only_when_the_reporter_chose_so()
    {
        var reporter = await App.NewCitizenAsync("Gulnora Aliyeva");
        var hidden = await reporter.ReportAtAsync(41.3390, 69.2840, "waste", "Chiqindi.");
        var named = await reporter.ReportAtAsync(41.3391, 69.2841, "waste", "Chiqindi yana.", showName: true);
        var userName = await UserNameOfAsync(reporter);

        var hiddenJson = (await App.CreateClient().PublicReportAsync(hidden)).ToJsonString();
        var namedJson = await App.CreateClient().PublicReportAsync(named);

        Assert.DoesNotContain("Gulnora", hiddenJson);
        Assert.DoesNotContain(userName, hiddenJson);
        Assert.Equal("Gulnora Aliyeva", namedJson.Str("reporterName"));
        Assert.DoesNotContain(userName, namedJson.ToJsonString());
        Assert.DoesNotContain("accessCode", hiddenJson);
    }

    [Fact]
    public async Task The_map_shows_points_in_the_viewport_clusters_when_there_are_many_and_filters_by_status()
    {
        var citizen = await App.NewCitizenAsync();
        for (var i = 0; i < 4; i++)
        {
            await citizen.ReportAtAsync(41.3262 + i * 0.0003, 69.2362, "greenery", $"Daraxt {i}.");
        }

        const string box = "69.2300,41.3200,69.2420,41.3320";
        var map = await (await App.CreateClient().GetAsync($"/api/reports/map?bbox={box}&category=greenery")).ObjectAsync();
        var fixedOnly = await (await App.CreateClient().GetAsync($"/api/reports/map?bbox={box}&category=greenery&status=fixed")).ObjectAsync();
        var empty = await (await App.CreateClient().GetAsync("/api/reports/map?bbox=60.0,30.0,60.1,30.1")).ObjectAsync();
        var bad = await App.CreateClient().GetAsync("/api/reports/map?bbox=69.3,41.3,69.2,41.2");
        using var few = App.WithWebHostBuilder(b => b.UseSetting("Reports:MapMaxPoints", "2"));
        var clustered = await (await few.CreateClient().GetAsync($"/api/reports/map?bbox={box}&category=greenery")).ObjectAsync();

        Assert.True(map["reports"]!.AsArray().Count >= 4);
        Assert.Empty(map["clusters"]!.AsArray());
        Assert.Empty(fixedOnly["reports"]!.AsArray());
        Assert.Equal(0, empty["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty(clustered["reports"]!.AsArray());
        Assert.Equal(map["total"]!.GetValue<int>(), clustered["clusters"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));

        // Once the watcher has built the grid, zoomed-out maps read the prebuilt cells: the same counts, every level complete.
        await WatchAsync();
        var located = await App.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.Latitude != null));
        foreach (var level in Enumerable.Range(0, Web.Modules.Reports.PublicMap.MapCells.CellSizes.Length))
        {
            Assert.Equal(located, await App.WithDbAsync(db => db.Set<Web.Modules.Reports.PublicMap.ReportMapCell>().Where(c => c.Level == level).SumAsync(c => c.Count)));
        }

        var fromCells = await (await few.CreateClient().GetAsync($"/api/reports/map?bbox={box}&category=greenery")).ObjectAsync();
        Assert.Equal(map["total"]!.GetValue<int>(), fromCells["clusters"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
        var fromCellsFixed = await (await few.CreateClient().GetAsync($"/api/reports/map?bbox={box}&category=greenery&status=fixed")).ObjectAsync();
        Assert.Equal(0, fromCellsFixed["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nodes_that_rebuild_the_maps_grid_at_once_leave_it_whole()
    {
        // A new report changes what the grid is built from, so each node's follow-up rebuilds it, here six at once.
        await (await App.NewCitizenAsync()).ReportAtAsync(41.3210, 69.2950, "roads", "Yoʻl chetidagi ariq buzilgan.");
        var rebuilt = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Web.Modules.Reports.PublicMap.MapCells>().RefreshAsync(CancellationToken.None);
        }));

        Assert.Contains(true, rebuilt);
        var located = await App.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.Latitude != null));
        foreach (var level in Enumerable.Range(0, Web.Modules.Reports.PublicMap.MapCells.CellSizes.Length))
        {
            Assert.Equal(located, await App.WithDbAsync(db => db.Set<Web.Modules.Reports.PublicMap.ReportMapCell>().Where(c => c.Level == level).SumAsync(c => c.Count)));
        }
    }

    [Fact]
    public async Task Administrators_import_boundaries_that_then_decide_the_territory_and_bad_geojson_changes_nothing()
    {
        var admin = await App.SignedInAsync("demo-admin");
        var citizen = await App.CitizenAsync();
        var ring = new[] { new[] { 69.2050, 41.2830 }, new[] { 69.2110, 41.2830 }, new[] { 69.2110, 41.2880 }, new[] { 69.2050, 41.2880 }, new[] { 69.2050, 41.2830 } };
        var unclosed = ring.Take(4).ToArray();

        var refused = await admin.PutAsJsonAsync($"/api/admin/boundaries/{Mahalla("qatortol")}", new { type = "Polygon", coordinates = new[] { unclosed } });
        var notAdmin = await citizen.PutAsJsonAsync($"/api/admin/boundaries/{Mahalla("qatortol")}", new { type = "Polygon", coordinates = new[] { ring } });
        var before = await citizen.ReportAtAsync(41.2855, 69.2080, "waste", "Chiqindi.");
        var collection = new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                new { type = "Feature", properties = new { territoryId = Mahalla("qatortol") }, geometry = new { type = "Polygon", coordinates = new[] { ring } } },
            },
        };
        var imported = await admin.PostAsJsonAsync("/api/admin/boundaries", collection);
        var after = await citizen.ReportAtAsync(41.2855, 69.2080, "waste", "Chiqindi yana.");
        var geojson = await App.CreateClient().GetAsync($"/api/territories/{Mahalla("qatortol")}/boundary");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal("nearest_centre", before.Str("placedBy"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal("boundary", after.Str("placedBy"));
        Assert.Equal(Mahalla("qatortol").ToString(), after.Str("territoryId"));
        Assert.Equal(HttpStatusCode.OK, geojson.StatusCode);
        Assert.Contains("MultiPolygon", await geojson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/boundaries/{Mahalla("qatortol")}")).StatusCode);
    }

    [Theory]
    [InlineData("showname", "true", "showname", "validation.unknown_field")]
    [InlineData("answers[danger]x", "no", "answers[danger]x", "validation.unknown_field")]
    [InlineData("showName", "yes", "showName", "validation.expected_true_or_false")]
    [InlineData("description", "Ikkinchi tavsif.", "description", "validation.duplicate_field")]
    [InlineData("latitude", "40.1", "latitude", "validation.duplicate_field")]
    public async Task A_multipart_report_is_held_to_the_json_bodys_fields(string name, string value, string field, string code)
    {
        var citizen = await App.CitizenAsync();
        var before = await CountReportsAsync();
        using var form = WasteForm("Chiqindi uyumi.");
        form.Add(new StringContent(value), name);

        var response = await citizen.PostAsync("/api/reports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.ObjectAsync())["errorCodes"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task A_multipart_answer_to_a_question_of_several_values_is_the_one_field_that_repeats()
    {
        var citizen = await App.CitizenAsync();
        using var form = WasteForm("Chiqindi uyumi: qurilish qoldiqlari va eski mebel.");
        form.Add(new StringContent("construction"), "answers[kind]");
        form.Add(new StringContent("bulky"), "answers[kind]");

        var response = await citizen.PostAsync("/api/reports", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var shown = await App.CreateClient().PublicReportAsync(await response.ObjectAsync());
        Assert.Equal(["construction", "bulky"], shown["answers"]!["kind"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Photos_lose_their_location_and_camera_data_before_they_are_stored_or_shown()
    {
        var citizen = await App.CitizenAsync();
        using var form = WasteForm("Chiqindi uyumi, suratlari ilova qilindi.");
        foreach (var name in new[] { "gps.jpg", "gps.png", "gps.webp" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", name));
            Assert.NotEmpty(PhotoMetadata.Gps(bytes)); // the fixture really carries a position
            form.Add(new ByteArrayContent(bytes), "photos", name);
        }

        var response = await citizen.PostAsync("/api/reports", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var shown = await App.CreateClient().PublicReportAsync(await response.ObjectAsync());
        var urls = shown["photoUrls"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();

        Assert.Equal(3, urls.Count);
        foreach (var url in urls)
        {
            var photo = await App.CreateClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("nosniff", photo.Headers.GetValues("X-Content-Type-Options").Single());
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.Empty(PhotoMetadata.Gps(bytes));
            Assert.Empty(PhotoMetadata.Camera(bytes));
            Assert.DoesNotContain("secret comment", System.Text.Encoding.Latin1.GetString(bytes));
            Assert.DoesNotContain("xmpmeta", System.Text.Encoding.Latin1.GetString(bytes));
        }
    }

    [Fact]
    public async Task A_file_that_only_looks_like_a_photo_is_refused_and_nothing_is_saved()
    {
        var citizen = await App.CitizenAsync();
        var before = await CountReportsAsync();
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "<script>alert(1)</script>"u8];
        using var form = WasteForm("Chiqindi.");
        form.Add(new ByteArrayContent(fake), "photos", "photo.jpg");

        var response = await citizen.PostAsync("/api/reports", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reports.validation.photo_type", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task The_report_follows_its_request_when_staff_forward_it()
    {
        var citizen = await App.CitizenAsync();
        var filed = await citizen.ReportAtAsync(41.3265, 69.2790, "electricity", "Simlar uchqunlayapti.");
        var region = await App.SignedInAsync("demo-region");

        await region.ActOkAsync(filed, "forwarding", new { organizationId = MahallaApp.OrganizationId("roads"), reason = "Ustun yo'l chetida, yo'l xo'jaligiga tegishli." });

        var report = await App.WithDbAsync(db => db.Set<Report>().AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(filed.Str("id"))));
        var appealVersion = await App.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.Id == report.Id).Select(a => a.Version).SingleAsync());
        Assert.Equal(appealVersion, report.AppealVersion);
        Assert.Equal(MahallaApp.OrganizationId("roads"),
            await App.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.Id == report.Id).Select(a => a.ResponsibleOrganizationId).SingleAsync()));
        Assert.Equal("submitted", (await App.CreateClient().PublicReportAsync(filed)).Str("status"));
    }

    [Fact]
    public async Task A_retried_report_with_the_same_idempotency_key_files_once_and_the_key_cannot_be_reused_for_another()
    {
        var citizen = await App.NewCitizenAsync();
        var before = await CountReportsAsync();
        Task<HttpResponseMessage> Post(string description) =>
            citizen.PostJsonAsync("/api/reports", new { categoryCode = "waste", description, latitude = 41.3262, longitude = 69.2362 }, "retry-7f3a");

        var first = await (await Post("Chiqindi olib ketilmagan.")).ObjectAsync();
        var again = await (await Post("Chiqindi olib ketilmagan.")).ObjectAsync();
        var other = await Post("Boshqa muammo.");

        Assert.Equal(first.Str("trackingNumber"), again.Str("trackingNumber"));
        Assert.Equal(first.Str("accessCode"), again.Str("accessCode"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(before + 1, await CountReportsAsync());
    }

    /// <summary>A multipart report of waste at a point in Bodomzor, as a client that sends photos would start it.</summary>
    private static MultipartFormDataContent WasteForm(string description) => new()
    {
        { new StringContent("waste"), "categoryCode" },
        { new StringContent(description), "description" },
        { new StringContent("41.3262"), "latitude" },
        { new StringContent("69.2362"), "longitude" },
    };

    private async Task<(int Asked, int Notified)> WatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportWatch>().RunOnceAsync(CancellationToken.None);
    }

    private Task<int> CountReportsAsync() => App.WithDbAsync(db => db.Set<Report>().CountAsync());

    private Task<int> NotificationsAsync(JsonNode filed, string kind, Guid? userId = null) => App.WithDbAsync(db =>
        db.Notifications.CountAsync(n => n.AppealId == Guid.Parse(filed.Str("id")) && n.Kind == kind && (userId == null || n.UserId == userId)));

    private static async Task<string> UserNameOfAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/me")).ObjectAsync()).Str("userName");

    private static async Task<Guid> UserIdOfAsync(HttpClient client) =>
        Guid.Parse((await (await client.GetAsync("/api/me")).ObjectAsync()).Str("userId"));
}

public sealed class ReportsOnSqlite(SqliteApp app) : ReportsTests(app), IClassFixture<SqliteApp>;

public sealed class ReportsOnPostgres(PostgresApp app) : ReportsTests(app), IClassFixture<PostgresApp>;
