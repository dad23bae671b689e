using System.Net;
using System.Text;
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
/// is added: a JSON <c>null</c> or no body at all is the caller's mistake, answered with a 4xx ProblemDetails, never a 500.
/// </summary>
public sealed partial class RequestBodiesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_json_null_or_a_missing_body_is_a_400_on_every_endpoint_that_reads_json_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
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
                .Select(method => (Method: method, Route: e.Endpoint.RoutePattern.RawText!, e.Accepts!.IsOptional)))
            .ToList();
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints read a JSON body");
        Assert.Contains(endpoints, e => e.Route == "/api/appeals/{id:guid}/answer");
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/admin/organizations", StringComparison.Ordinal) && e.Method == "POST");
        var errorsBefore = app.Log.Errors.Count;
        var failures = new List<string>();

        foreach (var (method, route, optional) in endpoints)
        {
            var id = route.StartsWith("/api/appeals", StringComparison.Ordinal) ? appeal
                : route.StartsWith("/api/reports", StringComparison.Ordinal) ? report
                : route.StartsWith("/api/admin/organizations", StringComparison.Ordinal) ? organization
                : Guid.NewGuid().ToString();
            var url = RouteParameter().Replace(route, p => p.Value.Contains(":guid", StringComparison.Ordinal) ? id : "roads");
            foreach (var body in new[] { "null", "" })
            {
                var refusedAsBadInput = false;
                foreach (var (name, client) in callers)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    var response = await client.SendAsync(request, ct);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {route} with body '{body}' as {name}: {(int)response.StatusCode}");
                    }
                    else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{method} {route} with body '{body}' as {name}: {(int)response.StatusCode} without ProblemDetails");
                    }

                    refusedAsBadInput |= response.StatusCode == HttpStatusCode.BadRequest;
                }

                // A caller allowed to use the endpoint learns that the body is the problem (those who are not get 401/403/404 first).
                if (!optional && !refusedAsBadInput)
                {
                    failures.Add($"{method} {route} with body '{body}': no caller got a 400");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
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

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
