using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Tests.Platform;

/// <summary>
/// Every query parameter of the API that is a number, a flag or an id, found in the OpenAPI document so that a new one is
/// covered the day it is added (ADR 0090): a value that cannot be read names the parameter and what it expects, a value
/// given twice is refused like a JSON field given twice, and an empty value means none.
/// </summary>
public sealed partial class QueryParametersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_query_value_that_cannot_be_read_names_its_parameter_and_what_it_expects_on_every_operation()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, parameters) = await SetUpAsync(ct);
        var errorsBefore = app.Log.Errors.Count;
        var failures = new List<string>();

        foreach (var (path, name, expected, fraction) in parameters)
        {
            // None of these is a flag or an id, and none but the long one a number; that one is a fine latitude, but too
            // large for a whole number.
            foreach (var value in fraction ? ["x", "1e", "true false"] : new[] { "x", "99999999999999999999999", "1e", "true false" })
            {
                var named = false;
                foreach (var (caller, client) in callers)
                {
                    var response = await client.GetAsync($"{path}?{name}={Uri.EscapeDataString(value)}", ct);
                    response.NoteIfNotAProblem($"{path}?{name}={value} as {caller}", failures);
                    named |= response.StatusCode == HttpStatusCode.BadRequest
                        && (await response.ObjectAsync())["errorCodes"]?[name]?[0]?.GetValue<string>() == expected;
                }

                if (!named)
                {
                    failures.Add($"{path}?{name}={value}: no caller got 400 with {expected} on {name}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
    }

    [Fact]
    public async Task A_query_value_given_twice_is_refused_and_named_and_an_empty_one_means_none_on_every_operation()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, parameters) = await SetUpAsync(ct);
        var failures = new List<string>();

        foreach (var (path, name, _, _) in parameters)
        {
            var refused = false;
            foreach (var (caller, client) in callers)
            {
                var twice = await client.GetAsync($"{path}?{name}=1&{name}=2", ct);
                twice.NoteIfNotAProblem($"{path}?{name}=1&{name}=2 as {caller}", failures);
                refused |= twice.StatusCode == HttpStatusCode.BadRequest
                    && (await twice.ObjectAsync())["errorCodes"]?[name]?[0]?.GetValue<string>() == "validation.duplicate_field";

                // An empty value is answered as the request without it (for a caller who may ask at all).
                var without = await client.GetAsync(path, ct);
                var empty = await client.GetAsync($"{path}?{name}=", ct);
                if (empty.StatusCode != without.StatusCode)
                {
                    failures.Add($"{path}?{name}= as {caller}: {(int)empty.StatusCode}, without it {(int)without.StatusCode}");
                }
            }

            if (!refused)
            {
                failures.Add($"{path}?{name} twice: no caller got 400 with validation.duplicate_field on {name}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_inbox_says_which_filter_it_could_not_read_in_the_callers_language()
    {
        var ct = TestContext.Current.CancellationToken;
        var staff = await app.SignedInAsync("demo-mahalla", "ru");

        var response = await staff.GetAsync("/api/inbox?overdue=maybe&territoryId=bodomzor&page=2&page=3&status=all", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        var texts = new TextCatalog();
        Assert.Equal(texts.Get("ru", "validation.expected_true_or_false"), problem["errors"]!["overdue"]![0]!.GetValue<string>());
        Assert.Equal(texts.Get("ru", "validation.expected_id"), problem["errors"]!["territoryId"]![0]!.GetValue<string>());
        Assert.Equal(texts.Get("ru", "validation.duplicate_field"), problem["errors"]!["page"]![0]!.GetValue<string>());
        Assert.Null(problem["errors"]!["status"]);
    }

    /// <summary>The callers, and each GET operation's query parameters that are numbers, flags or ids, from the OpenAPI document.</summary>
    private async Task<((string Name, HttpClient Client)[] Callers, List<(string Path, string Name, string Expected, bool Fraction)> Parameters)> SetUpAsync(CancellationToken ct)
    {
        var callers = new (string, HttpClient)[]
        {
            ("anonymous", app.CreateClient()),
            ("demo-citizen", await app.SignedInAsync("demo-citizen")),
            ("demo-mahalla", await app.SignedInAsync("demo-mahalla")),
            ("demo-admin", await app.SignedInAsync("demo-admin")),
        };
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", ct))!;
        var parameters = new List<(string, string, string, bool)>();
        foreach (var (path, operations) in openApi["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || operations!["get"]?["parameters"] is not JsonArray list)
            {
                continue;
            }

            var url = RouteParameter().Replace(path, "M-2026-000001-5");
            foreach (var parameter in list.Where(p => p!["in"]!.GetValue<string>() == "query"))
            {
                var schema = parameter!["schema"]!;
                var types = schema["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [schema["type"]!.GetValue<string>()];
                var expected = schema["format"]?.GetValue<string>() == "uuid" ? "validation.expected_id"
                    : types.Contains("boolean") ? "validation.expected_true_or_false"
                    : types.Contains("integer") || types.Contains("number") ? "validation.expected_number"
                    : null;
                if (expected is not null)
                {
                    parameters.Add((url, parameter["name"]!.GetValue<string>(), expected, types.Contains("number")));
                }
            }
        }

        Assert.True(parameters.Count >= 20, $"only {parameters.Count} typed query parameters");
        Assert.Contains(parameters, p => p.Item1 == "/api/inbox" && p.Item2 == "overdue");
        Assert.Contains(parameters, p => p.Item1 == "/api/tlog/proof/inclusion" && p.Item2 == "index");
        return (callers, parameters);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
