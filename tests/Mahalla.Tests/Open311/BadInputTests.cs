using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Reports.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Open311;

/// <summary>
/// Refusals in the spec's error format and status codes (400 invalid, 403 key, 404 unknown, 429 too many), in both
/// formats; hostile or malformed input is refused with an error list — never a 500 — and nothing is half-saved.
/// </summary>
public abstract class Open311BadInputTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    private HttpClient Client => App.CreateClient();

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_post_without_a_key_with_a_wrong_key_or_with_a_revoked_key_is_a_403(string format)
    {
        var (clientId, key) = await App.IssueKeyAsync();
        var admin = await App.SignedInAsync("demo-admin");
        var before = await CountAsync();

        var missing = await Client.PostRequestAsync(format, Open311Api.Pothole(key).Where(a => a.Item1 != "api_key").ToArray());
        var wrong = await Client.PostRequestAsync(format, Open311Api.Pothole(key + "x"));
        var accepted = await Client.PostRequestAsync(format, Open311Api.Pothole(key));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/open311/clients/{clientId}/revocation", null)).StatusCode);
        var revoked = await Client.PostRequestAsync(format, Open311Api.Pothole(key));

        Assert.Equal((403, "api_key is required -- can't proceed with create_request."), Assert.Single(await missing.ErrorsAsync(HttpStatusCode.Forbidden, format)));
        Assert.Equal((403, "Invalid api_key received -- can't proceed with create_request."), Assert.Single(await wrong.ErrorsAsync(HttpStatusCode.Forbidden, format)));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal((403, "Invalid api_key received -- can't proceed with create_request."), Assert.Single(await revoked.ErrorsAsync(HttpStatusCode.Forbidden, format)));
        Assert.Equal((before.Appeals + 1, before.Reports + 1, before.Submissions + 1), await CountAsync());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_missing_service_code_is_a_400_and_an_unknown_one_a_404(string format)
    {
        var (_, key) = await App.IssueKeyAsync();

        var missing = await Client.PostRequestAsync(format, Open311Api.Pothole(key).Where(a => a.Item1 != "service_code").ToArray());
        var empty = await Client.PostRequestAsync(format, Open311Api.Pothole(key, ("service_code", "")));
        var unknown = await Client.PostRequestAsync(format, Open311Api.Pothole(key, ("service_code", "potholes")));
        var notReportable = await Client.PostRequestAsync(format, Open311Api.Pothole(key, ("service_code", "education")));
        var definition = await Client.GetAsync($"{Open311Api.Base}/services/potholes.{format}");

        Assert.Equal((400, "service_code was not provided."), Assert.Single(await missing.ErrorsAsync(HttpStatusCode.BadRequest, format)));
        Assert.Equal((400, "service_code was not provided."), Assert.Single(await empty.ErrorsAsync(HttpStatusCode.BadRequest, format)));
        Assert.Equal((404, "service_code 'potholes' was not found."), Assert.Single(await unknown.ErrorsAsync(HttpStatusCode.NotFound, format)));
        Assert.Equal((404, "service_code 'education' was not found."), Assert.Single(await notReportable.ErrorsAsync(HttpStatusCode.NotFound, format)));
        Assert.Equal(404, Assert.Single(await definition.ErrorsAsync(HttpStatusCode.NotFound, format)).Code);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Unknown_requests_tokens_and_jurisdictions_are_404s(string format)
    {
        foreach (var path in new[]
        {
            $"requests/R-2026-999999-0.{format}", $"requests/not-a-number.{format}", $"tokens/0123456789abcdef.{format}",
            $"services.{format}?jurisdiction_id=city.gov", $"requests.{format}?jurisdiction_id=99", $"servicerequestupdates.{format}?jurisdiction_id=x",
        })
        {
            var response = await Client.GetAsync($"{Open311Api.Base}/{path}");
            Assert.Equal(404, Assert.Single(await response.ErrorsAsync(HttpStatusCode.NotFound, format)).Code);
        }
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Invalid_query_arguments_are_400s_naming_the_argument(string format)
    {
        foreach (var (query, argument) in new[]
        {
            ("start_date=yesterday", "start_date"), ("end_date=2026-11-03T10:00:00", "end_date"), ("start_date=2026-13-01", "start_date"),
            ("status=pending", "status"), ("start_date=2026-11-03&end_date=2026-11-01", "start_date"), ("page_size=0", "page_size"),
            ("page=-1", "page"), ("locale=ru&status=%FF", "The query string is not well-formed"), ("status=open&status=%E2%80", "The query string is not well-formed"),
            ("service_code=roads&start_date=2026-11-01&start_date=2026-11-02", "start_date was given more than once"),
        })
        {
            var response = await Client.GetAsync($"{Open311Api.Base}/requests.{format}?{query}");
            var error = Assert.Single(await response.ErrorsAsync(HttpStatusCode.BadRequest, format));
            Assert.StartsWith(argument, error.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_format_or_resource_is_a_404_in_the_spec_s_format()
    {
        var html = await Client.GetAsync($"{Open311Api.Base}/services.html");
        var bare = await Client.GetAsync($"{Open311Api.Base}/services");
        var json = await Client.GetAsync($"{Open311Api.Base}/reports.json");
        var put = await Client.PutAsync($"{Open311Api.Base}/requests.xml", new StringContent(""));

        Assert.Equal("Unknown format: resources are served as .xml or .json.", Assert.Single(await html.ErrorsAsync(HttpStatusCode.NotFound, "xml")).Description);
        Assert.Equal(404, Assert.Single(await bare.ErrorsAsync(HttpStatusCode.NotFound, "xml")).Code);
        Assert.Equal(404, Assert.Single(await json.ErrorsAsync(HttpStatusCode.NotFound, "json")).Code);
        Assert.Equal(404, Assert.Single(await put.ErrorsAsync(HttpStatusCode.NotFound, "xml")).Code);
    }

    public static TheoryData<string, string> HostileArguments => new()
    {
        { "description=" + new string('a', 4_001), "description is longer than 4,000 characters." },
        { "description=" + Uri.EscapeDataString(new string('ж', 4_001)), "description is longer than 4,000 characters." },
        { "lat=abc&long=69.284", "lat and long" },
        { "lat=NaN&long=69.284", "lat and long" },
        { "lat=91&long=69.284", "lat and long" },
        { "lat=41.339&long=Infinity", "lat and long" },
        { "lat=1e400&long=69.284", "lat and long" },
        { "lat=41.339", "lat and long" },
        { "lat=0&long=0", "lat/long: the point is outside the area this platform serves." },
        { "address_string=Amir+Temur+1", "address_string alone cannot be placed" },
        { "address_string=" + new string('x', 301) + "&address_id=00000000-0000-0000-0000-000000000000", "address_string is longer than 300 characters." },
        { "address_id=00000000-0000-0000-0000-000000000000", "address_id '00000000-0000-0000-0000-000000000000' is neither" },
        { "address_id=1726266", "address_id '1726266' is neither" },
        { "description=x", "A location is required" },
        { "lat=41.339&long=69.284&attribute[danger]=maybe", "attribute[danger]: This answer is not one of the choices" },
        { "lat=41.339&long=69.284&attribute[danger][]=yes&attribute[danger][]=no", "attribute[danger]: This answer is not one of the choices" },
        { "lat=41.339&long=69.284&attribute[danger]=no&attribute[colour]=red", "attribute[colour]: This category has no such question." },
        { "lat=41.339&long=69.284&attribute[danger]=no&attribute[size=large", "Attributes are sent as attribute[code]=value" },
        { "lat=41.339&long=69.284", "attribute[danger]: Please answer this question." },
        { "lat=41.339&long=69.284&attribute[danger]=no&media_url=javascript:alert(1)", "media_url must be an http or https URL" },
        { "lat=41.339&long=69.284&attribute[danger]=no&media_url=https://user:secret@example.org/a.jpg", "media_url must be an http or https URL" },
        { "lat=41.339&long=69.284&attribute[danger]=no&description=null%00byte", "Arguments must be UTF-8 text without control characters." },
        { "lat=41.339&long=69.284&attribute[danger]=no&description=caf%C3%28", "The form body is not well-formed" },
        { "lat=41.339&long=69.284&attribute[danger]=no&description=%ZZ", "The form body is not well-formed" },
        { "lat=41.339&long=69.284&attribute[danger]=no&description=%ED%A0%80", "The form body is not well-formed" },
        { "lat=41.339&long=69.284&attribute[danger]=no" + string.Concat(Enumerable.Range(0, 200).Select(i => $"&x{i}=1")), "Too many arguments" },
    };

    [Theory]
    [MemberData(nameof(HostileArguments))]
    public async Task Hostile_or_malformed_arguments_get_a_400_error_list_and_nothing_is_saved(string arguments, string expected)
    {
        var (_, key) = await App.IssueKeyAsync();
        var before = await CountAsync();

        var response = await Client.PostAsync($"{Open311Api.Base}/requests.xml", Open311Api.Form($"api_key={key}&service_code=roads&{arguments}"));

        var errors = await response.ErrorsAsync(HttpStatusCode.BadRequest, "xml");
        Assert.Contains(errors, e => e.Code == 400 && e.Description.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bodies_that_are_not_utf_8_forms_of_reasonable_size_get_a_400_and_nothing_is_saved()
    {
        var (_, key) = await App.IssueKeyAsync();
        var valid = $"api_key={key}&service_code=roads&lat=41.339&long=69.284&attribute[danger]=no&description=";
        var before = await CountAsync();
        var rawBytes = new ByteArrayContent([.. Encoding.ASCII.GetBytes(valid), 0x63, 0x61, 0x66, 0xC3, 0x28]);
        rawBytes.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var cp1251 = new ByteArrayContent([.. Encoding.ASCII.GetBytes(valid), 0xEF, 0xF0, 0xE8]);
        cp1251.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=windows-1251");
        using var multipart = new MultipartFormDataContent { { new StringContent(key), "api_key" }, { new StringContent("roads"), "service_code" } };

        foreach (var (content, expected) in new (HttpContent, string)[]
        {
            (rawBytes, "The form body is not well-formed"),
            (cp1251, "UTF-8 is required"),
            (multipart, "Send the request as application/x-www-form-urlencoded"),
            (JsonContent.Create(new { api_key = key, service_code = "roads" }), "Send the request as application/x-www-form-urlencoded"),
            (Open311Api.Form(valid + new string('a', 140_000)), "The request is too large"),
        })
        {
            var response = await Client.PostAsync($"{Open311Api.Base}/requests.json", content);
            Assert.StartsWith(expected, Assert.Single(await response.ErrorsAsync(HttpStatusCode.BadRequest, "json")).Description, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Markup_and_quotes_in_a_description_come_back_as_data_in_both_formats()
    {
        var (_, key) = await App.IssueKeyAsync();
        const string hostile = "<script>alert('x')</script> & \"]]> </request>";
        var id = await Client.FilePotholeAsync(key, ("description", hostile));

        var xml = await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.xml")).XmlAsync();
        var json = await (await Client.GetAsync($"{Open311Api.Base}/requests/{id}.json")).JsonAsync();

        Assert.Equal(hostile, xml.Element("request")!.Element("description")!.Value);
        Assert.Equal(hostile, json[0]!.Str("description"));
    }

    [Fact]
    public async Task Over_the_limit_a_key_gets_429s_in_the_spec_s_format_while_other_keys_go_on()
    {
        var (_, first) = await App.IssueKeyAsync("First");
        var (_, second) = await App.IssueKeyAsync("Second");
        using var limited = App.WithWebHostBuilder(b => b.UseSetting("RateLimiting:Enabled", "true").UseSetting("Open311:RequestsPerMinute", "3"));
        var client = limited.CreateClient();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await client.GetAsync($"{Open311Api.Base}/services.json?api_key={first}")).StatusCode);
        }

        var refusedGet = await client.GetAsync($"{Open311Api.Base}/services.xml?api_key={first}");
        var refusedPost = await client.PostRequestAsync("json", Open311Api.Pothole(first));
        var other = await client.PostRequestAsync("json", Open311Api.Pothole(second));

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(429, Assert.Single(await refusedGet.ErrorsAsync(HttpStatusCode.TooManyRequests, "xml")).Code);
        Assert.True(refusedGet.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, Assert.Single(await refusedPost.ErrorsAsync(HttpStatusCode.TooManyRequests, "json")).Code);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private Task<(int Appeals, int Reports, int Submissions)> CountAsync() => App.WithDbAsync(async db =>
        (await db.Appeals.CountAsync(), await db.Set<Report>().CountAsync(), await db.Set<Open311Submission>().CountAsync()));
}

public sealed class Open311BadInputOnSqlite(SqliteApp app) : Open311BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class Open311BadInputOnPostgres(PostgresApp app) : Open311BadInputTests(app), IClassFixture<PostgresApp>;
