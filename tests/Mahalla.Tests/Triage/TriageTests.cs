using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.AppealInbox;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Modules.Triage.OnFiling;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mahalla.Tests.Triage;

/// <summary>Triage in the platform through HTTP, the same suite on SQLite and on PostgreSQL.</summary>
public abstract class TriageTests(MahallaApp app)
{
    private const string Lighting = "Ko'chamizdagi chiroqlar bir haftadan beri yonmayapti, kechasi juda qorong'i.";
    private const string Vague = "Assalomu alaykum. Savolim bor edi.";

    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task A_confident_request_is_routed_automatically_and_a_vague_one_waits_in_the_queue()
    {
        var citizen = await App.CitizenAsync();
        var minor = await App.MahallaIdAsync("minor");

        var confident = await FileWithoutTopicAsync(citizen, minor, Lighting);
        var vague = await FileWithoutTopicAsync(citizen, minor, Vague);

        Assert.Equal(MahallaApp.OrganizationId("obodon").ToString(), confident["responsibleOrganization"]!.Str("id"));
        Assert.Equal(MahallaApp.OrganizationId("minor").ToString(), vague["responsibleOrganization"]!.Str("id"));
        var queue = await QueueIdsAsync(await App.SignedInAsync("demo-region"));
        Assert.Contains(vague.Str("id"), queue);
        Assert.DoesNotContain(confident.Str("id"), queue);
        var assessment = await AssessmentAsync(App, Guid.Parse(confident.Str("id")));
        Assert.Equal(TriageDecision.AutoRouted, assessment.Decision);
        Assert.Equal("street-lighting", assessment.PredictedCategoryCode);
        Assert.True(assessment.Probability >= 0.85);
    }

    [Fact]
    public async Task A_citizens_category_routes_the_request_even_when_the_model_disagrees_and_staff_take_a_second_look()
    {
        var citizen = await App.CitizenAsync();

        var filed = await citizen.FileAsync("other", await App.MahallaIdAsync("qatortol"), Lighting);

        Assert.Equal(MahallaApp.OrganizationId("qatortol").ToString(), filed["responsibleOrganization"]!.Str("id"));
        Assert.Contains(filed.Str("id"), await QueueIdsAsync(await App.SignedInAsync("demo-region")));
    }

