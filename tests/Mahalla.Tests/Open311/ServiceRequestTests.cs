using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Open311.Tokens;
using Mahalla.Web.Modules.Reports.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Open311;

/// <summary>The GeoReport API at work: services in every language, posting and reading back, tokens, jurisdictions, updates.</summary>
public abstract class ServiceRequestTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    private HttpClient Client => App.CreateClient();

    [Fact]
    public async Task Services_are_the_reportable_categories_named_in_the_language_asked_for()
    {
        var reportable = await App.WithDbAsync(db => db.Set<ReportCategory>().Where(c => c.IsReportable).Select(c => c.CategoryCode).ToListAsync());

        var uzbek = (await (await Client.GetAsync($"{Open311Api.Base}/services.json")).JsonAsync()).AsArray();
        var russian = (await (await Client.GetAsync($"{Open311Api.Base}/services.json?locale=ru")).JsonAsync()).AsArray();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Open311Api.Base}/services.xml");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await (await Client.SendAsync(request)).XmlAsync();

        Assert.Equal(reportable.Order(StringComparer.Ordinal), uzbek.Select(s => s!.Str("service_code")).Order(StringComparer.Ordinal));
        var roads = uzbek.Single(s => s!.Str("service_code") == "roads")!;
        Assert.Equal("Yo'llar va piyodalar yo'laklari", roads.Str("service_name"));
        Assert.True(roads["metadata"]!.GetValue<bool>());
        Assert.Equal("realtime", roads.Str("type"));
        Assert.Contains("Roads and pavements", roads.Str("keywords"), StringComparison.Ordinal);
        Assert.Equal("Koʻchalar va transport", roads.Str("group"));
        Assert.Equal("Дороги и тротуары", russian.Single(s => s!.Str("service_code") == "roads")!.Str("service_name"));
        Assert.Equal("Roads and pavements", english.Elements("service").Single(s => s.Element("service_code")!.Value == "roads").Element("service_name")!.Value);
        var other = uzbek.Single(s => s!.Str("service_code") == "other")!;
        Assert.Equal("batch", other.Str("type"));
        Assert.False(other["metadata"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_definition_gives_list_values_for_list_attributes_only_in_the_order_to_ask_them()
    {
        var waste = await (await Client.GetAsync($"{Open311Api.Base}/services/waste.json?locale=en")).JsonAsync();
        var lighting = await (await Client.GetAsync($"{Open311Api.Base}/services/street-lighting.xml")).XmlAsync();
        var other = await (await Client.GetAsync($"{Open311Api.Base}/services/other.json")).JsonAsync();

        var kind = Assert.Single(waste["attributes"]!.AsArray())!;
        Assert.Equal("multivaluelist", kind.Str("datatype"));
        Assert.Equal("Choose one or more of the values.", kind.Str("datatype_description"));
        Assert.Equal(["household", "construction", "leaves", "bulky"], kind["values"]!.AsArray().Select(v => v!.Str("key")));
        Assert.Equal("Leaves and branches", kind["values"]![2]!.Str("name"));
        var attributes = lighting.Element("attributes")!.Elements("attribute").ToList();
        Assert.Equal(["pole_number", "extent"], attributes.Select(a => a.Element("code")!.Value));
        Assert.Equal(["1", "2"], attributes.Select(a => a.Element("order")!.Value));
        Assert.Null(attributes[0].Element("values"));
        Assert.Equal("string", attributes[0].Element("datatype")!.Value);
        Assert.Equal(["false", "true"], attributes.Select(a => a.Element("required")!.Value));
        Assert.Equal(3, attributes[1].Element("values")!.Elements("value").Count());
        Assert.Empty(other["attributes"]!.AsArray());
    }

    [Fact]
    public async Task A_posted_request_reads_back_as_it_was_filed_in_both_formats_and_in_the_list()
    {
        var (_, key) = await App.IssueKeyAsync();
        var filedAt = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var id = await Client.FilePotholeAsync(key);

        var json = (await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.json")).JsonAsync())[0]!;
        var xml = (await (await Client.GetAsync($"{Open311Api.Base}/requests/{id.ToLowerInvariant()}.xml")).XmlAsync()).Element("request")!;

        Assert.Equal(id, json.Str("service_request_id"));
        Assert.Equal("open", json.Str("status"));
        Assert.Equal("roads", json.Str("service_code"));
        Assert.Equal("Yo'llar va piyodalar yo'laklari", json.Str("service_name"));
        Assert.Equal("Yoʻlda katta chuqur bor, mashinalar aylanib oʻtyapti.", json.Str("description"));
        Assert.Equal("Toshkent shahar yo'l xo'jaligi boshqarmasi", json.Str("agency_responsible"));
        Assert.Equal(filedAt, json.Str("requested_datetime"));
        Assert.Equal(filedAt, json.Str("updated_datetime"));
        Assert.Matches(@"^2026-1[12]-\d\dT23:59:59\+05:00$", json.Str("expected_datetime"));
        Assert.StartsWith("Bodomzor, ", json.Str("address"), StringComparison.Ordinal);
        Assert.Equal(41.339, json["lat"]!.GetValue<double>());
        Assert.Equal(69.284, json["long"]!.GetValue<double>());
        Assert.Equal((await App.MahallaIdAsync()).ToString(), json.Str("address_id"));
        Assert.Null(json["zipcode"]);
        foreach (var field in new[] { "service_request_id", "status", "description", "requested_datetime", "address", "lat", "long" })
        {
            Assert.Equal(json[field]!.ToString(), xml.Element(field)!.Value);
        }

        Assert.Contains(id, await ListAsync(""));
        Assert.Contains(id, await ListAsync("service_code=roads,waste&status=open"));
        Assert.DoesNotContain(id, await ListAsync("service_code=waste"));
        Assert.DoesNotContain(id, await ListAsync("status=closed"));
        Assert.Contains(id, await ListAsync("status=&service_code="));
    }

    [Fact]
    public async Task Values_of_a_multivaluelist_are_filed_as_a_list()
    {
        var (_, key) = await App.IssueKeyAsync();

        var response = await Client.PostRequestAsync("json", ("api_key", key), ("service_code", "waste"),
            ("lat", Open311Api.Bodomzor.Lat), ("long", Open311Api.Bodomzor.Long), ("description", "Axlat uyumi"),
            ("attribute[kind][]", "household"), ("attribute[kind][]", "leaves"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.ArrayAsync())[0]!.Str("service_request_id");
        Assert.Equal("""{"kind":["household","leaves"]}""", await AnswersAsync(id));
    }

    [Fact]
    public async Task A_mahalla_named_by_address_id_places_a_report_without_a_point()
    {
        var (_, key) = await App.IssueKeyAsync();
        var bodomzor = await App.MahallaIdAsync();

        var response = await Client.PostRequestAsync("json", ("api_key", key), ("service_code", "street-lighting"),
            ("address_id", bodomzor.ToString()), ("address_string", "Amir Temur shoh koʻchasi, 107-uy oldida"), ("attribute[extent]", "street"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.ArrayAsync())[0]!.Str("service_request_id");
        var read = (await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.json")).JsonAsync())[0]!;
        Assert.StartsWith("Amir Temur shoh koʻchasi, 107-uy oldida, Bodomzor, ", read.Str("address"), StringComparison.Ordinal);
        Assert.Equal(bodomzor.ToString(), read.Str("address_id"));
        Assert.Null(read["lat"]);
        Assert.Equal("Ko'cha yoritilishi", read.Str("description"));
    }

    [Fact]
    public async Task A_district_s_soato_code_is_a_jurisdiction_for_posting_and_reading()
    {
        var (_, key) = await App.IssueKeyAsync();
        var inYunusobod = await Client.FilePotholeAsync(key, ("jurisdiction_id", Open311Api.YunusobodSoato));

        var outside = await Client.PostRequestAsync("json", ("api_key", key), ("jurisdiction_id", Open311Api.YunusobodSoato), ("service_code", "roads"),
            ("lat", Open311Api.Chorsu.Lat), ("long", Open311Api.Chorsu.Long), ("attribute[danger]", "no"));

        Assert.Contains(await outside.ErrorsAsync(HttpStatusCode.BadRequest, "json"), e => e.Description == "lat/long: the point is outside jurisdiction_id.");
        Assert.Contains(inYunusobod, await ListAsync($"jurisdiction_id={Open311Api.YunusobodSoato}"));
        Assert.Contains(inYunusobod, await ListAsync("jurisdiction_id=mahalla.uz"));
        Assert.DoesNotContain(inYunusobod, await ListAsync("jurisdiction_id=1726277"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Open311Api.Base}/requests/{inYunusobod}.json?jurisdiction_id=1726277")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"{Open311Api.Base}/requests/{inYunusobod}.json?jurisdiction_id=1726")).StatusCode);
    }

    [Fact]
    public async Task A_batch_service_answers_a_token_that_gives_the_request_once_the_queue_has_filed_it()
    {
        var (_, key) = await App.IssueKeyAsync();
        var posted = await Client.PostRequestAsync("xml", ("api_key", key), ("service_code", "other"),
            ("lat", Open311Api.Chorsu.Lat), ("long", Open311Api.Chorsu.Long), ("description", "Bolalar maydonchasida arg'imchoq singan."),
            ("media_url", "https://example.org/photos/swing.jpg"));
        var answer = (await posted.XmlAsync()).Element("request")!;
        var token = answer.Element("token")!.Value;
        Assert.Null(answer.Element("service_request_id"));

        var waiting = (await (await Client.GetAsync($"{Open311Api.Base}/tokens/{token}.json")).JsonAsync())[0]!;
        Assert.Null(waiting["service_request_id"]);
        Assert.Equal(token, waiting.Str("token"));
        Assert.True(await App.Services.GetRequiredService<SubmissionQueue>().ProcessAsync(TestContext.Current.CancellationToken) >= 1);
        var filed = (await (await Client.GetAsync($"{Open311Api.Base}/tokens/{token}.xml")).XmlAsync()).Element("request")!;

        var id = filed.Element("service_request_id")!.Value;
        Assert.StartsWith("R-", id, StringComparison.Ordinal);
        var read = (await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal("other", read.Str("service_code"));
        Assert.Equal("Bolalar maydonchasida arg'imchoq singan.", read.Str("description"));
        var submission = await App.WithDbAsync(db => db.Set<Open311Submission>().AsNoTracking().SingleAsync(s => s.Token == token));
        Assert.Equal(SubmissionState.Filed, submission.State);
        Assert.Null(submission.RequestJson);
        Assert.Equal("https://example.org/photos/swing.jpg", submission.MediaUrl);
        Assert.Equal(0, await App.Services.GetRequiredService<SubmissionQueue>().ProcessAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_queued_request_that_can_no_longer_be_filed_is_rejected_and_its_token_says_why()
    {
        var (_, key) = await App.IssueKeyAsync();
        var posted = await Client.PostRequestAsync("json", ("api_key", key), ("service_code", "other"),
            ("lat", Open311Api.Bodomzor.Lat), ("long", Open311Api.Bodomzor.Long), ("description", "Skameyka singan."));
        var token = (await posted.ArrayAsync())[0]!.Str("token");
        var admin = await App.SignedInAsync("demo-admin");
        Assert.True((await admin.PutAsJsonAsync("/api/admin/report-categories/other", new { isReportable = false, nearbyRadiusMeters = 50, realtime = false })).IsSuccessStatusCode);
        try
        {
            await App.Services.GetRequiredService<SubmissionQueue>().ProcessAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            Assert.True((await admin.PutAsJsonAsync("/api/admin/report-categories/other", new { isReportable = true, nearbyRadiusMeters = 50, realtime = false })).IsSuccessStatusCode);
        }

        var response = await Client.GetAsync($"{Open311Api.Base}/tokens/{token}.json");

        var error = Assert.Single(await response.ErrorsAsync(HttpStatusCode.NotFound, "json"));
        Assert.Contains("was not filed", error.Description, StringComparison.Ordinal);
        var submission = await App.WithDbAsync(db => db.Set<Open311Submission>().AsNoTracking().SingleAsync(s => s.Token == token));
        Assert.Equal(SubmissionState.Rejected, submission.State);
        Assert.Null(submission.ReportId);
    }

    [Fact]
    public async Task Updates_follow_a_report_from_filing_to_the_organisation_s_answer()
    {
        var (_, key) = await App.IssueKeyAsync();
        var start = App.Clock.GetUtcNow();
        string At(int hours) => start.AddHours(hours).ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz");
        var response = await Client.PostRequestAsync("json", ("api_key", key), ("service_code", "water-supply"),
            ("lat", Open311Api.Bodomzor.Lat), ("long", Open311Api.Bodomzor.Long), ("description", "Quvur yorilgan, suv oqyapti."),
            ("attribute[danger]", "no"), ("attribute[problem]", "burst"));
        var id = (await response.ArrayAsync())[0]!.Str("service_request_id");
        var appeal = new JsonObject { ["id"] = (await App.WithDbAsync(db => db.Appeals.SingleAsync(a => a.TrackingNumber == id))).Id.ToString() };
        App.Clock.Advance(TimeSpan.FromHours(1));
        await (await App.SignedInAsync("demo-operator")).ActOkAsync(appeal, "assignment", new { });
        App.Clock.Advance(TimeSpan.FromHours(2));
        await (await App.SignedInAsync("demo-operator")).ActOkAsync(appeal, "answer", new { text = "Quvur almashtirildi, suv berildi." });
        var window = $"start_date={Uri.EscapeDataString(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}&end_date={Uri.EscapeDataString(App.Clock.GetUtcNow().AddMinutes(1).ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}";

        var json = (await (await Client.GetAsync($"{Open311Api.Base}/servicerequestupdates.json?{window}&locale=en")).JsonAsync()).AsArray()
            .Where(u => u!.Str("service_request_id") == id).ToList();
        var xml = (await (await Client.GetAsync($"{Open311Api.Base}/servicerequestupdates.xml?{window}")).XmlAsync());

        Assert.Equal(["open", "open", "closed"], json.Select(u => u!.Str("status")));
        Assert.Equal(["Filed", "Taken into work", "Answered: Quvur almashtirildi, suv berildi."], json.Select(u => u!.Str("description")));
        Assert.Equal([At(0), At(1), At(3)], json.Select(u => u!.Str("updated_datetime")));
        Assert.Equal(3, json.Select(u => u!.Str("update_id")).Distinct().Count());
        Assert.Equal("service_request_updates", xml.Name.LocalName);
        Assert.All(xml.Elements(), u => Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"],
            u.Elements().Select(e => e.Name.LocalName)));
        Assert.Equal(3, xml.Elements("request_update").Count(u => u.Element("service_request_id")!.Value == id));
        var read = (await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.json?locale=en")).JsonAsync())[0]!;
        Assert.Equal("closed", read.Str("status"));
        Assert.Equal("Answered: Quvur almashtirildi, suv berildi.", read.Str("status_notes"));
        Assert.Equal(At(3), read.Str("updated_datetime"));
        var later = await (await Client.GetAsync($"{Open311Api.Base}/servicerequestupdates.json?start_date={Uri.EscapeDataString(At(4))}")).JsonAsync();
        Assert.DoesNotContain(later.AsArray(), u => u!.Str("service_request_id") == id);
        App.Clock.Set(start);
    }

    [Fact]
    public async Task The_list_covers_the_last_90_days_unless_asked_otherwise_and_never_more_than_90()
    {
        var (_, key) = await App.IssueKeyAsync();
        var id = await Client.FilePotholeAsync(key);
        var now = App.Clock.GetUtcNow();
        try
        {
            App.Clock.Advance(TimeSpan.FromDays(91));
            Assert.DoesNotContain(id, await ListAsync(""));
            Assert.Contains(id, await ListAsync($"start_date={now.AddDays(-1):yyyy-MM-dd}"));
            Assert.Contains(id, await ListAsync($"end_date={now.AddDays(1):yyyy-MM-dd}"));
            var tooWide = await Client.GetAsync($"{Open311Api.Base}/requests.xml?start_date=2026-01-01&end_date=2026-04-02");
            Assert.Contains(await tooWide.ErrorsAsync(HttpStatusCode.BadRequest, "xml"), e => e.Description.Contains("90 days", StringComparison.Ordinal));
        }
        finally
        {
            App.Clock.Set(now);
        }
    }

    private async Task<List<string>> ListAsync(string query)
    {
        var response = await Client.GetAsync($"{Open311Api.Base}/requests.json?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsArray().Select(r => r!.Str("service_request_id")).ToList();
    }

    private Task<string> AnswersAsync(string trackingNumber) => App.WithDbAsync(async db =>
    {
        var appealId = await db.Appeals.Where(a => a.TrackingNumber == trackingNumber).Select(a => a.Id).SingleAsync();
        return await db.Set<Report>().Where(r => r.Id == appealId).Select(r => r.AnswersJson).SingleAsync();
    });
}

public sealed class ServiceRequestsOnSqlite(SqliteApp app) : ServiceRequestTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceRequestsOnPostgres(PostgresApp app) : ServiceRequestTests(app), IClassFixture<PostgresApp>;
