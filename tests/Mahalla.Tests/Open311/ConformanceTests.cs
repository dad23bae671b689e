using System.Net;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Open311.Tokens;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Open311;

/// <summary>
/// Every example of the GeoReport v2 specification (Examples/, copied from the spec) against our answer to the
/// same call, in XML and in JSON: the same root, element and property names, nesting, order of fields, and value
/// types (identifiers may be strings where the examples happen to use numbers).
/// </summary>
public abstract class ConformanceTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Discovery_has_the_shape_of_the_example_and_names_this_endpoint_in_both_formats(string format)
    {
        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/discovery.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "discovery", format);
        var again = await App.CreateClient().GetAsync($"{Open311Api.Base}/discovery.json");
        var endpoint = (await again.JsonAsync())["endpoints"]![0]!;
        Assert.Equal("http://localhost/open311/v2", endpoint.Str("url"));
        Assert.Equal(["text/xml", "application/json"], endpoint["formats"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Service_list_has_the_shape_of_the_example(string format)
    {
        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/services.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "service-list", format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Service_definition_has_the_shape_of_the_example(string format)
    {
        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/services/roads.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "service-definition", format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Posting_a_request_answers_in_the_shape_of_the_example(string format)
    {
        var (_, key) = await App.IssueKeyAsync();

        var response = await App.CreateClient().PostRequestAsync(format, Open311Api.Pothole(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "service-request-post", format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_token_answers_in_the_shape_of_the_example_once_its_request_is_filed(string format)
    {
        var (_, key) = await App.IssueKeyAsync();
        var posted = await App.CreateClient().PostRequestAsync("json",
            ("api_key", key), ("service_code", "other"), ("lat", Open311Api.Bodomzor.Lat), ("long", Open311Api.Bodomzor.Long),
            ("description", "Oʻyin maydonchasidagi arg'imchoq singan."));
        var token = (await posted.ArrayAsync())[0]!.Str("token");
        await App.Services.GetRequiredService<SubmissionQueue>().ProcessAsync(TestContext.Current.CancellationToken);

        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/tokens/{token}.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "request-from-token", format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task One_request_has_the_shape_of_the_example(string format)
    {
        var (_, key) = await App.IssueKeyAsync();
        var id = await App.CreateClient().FilePotholeAsync(key);

        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/requests/{id}.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "service-request", format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_list_of_requests_has_the_shape_of_the_example_and_links_our_own_photos(string format)
    {
        var (_, key) = await App.IssueKeyAsync();
        var fromOpen311 = await App.CreateClient().FilePotholeAsync(key);
        var fromTheWeb = await App.FileOnTheWebAsync();

        var response = await App.CreateClient().GetAsync($"{Open311Api.Base}/requests.{format}?service_request_id={fromOpen311},{fromTheWeb}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertLikeExampleAsync(response, "service-requests", format);
        var json = await (await App.CreateClient().GetAsync($"{Open311Api.Base}/requests.json?service_request_id={fromOpen311},{fromTheWeb}")).JsonAsync();
        Assert.Equal(new[] { fromOpen311, fromTheWeb }.Order(StringComparer.Ordinal),
            json.AsArray().Select(r => r!.Str("service_request_id")).Order(StringComparer.Ordinal));
        var photo = json.AsArray().Single(r => r!.Str("service_request_id") == fromTheWeb)!.Str("media_url");
        Assert.StartsWith("http://localhost/reports/photos/", photo, StringComparison.Ordinal);
        var image = await App.CreateClient().GetAsync(new Uri(photo).PathAndQuery);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Null(json.AsArray().Single(r => r!.Str("service_request_id") == fromOpen311)!["media_url"]);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Errors_have_the_shape_of_the_example(string format)
    {
        var response = await App.CreateClient().PostRequestAsync(format, Open311Api.Pothole("not-a-key-we-issued"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertLikeExampleAsync(response, "errors", format);
    }

    [Fact]
    public async Task The_spec_s_example_request_as_it_stands_gets_the_spec_s_example_error()
    {
        var example = Shape.ExampleJson("errors.json")[0]!;

        var response = await App.CreateClient().PostAsync($"{Open311Api.Base}/requests.json", Open311Api.Form(ExampleBody()));

        var error = Assert.Single(await response.ErrorsAsync(HttpStatusCode.Forbidden, "json"));
        Assert.Equal((example["code"]!.GetValue<int>(), example.Str("description")), error);
    }

    [Fact]
    public async Task The_spec_s_example_request_with_our_key_service_and_place_is_filed_and_its_contact_data_is_kept_nowhere()
    {
        var (_, key) = await App.IssueKeyAsync();
        var arguments = QueryHelpers.ParseQuery(ExampleBody());
        arguments["api_key"] = key;
        arguments["jurisdiction_id"] = "mahalla.uz";
        arguments["service_code"] = "street-lighting";
        (arguments["lat"], arguments["long"]) = (Open311Api.Bodomzor.Lat, Open311Api.Bodomzor.Long);
        arguments.Remove("attribute[WHISPAWN]");
        arguments.Remove("attribute[WHISDORN]");
        arguments["attribute[pole_number]"] = "123456";
        arguments["attribute[extent]"] = "one";

        var response = await App.CreateClient().PostAsync($"{Open311Api.Base}/requests.xml",
            new FormUrlEncodedContent(arguments.Select(a => KeyValuePair.Create(a.Key, a.Value.ToString()))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.XmlAsync()).Element("request")!.Element("service_request_id")!.Value;
        var filed = await App.WithDbAsync(async db =>
        {
            var appeal = await db.Appeals.AsNoTracking().SingleAsync(a => a.TrackingNumber == id);
            var report = await db.Set<Web.Modules.Reports.Data.Report>().AsNoTracking().SingleAsync(r => r.Id == appeal.Id);
            var submission = await db.Set<Open311Submission>().AsNoTracking().SingleAsync(s => s.ReportId == appeal.Id);
            return (appeal, report, submission);
        });
        Assert.Equal("A large sinkhole is destroying the street", filed.appeal.Text);
        Assert.Equal("1234 5th street", filed.report.Address);
        Assert.Null(filed.appeal.ApplicantUserId);
        Assert.True(filed.report.IsAnonymous);
        Assert.Equal("""{"extent":"one","pole_number":"123456"}""", filed.report.AnswersJson);
        Assert.Equal("http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg", filed.submission.MediaUrl);
        var stored = string.Join("|", filed.appeal.Text, filed.report.Title, filed.report.Address, filed.report.PublicName,
            filed.report.AnswersJson, filed.submission.RequestJson, filed.submission.MediaUrl);
        var published = await (await App.CreateClient().GetAsync($"{Open311Api.Base}/requests/{id}.json")).Content.ReadAsStringAsync();
        foreach (var personal in new[] { "smit333", "sfgov.edu", "john", "smith", "111111111", "tt222111" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal, published, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("flickr", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_names_every_endpoint_with_its_arguments_and_form()
    {
        var paths = (await (await App.CreateClient().GetAsync("/openapi/v1.json")).ObjectAsync())["paths"]!.AsObject();

        foreach (var (path, method, operationId) in new[]
        {
            ("/open311/v2/discovery.{format}", "get", "Open311Discovery"), ("/open311/v2/services.{format}", "get", "Open311Services"),
            ("/open311/v2/services/{service_code}.{format}", "get", "Open311ServiceDefinition"), ("/open311/v2/requests.{format}", "post", "Open311PostRequest"),
            ("/open311/v2/requests.{format}", "get", "Open311Requests"), ("/open311/v2/requests/{service_request_id}.{format}", "get", "Open311Request"),
            ("/open311/v2/tokens/{token}.{format}", "get", "Open311Token"), ("/open311/v2/servicerequestupdates.{format}", "get", "Open311Updates"),
        })
        {
            var operation = paths[path]![method]!;
            Assert.Equal(operationId, operation.Str("operationId"));
            Assert.False(string.IsNullOrWhiteSpace(operation.Str("summary")));
        }

        var list = paths["/open311/v2/requests.{format}"]!["get"]!["parameters"]!.AsArray().Select(p => p!.Str("name")).ToList();
        Assert.Equal(["format", "jurisdiction_id", "locale", "service_request_id", "service_code", "start_date", "end_date", "status", "page", "page_size"], list);
        var form = paths["/open311/v2/requests.{format}"]!["post"]!["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!;
        Assert.Contains("attribute[code]", form["properties"]!.AsObject().Select(p => p.Key));
    }

    private static string ExampleBody() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Open311", "Examples", "example-request-post_service_request.txt"))
            .Last(l => l.Contains("api_key=", StringComparison.Ordinal));

    private static async Task AssertLikeExampleAsync(HttpResponseMessage response, string example, string format)
    {
        if (format == "xml")
        {
            var ours = await response.XmlAsync();
            Shape.AssertSameXml(Shape.ExampleXml(example + ".xml"), ours);
            Shape.AssertTashkentDates(ours);
        }
        else
        {
            Shape.AssertSameJson(Shape.ExampleJson(example + ".json"), await response.JsonAsync());
        }
    }
}

public sealed class ConformanceOnSqlite(SqliteApp app) : ConformanceTests(app), IClassFixture<SqliteApp>;

public sealed class ConformanceOnPostgres(PostgresApp app) : ConformanceTests(app), IClassFixture<PostgresApp>;