    [Fact]
    public async Task A_staff_decision_reclassifies_the_request_and_is_stored_as_a_labelled_example()
    {
        var citizen = await App.CitizenAsync();
        var filed = await FileWithoutTopicAsync(citizen, await App.MahallaIdAsync("qatortol"), Vague);
        var staff = await App.SignedInAsync("demo-region");

        var response = await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/decision", new { categoryCode = "water-supply" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await response.ObjectAsync();
        Assert.Equal(MahallaApp.OrganizationId("water").ToString(), decided.Str("organizationId"));
        Assert.Equal("decided", decided.Str("decision"));
        var appeal = await staff.GetAppealAsync(filed);
        Assert.Equal("water-supply", appeal.Str("categoryCode"));
        Assert.Contains(appeal["timeline"]!.AsArray(), e => e!.Str("kind") == "reclassified");
        Assert.DoesNotContain(filed.Str("id"), await QueueIdsAsync(staff));
        var example = await App.WithDbAsync(db => db.Set<TriageExample>().SingleAsync(e => e.AppealId == Guid.Parse(filed.Str("id"))));
        Assert.Equal(ExampleKind.Category, example.Kind);
        Assert.Equal("water-supply", example.Label);
        Assert.StartsWith(Vague, example.Text);

        var again = await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/decision", new { categoryCode = "water-supply" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Two_near_identical_reports_from_one_mahalla_form_one_group_of_two_people_and_a_different_problem_does_not()
    {
        var oybek = await App.MahallaIdAsync("oybek");
        var first = await (await App.CitizenAsync()).FileAsync("water-supply", oybek, "Oybek ko'chasi 12-uy oldida suv quvuri yorilib ketdi, suv oqib yotibdi, uch kundan beri hech kim kelmadi.");
        var neighbour = await RegisterAndSignInAsync();
        var second = await neighbour.FileAsync("water-supply", oybek, "Oybek ko'chasi 12 uy oldida suv quvuri yorilib ketgan, suv oqyapti, uch kundan beri hech kim kelmayapti!");
        var different = await neighbour.FileAsync("water-supply", oybek, "Hovlimizdagi ichimlik suvi hisoblagichi noto'g'ri hisoblayapti, to'lov juda ko'payib ketdi.");
        var staff = await App.SignedInAsync("demo-region");

        var group = await (await staff.GetAsync($"/api/triage/assessments/{second.Str("id")}/group")).ObjectAsync();

        Assert.Equal(first.Str("id"), group.Str("masterId"));
        Assert.Equal(2, group["affectedPeople"]!.GetValue<int>());
        Assert.Equal([first.Str("id"), second.Str("id")], group["members"]!.AsArray().Select(m => m!.Str("appealId")));
        var alone = await (await staff.GetAsync($"/api/triage/assessments/{different.Str("id")}/group")).ObjectAsync();
        Assert.Equal(different.Str("id"), alone.Str("masterId"));
        Assert.Single(alone["members"]!.AsArray());

        var split = await staff.PostAsync($"/api/triage/assessments/{second.Str("id")}/split", null);
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.Single((await split.ObjectAsync())["members"]!.AsArray());
        var merged = await staff.PostAsJsonAsync($"/api/triage/assessments/{different.Str("id")}/merge", new { otherAppealId = first.Str("id") });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(first.Str("id"), (await merged.ObjectAsync()).Str("masterId"));
        var kinds = await App.WithDbAsync(db => db.Set<TriageExample>()
            .Where(e => e.AppealId == Guid.Parse(second.Str("id")) || e.AppealId == Guid.Parse(different.Str("id"))).Select(e => e.Kind).ToListAsync());
        Assert.Equal([ExampleKind.Merge, ExampleKind.Split], kinds.Order());
    }

    [Fact]
    public async Task A_request_joins_a_group_through_its_master_and_a_rewording_of_a_member_alone_starts_its_own()
    {
        // a, b, c: each shares two of its three parts with the next, so c resembles b but not a (ADR 0055).
        var street = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var (x, y, z, w, v) = ($"{street} ko'chasidagi yo'l o'rtasida katta chuqur paydo bo'ldi", "mashinalar aylanib o'tolmayapti va tirbandlik",
            $"{street} bekatigacha piyodalar yo'lagi ham buzilgan", "kechasi chiroq yo'q, odamlar yiqilib tushmoqda", "maktab o'quvchilari avtobusga kechikmoqda");
        var mahalla = await App.MahallaIdAsync("bodomzor");
        var a = await (await App.CitizenAsync()).FileAsync("roads", mahalla, $"{x}, {y}, {z}.");
        var b = await (await RegisterAndSignInAsync()).FileAsync("roads", mahalla, $"{y}, {z}, {w}.");
        var c = await (await RegisterAndSignInAsync()).FileAsync("roads", mahalla, $"{z}, {w}, {v}.");
        var staff = await App.SignedInAsync("demo-region");

        var group = await (await staff.GetAsync($"/api/triage/assessments/{b.Str("id")}/group")).ObjectAsync();
        Assert.Equal(a.Str("id"), group.Str("masterId"));
        Assert.Equal([a.Str("id"), b.Str("id")], group["members"]!.AsArray().Select(m => m!.Str("appealId")));
        Assert.Equal(c.Str("id"), (await (await staff.GetAsync($"/api/triage/assessments/{c.Str("id")}/group")).ObjectAsync()).Str("masterId"));
    }

    [Fact]
    public async Task A_request_joins_only_a_master_of_its_own_category_filed_within_the_duplicate_window()
    {
        var street = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        string Text(string tail) => $"{street} ko'chasida ichimlik suvi quvuri yorilib ketdi, suv oqib yotibdi, hech kim kelmadi {tail}";
        var mahalla = await App.MahallaIdAsync("bodomzor");
        var window = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mahalla.Web.Modules.Triage.TriageOptions>>().Value.DuplicateWindow;
        var staff = await App.SignedInAsync("demo-region");
        async Task<string> MasterOfAsync(JsonObject filed) =>
            (await (await staff.GetAsync($"/api/triage/assessments/{filed.Str("id")}/group")).ObjectAsync()).Str("masterId");
        Task FiledEarlierAsync(JsonObject filed, TimeSpan by) => App.WithDbAsync(async db =>
        {
            var id = Guid.Parse(filed.Str("id"));
            var at = await db.Set<TriageAssessment>().Where(x => x.AppealId == id).Select(x => x.FiledAtUtc).SingleAsync();
            return await db.Set<TriageAssessment>().Where(x => x.AppealId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.FiledAtUtc, at - by));
        });

        var first = await (await App.CitizenAsync()).FileAsync("water-supply", mahalla, Text("."));
        await FiledEarlierAsync(first, window);
        var atTheEdge = await (await RegisterAndSignInAsync()).FileAsync("water-supply", mahalla, Text("!"));
        Assert.Equal(first.Str("id"), await MasterOfAsync(atTheEdge));

        await FiledEarlierAsync(first, TimeSpan.FromMinutes(1));
        var outside = await (await RegisterAndSignInAsync()).FileAsync("water-supply", mahalla, Text("!!"));
        Assert.Equal(outside.Str("id"), await MasterOfAsync(outside));

        var otherCategory = await (await RegisterAndSignInAsync()).FileAsync("roads", mahalla, Text("?"));
        Assert.Equal(otherCategory.Str("id"), await MasterOfAsync(otherCategory));
        var joiner = await (await RegisterAndSignInAsync()).FileAsync("water-supply", mahalla, Text("..."));
        Assert.Equal(outside.Str("id"), await MasterOfAsync(joiner));
    }

