using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tests.Reports;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Platform;

/// <summary>
/// Every endpoint that reads a JSON body, found in the app's own routing table so that a new one is covered the day it
/// is added: a JSON <c>null</c>, no body at all, or a hostile body is the caller's mistake, answered with a 4xx
/// ProblemDetails, never a 500.
/// </summary>
public sealed partial class RequestBodiesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_json_null_or_a_missing_body_is_a_400_on_every_endpoint_that_reads_json_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, endpoints) = await SetUpAsync();
        var errorsBefore = app.Log.Errors.Count;
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            foreach (var body in new[] { "null", "" })
            {
                var refusedAsBadInput = false;
                foreach (var (name, client) in callers)
                {
                    var status = await SendAsync(client, endpoint, Encoding.UTF8.GetBytes(body), failures, name, ct);
                    refusedAsBadInput |= status == HttpStatusCode.BadRequest;
                }

                // A caller allowed to use the endpoint learns that the body is the problem (those who are not get 401/403/404 first).
                if (!endpoint.Optional && !refusedAsBadInput)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Route} with body '{body}': no caller got a 400");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
    }

    [Fact]
    public async Task Hostile_bodies_on_every_endpoint_that_reads_json_get_a_problem_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, endpoints) = await SetUpAsync();
        // The properties each endpoint reads, from the OpenAPI document, so that every one of them gets a value of the wrong kind.
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", ct))!;
        var errorsBefore = app.Log.Errors.Count;
        var failures = new List<string>();
        var allowed = callers.Where(c => c.Name is "demo-citizen" or "demo-mahalla" or "demo-admin").ToArray();

        foreach (var endpoint in endpoints)
        {
            // A body read as free JSON (a GeoJSON boundary) has no properties in the document: names such bodies commonly carry.
            var properties = PropertiesOf(openApi, endpoint) is { Count: > 0 } named ? named : ["type", "name", "text", "features", "geometry"];
            foreach (var body in HostileBodies(properties))
            {
                foreach (var (name, client) in allowed)
                {
                    await SendAsync(client, endpoint, body, failures, name, ct);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
    }

    [Fact]
    public async Task Taking_work_to_oneself_needs_no_body()
    {
        var citizen = await app.CitizenAsync();
        var staff = await app.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync();

        var response = await staff.PostAsync($"/api/appeals/{filed.Str("id")}/assignment", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("in_progress", (await response.ObjectAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync($"/api/appeals/{filed.Str("id")}/assignment", null, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_confirmation_needs_no_body()
    {
        var citizen = await app.CitizenAsync();
        var staff = await app.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync();
        await staff.ActOkAsync(filed, "assignment", new { });
        await staff.ActOkAsync(filed, "answer", new { text = "Chiroq almashtirildi." });

        var response = await citizen.PostAsync($"/api/appeals/{filed.Str("id")}/confirmation", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("resolved", (await response.ObjectAsync()).Str("status"));
    }

    private sealed record Endpoint(string Method, string Route, bool Optional, string Url);

    private static IEnumerable<byte[]> HostileBodies(IReadOnlyList<string> properties)
    {
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        string Each(string value) => "{" + string.Join(",", properties.Select(p => $"\"{p}\":{value}")) + "}";
        yield return Utf8("[]");
        yield return Utf8("\"text\"");
        yield return Utf8("{\"unclosed\": ");
        yield return Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));
        yield return [.. "{\"text\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        yield return Utf8(Each("{}"));
        yield return Utf8(Each("[1,2]"));
        yield return Utf8(Each("99999999999999999999999"));
        yield return Utf8(Each("-1"));
        yield return Utf8(Each("\"\\u0000\""));
        yield return Utf8(Each("\"" + new string('я', 300_000) + "\""));
        yield return Utf8(Each("\"<script>alert(1)</script>\""));
    }

    private static List<string> PropertiesOf(JsonNode openApi, Endpoint endpoint)
    {
        var operation = openApi["paths"]?[OpenApiPath(endpoint.Route)]?[endpoint.Method.ToLowerInvariant()];
        var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
        while (schema?["$ref"] is { } reference)
        {
            schema = openApi["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
        }

        return schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }

    private static string OpenApiPath(string route) => RouteConstraint().Replace(route, "}").TrimEnd('/');

    private async Task<HttpStatusCode> SendAsync(HttpClient client, Endpoint endpoint, byte[] body, List<string> failures, string caller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } },
        };
        var response = await client.SendAsync(request, ct);
        var shown = body.Length > 60 ? Encoding.UTF8.GetString(body, 0, 60) + "…" : Encoding.UTF8.GetString(body);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{endpoint.Method} {endpoint.Route} with body '{shown}' as {caller}: {(int)response.StatusCode}");
        }
        else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{endpoint.Method} {endpoint.Route} with body '{shown}' as {caller}: {(int)response.StatusCode} without ProblemDetails");
        }

        return response.StatusCode;
    }

    private async Task<((string Name, HttpClient Client)[] Callers, List<Endpoint> Endpoints)> SetUpAsync()
    {
        var citizen = await app.CitizenAsync();
        // Real records behind the ids, so that a handler that is handed a null gets as far as using it.
        var appeal = (await citizen.FileAsync()).Str("id");
        var report = (await citizen.ReportAtAsync(ReportApi.BodomzorLat, ReportApi.BodomzorLon)).Str("id");
        var organization = MahallaApp.OrganizationId("bodomzor").ToString();
        var callers = new (string Name, HttpClient Client)[]
        {
            ("anonymous", app.CreateClient()),
            ("demo-citizen", citizen),
            ("demo-mahalla", await app.SignedInAsync("demo-mahalla")),
            ("demo-operator", await app.SignedInAsync("demo-operator")),
            ("demo-district", await app.SignedInAsync("demo-district")),
            ("demo-admin", await app.SignedInAsync("demo-admin")),
        };
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(e => e.Accepts is not null && e.Accepts.ContentTypes.Contains("application/json"))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Select(method =>
                {
                    var route = e.Endpoint.RoutePattern.RawText!;
                    var id = route.StartsWith("/api/appeals", StringComparison.Ordinal) ? appeal
                        : route.StartsWith("/api/reports", StringComparison.Ordinal) ? report
                        : route.StartsWith("/api/admin/organizations", StringComparison.Ordinal) ? organization
                        : Guid.NewGuid().ToString();
                    var url = RouteParameter().Replace(route, p => p.Value.Contains(":guid", StringComparison.Ordinal) ? id : "roads");
                    return new Endpoint(method, route, e.Accepts!.IsOptional, url);
                }))
            .ToList();
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints read a JSON body");
        Assert.Contains(endpoints, e => e.Route == "/api/appeals/{id:guid}/answer");
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/admin/organizations", StringComparison.Ordinal) && e.Method == "POST");
        return (callers, endpoints);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