    [Fact]
    public async Task A_group_counts_each_request_and_each_person_once_as_requests_join_and_staff_split_and_merge()
    {
        var street = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var text = $"{street} ko'chasida uch kundan beri chiqindi olib ketilmayapti, konteynerlar to'lib ketgan, hid chiqyapti.";
        var mahalla = await App.MahallaIdAsync("bodomzor");
        var citizen = await App.CitizenAsync();
        var first = await citizen.FileAsync("waste", mahalla, text);
        var again = await citizen.FileAsync("waste", mahalla, text + " Iltimos!");
        var neighbour = await (await RegisterAndSignInAsync()).FileAsync("waste", mahalla, text);
        var staff = await App.SignedInAsync("demo-region");
        async Task<(int Size, int People)> CountsAsync(JsonObject filed)
        {
            var item = (await (await staff.GetAsync("/api/inbox?category=waste")).ObjectAsync())["items"]!.AsArray().Single(i => i!.Str("id") == filed.Str("id"))!;
            return (item["triage"]!["groupSize"]!.GetValue<int>(), item["triage"]!["affectedPeople"]!.GetValue<int>());
        }

        Assert.Equal((3, 2), await CountsAsync(again));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/triage/assessments/{first.Str("id")}/split", null)).StatusCode);
        Assert.Equal((1, 1), await CountsAsync(first));
        Assert.Equal((2, 2), await CountsAsync(neighbour));
        var merged = await staff.PostAsJsonAsync($"/api/triage/assessments/{neighbour.Str("id")}/merge", new { otherAppealId = first.Str("id") });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(2, (await merged.ObjectAsync())["affectedPeople"]!.GetValue<int>());
        Assert.Equal((3, 2), await CountsAsync(again));
    }

    [Fact]
    public async Task Counting_a_joiner_on_its_master_adds_an_anonymous_request_as_a_person_and_a_known_applicant_once()
    {
        var master = await FileAloneAsync();
        var masterId = master.AppealId;
        TriageAssessment Joiner(Guid? applicant) => JoinerOf(master, applicant);

        // Each in its own committed transaction, as in filing; nothing else is saved, so the group's members stay the master alone.
        Task<bool> CountAsync(TriageAssessment joiner) => App.InTransactionAsync(db => DuplicateGroups.CountJoinerAsync(db, joiner, CancellationToken.None));

        Assert.True(await CountAsync(Joiner(null)));
        Assert.True(await CountAsync(Joiner(master.ApplicantUserId)));
        Assert.True(await CountAsync(Joiner(Guid.NewGuid())));

        var counted = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == masterId));
        Assert.Equal((4, 3), (counted.GroupSize, counted.GroupPeople));
        Assert.Equal(master.Version + 3, counted.Version);
        // A master that is no longer one (merged or split meanwhile) counts nothing.
        var orphan = Joiner(null);
        orphan.JoinGroup(Guid.NewGuid());
        Assert.False(await CountAsync(orphan));
        // Outside a transaction the count is refused before it touches anything: it must commit or roll back with the filing.
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(db => DuplicateGroups.CountJoinerAsync(db, Joiner(null), CancellationToken.None)));
        var after = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == masterId));
        Assert.Equal((4, 3, counted.Version), (after.GroupSize, after.GroupPeople, after.Version));
    }

    [Fact]
    public async Task Two_requests_by_one_applicant_joining_a_group_at_the_same_moment_count_the_applicant_once()
    {
        var master = await FileAloneAsync();
        var masterId = master.AppealId;
        var applicant = Guid.NewGuid();
        var (first, second) = (JoinerOf(master, applicant), JoinerOf(master, applicant));
        using var scopeA = App.Services.CreateScope();
        using var scopeB = App.Services.CreateScope();
        var (a, b) = (scopeA.ServiceProvider.GetRequiredService<MahallaDb>(), scopeB.ServiceProvider.GetRequiredService<MahallaDb>());
        try
        {
            // The first joins and is saved but not yet committed when the second starts to join.
            await using (var txA = await a.Database.BeginTransactionAsync())
            {
                Assert.True(await DuplicateGroups.CountJoinerAsync(a, first, CancellationToken.None));
                a.Add(first);
                await a.SaveChangesAsync();
                var secondJoins = Task.Run(async () =>
                {
                    await using var txB = await b.Database.BeginTransactionAsync();
                    var joined = await DuplicateGroups.CountJoinerAsync(b, second, CancellationToken.None);
                    b.Add(second);
                    await b.SaveChangesAsync();
                    await txB.CommitAsync();
                    return joined;
                });
                await WaitUntilWaitingForTheMasterAsync(secondJoins);
                Assert.False(secondJoins.IsCompleted, "the second request must wait for the first one's transaction");
                await txA.CommitAsync();
                Assert.True(await secondJoins.WaitAsync(TimeSpan.FromSeconds(30)));
            }

            var counted = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == masterId));
            Assert.Equal((3, 2), (counted.GroupSize, counted.GroupPeople)); // the master's citizen and the applicant, once
        }
        finally
        {
            await App.WithDbAsync(db => db.Set<TriageAssessment>().Where(x => x.AppealId == first.AppealId || x.AppealId == second.AppealId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task A_group_commit_counts_its_joiners_once_per_group_and_leaves_alone_those_whose_master_is_no_longer_one()
    {
        var master = await FileAloneAsync();
        var gone = await FileAloneAsync();
        var (masterId, goneId) = (master.AppealId, gone.AppealId);
        // Staff merged the second group into another meanwhile: its first request is no longer a master.
        await App.WithDbAsync(db => db.Set<TriageAssessment>().Where(x => x.AppealId == goneId).ExecuteUpdateAsync(s => s.SetProperty(x => x.GroupId, Guid.NewGuid())));
        var (newcomer, other) = (Guid.NewGuid(), Guid.NewGuid());
        TriageAssessment[] joiners =
        [
            JoinerOf(master, null), JoinerOf(master, master.ApplicantUserId), JoinerOf(master, newcomer), JoinerOf(gone, newcomer),
            JoinerOf(master, newcomer), JoinerOf(master, other), JoinerOf(gone, null),
        ];
        var ids = joiners.Select(j => j.AppealId).ToList();
        var unitsWithoutPass = 0;

        // Each unit records its assessment as filing does (FilingTriage.RecordAsync).
        var units = joiners.Select(joiner => new GroupCommit.Unit<bool>(async (_, db) =>
        {
            unitsWithoutPass += db.Pass is null ? 1 : 0;
            await DuplicateGroups.JoinAsync(db, joiner, CancellationToken.None);
            db.Add(joiner);
            return true;
        }, CancellationToken.None)).ToList();
        try
        {
            await App.Services.GetRequiredService<GroupCommit>().SaveBatchAsync(units);
            Assert.All(await Task.WhenAll(units.Select(u => u.Task)), Assert.True);
            Assert.Equal(0, unitsWithoutPass); // every unit ran in the first pass, which counts after its last unit

            var saved = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().Where(x => ids.Contains(x.AppealId)).ToDictionaryAsync(x => x.AppealId));
            var counted = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == masterId));
            // Five joined: the anonymous request, the master's own citizen (already a member), the newcomer twice (once a person)
            // and the other applicant. People: the master's citizen, the anonymous request, the newcomer and the other.
            Assert.Equal((6, 4, master.Version + 5), (counted.GroupSize, counted.GroupPeople, counted.Version));
            Assert.All(joiners.Where(j => j.GroupId == masterId), j => Assert.Equal(masterId, saved[j.AppealId].GroupId));
            // The two that joined the former master stay alone, each a group of one; the former master counts nothing.
            Assert.All(joiners.Where(j => j.GroupId == goneId), j => Assert.Equal((j.AppealId, 1, 1), (saved[j.AppealId].GroupId, saved[j.AppealId].GroupSize, saved[j.AppealId].GroupPeople)));
            var formerMaster = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == goneId));
            Assert.Equal((1, 1), (formerMaster.GroupSize, formerMaster.GroupPeople));
        }
        finally
        {
            await App.WithDbAsync(db => db.Set<TriageAssessment>().Where(x => ids.Contains(x.AppealId)).ExecuteDeleteAsync());
        }
    }

    /// <summary>
    /// Files a waste complaint that resembles no earlier request (its words are random), so that it starts a group of
    /// its own whichever of the class's tests ran before; returns its assessment, the group's master.
    /// </summary>
    private async Task<TriageAssessment> FileAloneAsync()
    {
        static string Word() => string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));
        var filed = await (await App.CitizenAsync()).FileAsync("waste", await App.MahallaIdAsync("bodomzor"),
            $"{Word()} {Word()} {Word()} {Word()} {Word()} {Word()} {Word()} {Word()}.");
        var id = Guid.Parse(filed.Str("id"));
        var master = await App.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == id));
        Assert.Equal((id, 1, 1), (master.GroupId, master.GroupSize, master.GroupPeople));
        return master;
    }

    /// <summary>An assessment of a new request by <paramref name="applicant"/> that joins <paramref name="master"/>'s group (not saved).</summary>
    private static TriageAssessment JoinerOf(TriageAssessment master, Guid? applicant)
    {
        var joiner = new TriageAssessment(Guid.CreateVersion7(), master.TerritoryId, applicant, master.FiledAtUtc, null, master.PredictedCategoryCode,
            master.Probability, master.SuggestedOrganizationId, master.UrgencyLevel, "[]", "", "[]", master.Language, master.Signature, master.ModelName,
            TriageDecision.CitizenChose);
        joiner.JoinGroup(master.AppealId);
        return joiner;
    }

    /// <summary>
    /// PostgreSQL: until the second transaction's statement waits for the master's row lock. SQLite: writers
    /// take turns at the process's write gate, so the second waits before its first statement; a moment is enough.
    /// </summary>
    private async Task WaitUntilWaitingForTheMasterAsync(Task second)
    {
        if (App.Provider != Provider.Postgres)
        {
            await Task.Delay(200);
            return;
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!second.IsCompleted && DateTime.UtcNow < deadline)
        {
            var waiting = await App.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
                """SELECT COUNT(*)::int AS "Value" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%GroupSize%'""").SingleAsync());
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task The_inbox_shows_a_gas_leak_flag_with_its_evidence_the_summary_and_the_group()
    {
        var citizen = await App.CitizenAsync();
        var filed = await citizen.FileAsync("gas-supply", await App.MahallaIdAsync("bodomzor"), "Uyimizda gaz hidi kelyapti, qo'shnilar ham sezyapti.");
        var staff = await App.SignedInAsync("demo-region");

        var inbox = await (await staff.GetAsync("/api/inbox?category=gas-supply")).ObjectAsync();

        var item = inbox["items"]!.AsArray().Single(i => i!.Str("id") == filed.Str("id"))!;
        var triage = item["triage"]!;
        Assert.Equal("critical", triage.Str("urgencyLevel"));
        var flag = triage["flags"]!.AsArray().Single(f => f!.Str("kind") == "gas_leak")!;
        Assert.True(flag["isDanger"]!.GetValue<bool>());
        Assert.Contains(flag["evidence"]!.AsArray(), w => w!.GetValue<string>().StartsWith("gaz", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(triage.Str("summary")));
        Assert.Equal(1, triage["affectedPeople"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_inbox_page_is_the_json_the_apps_web_options_write_and_openapi_describes_it()
    {
        var citizen = await App.CitizenAsync();
        await citizen.FileAsync("gas-supply", await App.MahallaIdAsync("bodomzor"), "Uyimizda gaz hidi kelyapti, \"qo'shnilar\" ham sezyapti <b>tez</b>!");
        var staff = await App.SignedInAsync("demo-region");

        var response = await staff.GetAsync("/api/inbox?category=gas-supply&status=all");
        var raw = await response.Content.ReadAsStringAsync();

        // Written by the generated code (GeneratedJson): the same bytes as the app's JSON options write for every other
        // answer (TypedResults.Ok), relaxed escaping included: the apostrophe in "Gaz ta'minoti" stays as it is.
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var apps = App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var page = JsonSerializer.Deserialize<InboxResult>(raw, JsonSerializerOptions.Web)!;
        Assert.Contains(page.Items, i => i.Triage is { Flags.Count: > 0 });
        Assert.Equal(JsonSerializer.Serialize(page, apps), raw);
        Assert.Contains("ta'minoti", raw);

        var openApi = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var ok = openApi["paths"]!["/api/inbox"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("#/components/schemas/InboxResult", ok.Str("$ref"));
    }

    [Fact]
    public async Task Urgency_corrections_are_stored_and_bad_values_are_refused()
    {
        var filed = await (await App.CitizenAsync()).FileAsync("roads", await App.MahallaIdAsync("minor"), "Yo'limizda katta chuqur bor, mashinalar o'tolmayapti.");
        var staff = await App.SignedInAsync("demo-region");

        var bad = await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/urgency", new { level = "apocalyptic" });
        var good = await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/urgency", new { level = "high" });
        var same = await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/urgency", new { level = "high" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("high", (await good.ObjectAsync()).Str("urgencyLevel"));
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal("application/problem+json", same.Content.Headers.ContentType?.MediaType);
        Assert.True(await App.WithDbAsync(db => db.Set<TriageExample>().AnyAsync(e => e.AppealId == Guid.Parse(filed.Str("id")) && e.Kind == ExampleKind.Urgency && e.Label == "high")));
    }

    [Fact]
    public async Task Bad_decisions_are_refused_with_problem_details()
    {
        var filed = await FileWithoutTopicAsync(await App.CitizenAsync(), await App.MahallaIdAsync("chorsu"), Vague);
        var staff = await App.SignedInAsync("demo-region");
        var url = $"/api/triage/assessments/{filed.Str("id")}";

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"{url}/decision", new { categoryCode = "no-such-topic" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"{url}/decision", new { categoryCode = "roads", organizationId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/triage/assessments/{Guid.NewGuid()}/decision", new { categoryCode = "roads" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"{url}/merge", new { otherAppealId = filed.Str("id") })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"{url}/split", null)).StatusCode);
        var outOfScope = await (await App.SignedInAsync("demo-operator")).PostAsJsonAsync($"{url}/decision", new { categoryCode = "roads" });
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Contains(filed.Str("id"), await QueueIdsAsync(staff));
    }

    [Fact]
    public async Task The_queue_is_for_staff_and_models_are_for_administrators()
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/triage/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/triage/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/triage/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/triage/models")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/triage/models", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedInAsync("demo-admin")).GetAsync("/api/triage/queue")).StatusCode);
    }

    internal static async Task<JsonObject> FileWithoutTopicAsync(HttpClient citizen, Guid mahalla, string text)
    {
        var response = await citizen.PostAsJsonAsync("/api/appeals", new { type = "complaint", territoryId = mahalla, text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ObjectAsync();
    }

    private static async Task<List<string>> QueueIdsAsync(HttpClient staff)
    {
        var response = await staff.GetAsync("/api/triage/queue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ObjectAsync())["items"]!.AsArray().Select(i => i!.Str("appealId")).ToList();
    }

    internal static Task<TriageAssessment> AssessmentAsync(MahallaApp app, Guid appealId) =>
        app.WithDbAsync(db => db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == appealId));

    private async Task<HttpClient> RegisterAndSignInAsync()
    {
        var phone = $"+99893{Random.Shared.Next(1000000, 9999999)}";
        var registered = await App.CreateClient().PostAsJsonAsync("/api/auth/register", new { login = phone, password = MahallaApp.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await App.SignedInAsync(phone);
    }
}

/// <summary>
/// Retraining on its own app: promoting a model changes what every later filing sees, so it must not
/// share an app with the routing tests.
/// </summary>
public abstract class TriageModelTests(MahallaApp app)
{
    private const string Lighting = "Ko'chamizdagi chiroqlar bir haftadan beri yonmayapti, kechasi juda qorong'i.";

    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task An_administrator_retrains_from_corrections_compares_held_out_figures_and_promotes()
    {
        var filed = await TriageTests.FileWithoutTopicAsync(await App.CitizenAsync(), await App.MahallaIdAsync("qatortol"), "Mahallamizda yoshlar uchun sport maydonchasi kerak, bolalar ko'chada o'ynayapti.");
        var staff = await App.SignedInAsync("demo-region");
        await staff.PostAsJsonAsync($"/api/triage/assessments/{filed.Str("id")}/decision", new { categoryCode = "greenery" });
        var admin = await App.SignedInAsync("demo-admin");

        var trained = await admin.PostAsync("/api/triage/models", null);

        Assert.Equal(HttpStatusCode.Created, trained.StatusCode);
        var candidate = await trained.ObjectAsync();
        Assert.Equal("candidate", candidate.Str("status"));
        Assert.True(candidate["correctionExamples"]!.GetValue<int>() >= 1);
        Assert.InRange(candidate["heldOut"]!["accuracy"]!.GetValue<double>(), 0.5, 1.0);
        Assert.InRange(candidate["comparedHeldOut"]!["accuracy"]!.GetValue<double>(), 0.5, 1.0);
        Assert.Equal("mahalla-seed", candidate.Str("comparedWith"));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/triage/models", null)).StatusCode);

        var promoted = await admin.PostAsync($"/api/triage/models/{candidate.Str("id")}/promotion", null);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var overview = await (await admin.GetAsync("/api/triage/models")).ObjectAsync();
        Assert.Equal(candidate.Str("name"), overview.Str("activeName"));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/triage/models/{candidate.Str("id")}/discard", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/triage/models/{Guid.NewGuid()}/promotion", null)).StatusCode);
        var afterwards = await TriageTests.FileWithoutTopicAsync(await App.CitizenAsync(), await App.MahallaIdAsync("qatortol"), Lighting);
        Assert.Equal(candidate.Str("name"), (await TriageTests.AssessmentAsync(App, Guid.Parse(afterwards.Str("id")))).ModelName);
    }

    /// <summary>
    /// "Retrain" pressed three times at once: each looks for a candidate before it trains, none finds one, and all three
    /// train; the database keeps one candidate and the others hear why (ADR 0081).
    /// </summary>
    [Fact]
    public async Task Retrain_pressed_three_times_at_once_keeps_one_candidate()
    {
        var admin = await App.SignedInAsync("demo-admin", "ru");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => admin.PostAsync("/api/triage/models", null)));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r != created))
        {
            var problem = await refused.ObjectAsync();
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("triage.rule.decide_the_candidate_first", problem.Str("code"));
            Assert.Equal(new TextCatalog().Get("ru", "triage.rule.decide_the_candidate_first"), problem.Str("detail"));
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.Set<TriageModel>().CountAsync(m => m.Status == ModelStatus.Candidate)));
        // Decided, so that the class's other test starts, as a fresh site does, with no candidate.
        var candidate = await created.ObjectAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/triage/models/{candidate.Str("id")}/discard", null)).StatusCode);
    }
}

/// <summary>The real app with fewer training epochs, so that the retrain test stays quick.</summary>
public class TriageApp(Provider provider) : MahallaApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Triage:RetrainEpochs", "3");
    }
}

public sealed class TriageSqliteApp() : TriageApp(Provider.Sqlite);

public sealed class TriagePostgresApp() : TriageApp(Provider.Postgres);

public sealed class TriageOnSqlite(SqliteApp app) : TriageTests(app), IClassFixture<SqliteApp>;

public sealed class TriageOnPostgres(PostgresApp app) : TriageTests(app), IClassFixture<PostgresApp>;

public sealed class TriageModelsOnSqlite(TriageSqliteApp app) : TriageModelTests(app), IClassFixture<TriageSqliteApp>;

public sealed class TriageModelsOnPostgres(TriagePostgresApp app) : TriageModelTests(app), IClassFixture<TriagePostgresApp>;
