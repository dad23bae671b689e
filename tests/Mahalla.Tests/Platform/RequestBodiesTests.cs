using System.Net;
using System.Net.Http.Json;
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
    public async Task A_field_the_request_does_not_have_is_refused_and_named_on_every_endpoint_that_reads_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, endpoints) = await SetUpAsync();
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", ct))!;
        var failures = new List<string>();
        // Bodies read as free JSON (a GeoJSON boundary) have no fields of their own to compare with.
        var typed = endpoints.Where(e => PropertiesOf(openApi, e).Count > 0).ToList();
        Assert.True(typed.Count >= 35, $"only {typed.Count} endpoints have a described body");

        foreach (var endpoint in typed)
        {
            var named = false;
            foreach (var (name, client) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
                {
                    Content = new StringContent("{\"notAField\":1}", Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Route} as {name}: {(int)response.StatusCode}, the unknown field was dropped");
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    named |= (await response.ObjectAsync())["errorCodes"]?["notAField"]?[0]?.GetValue<string>() == "validation.unknown_field";
                }
            }

            if (!named)
            {
                failures.Add($"{endpoint.Method} {endpoint.Route}: no caller was told that notAField is unknown");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_field_given_twice_is_refused_and_named_on_every_endpoint_that_reads_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, endpoints) = await SetUpAsync();
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", ct))!;
        var failures = new List<string>();
        var notRepeated = new List<string>();

        foreach (var endpoint in endpoints.Where(e => PropertiesOf(openApi, e).Count > 0))
        {
            // The first field that can be given a value of its own kind, so that only the repetition is wrong.
            if (SchemasOf(openApi, endpoint).Select(p => (p.Name, Value: ValueOf(openApi, p.Schema))).FirstOrDefault(p => p.Value is not null) is not ({ } field, { } value))
            {
                notRepeated.Add($"{endpoint.Method} {endpoint.Route}");
                continue;
            }

            var named = false;
            foreach (var (name, client) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
                {
                    Content = new StringContent($"{{\"{field}\":{value},\"{field}\":{value}}}", Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Route} as {name}: {(int)response.StatusCode}, {field} given twice was read");
                }
                else if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    named |= (await response.ObjectAsync())["errorCodes"]?[field]?[0]?.GetValue<string>() == "validation.duplicate_field";
                }
            }

            if (!named)
            {
                failures.Add($"{endpoint.Method} {endpoint.Route}: no caller was told that {field} is given twice");
            }
        }

        Assert.True(notRepeated.Count == 0, "no field to repeat: " + string.Join(", ", notRepeated));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("{\"type\":\"complaint\",\"isAnonymous\":true,\"isAnonymous\":false}", "isAnonymous")]
    [InlineData("{\"type\":\"complaint\",\"text\":\"Birinchi.\",\"Text\":\"Ikkinchi.\"}", "Text")]
    public async Task A_filing_that_names_a_field_twice_files_nothing_whichever_value_was_meant(string json, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen", "uz-Latn");
        var mine = (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length;
        var body = json.Replace("{", $"{{\"categoryCode\":\"other\",\"territoryId\":\"{await app.MahallaIdAsync()}\",", StringComparison.Ordinal);

        var response = await citizen.PostAsync("/api/appeals", new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.Equal("validation.duplicate_field", problem["errorCodes"]![field]![0]!.GetValue<string>());
        Assert.Equal("Bu maydon bir necha marta berilgan. Har bir maydonni bir marta, kerakli bitta qiymat bilan bering.",
            problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(mine, (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length);
    }

    [Fact]
    public async Task A_boundary_read_as_free_json_with_a_field_given_twice_is_refused_as_a_whole_and_nothing_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.SignedInAsync("demo-admin");
        var url = $"/api/territories/{await app.MahallaIdAsync()}/boundary";
        var before = await app.CreateClient().GetAsync(url, ct);
        // Read last-wins, this would have been a point, or a polygon to a checker that read the first.
        const string twice = "{\"type\":\"Polygon\",\"coordinates\":[[[69.205,41.283],[69.211,41.283],[69.211,41.288],[69.205,41.283]]],\"type\":\"Point\"}";

        var response = await admin.PutAsync($"/api/admin/boundaries/{await app.MahallaIdAsync()}", new StringContent(twice, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation.duplicate_field", (await response.ObjectAsync())["errorCodes"]!["body"]![0]!.GetValue<string>());
        Assert.Equal(before.StatusCode, (await app.CreateClient().GetAsync(url, ct)).StatusCode);
    }

    [Fact]
    public async Task A_misspelt_anonymity_is_refused_in_the_callers_language_and_nothing_is_filed()
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen", "ru");
        var mine = (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length;

        // "anonymous" for "isAnonymous": read leniently, this filed the appeal under the citizen's name.
        var response = await citizen.PostAsJsonAsync("/api/appeals", new
        {
            type = "complaint", categoryCode = "other", territoryId = await app.MahallaIdAsync(), text = "Koʻcha chirogʻi yonmayapti.", anonymous = true,
        }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.Equal("validation.unknown_field", problem["errorCodes"]!["anonymous"]![0]!.GetValue<string>());
        Assert.Equal("В запросе нет такого поля. Сверьте название с описанием API (/openapi/v1.json).", problem["errors"]!["anonymous"]![0]!.GetValue<string>());
        Assert.Equal(mine, (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length);
    }

    [Theory]
    [InlineData("file", "{\"type\":\"complaint\",\"categoryCode\":\"other\",\"territoryId\":\"bodomzor\",\"text\":\"Chiroq.\"}", "territoryId", "validation.expected_id")]
    [InlineData("file", "{\"type\":\"complaint\",\"text\":\"Chiroq.\",\"isAnonymous\":\"yes\"}", "isAnonymous", "validation.expected_true_or_false")]
    [InlineData("file", "{\"type\":\"complaint\",\"text\":5}", "text", "validation.expected_text")]
    [InlineData("file", "{\"type\":\"complaint\",\"text\":\"\\ud800\"}", "text", "validation.expected_text")]
    [InlineData("file", "[\"complaint\"]", "body", "validation.expected_object")]
    [InlineData("file", "{\"type\":\"complaint\",\"odd name\":1}", "odd name", "validation.unknown_field")]
    [InlineData("file", "{\"type\":\"complaint\",\"text\":\"a\\x\"}", "body", "validation.body")]
    [InlineData("rate", "{\"score\":\"five\"}", "score", "validation.expected_number")]
    [InlineData("rate", "{\"score\":99999999999}", "score", "validation.expected_number")]
    [InlineData("rate", "{\"score\":5,\"coment\":\"Rahmat.\"}", "coment", "validation.unknown_field")]
    [InlineData("assign", "{\"ids\":\"all\"}", "ids", "validation.expected_list")]
    [InlineData("assign", "{\"ids\":[\"all\"]}", "ids[0]", "validation.expected_id")]
    [InlineData("assign", "{\"ids\":[{\"id\":1}]}", "ids[0]", "validation.expected_id")]
    [InlineData("assign", "{\"userName\":[\"demo-mahalla\"]}", "userName", "validation.expected_text")]
    [InlineData("assign", "{\"ids\":[],\"ids\":[]}", "ids", "validation.duplicate_field")]
    [InlineData("rate", "{\"score\":5,\"comment\":\"Yaxshi.\",\"score\":1}", "score", "validation.duplicate_field")]
    public async Task A_value_of_the_wrong_kind_names_its_field_and_the_kind_expected(string endpoint, string json, string field, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.CitizenAsync();
        var staff = await app.SignedInAsync("demo-mahalla");
        var (client, url) = endpoint switch
        {
            "file" => (citizen, "/api/appeals"),
            "rate" => (citizen, $"/api/appeals/{(await citizen.FileAsync()).Str("id")}/rating"),
            _ => (staff, "/api/inbox/assignment"),
        };

        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.Equal("error.invalid_input", problem.Str("code"));
        Assert.Equal([field], problem["errorCodes"]!.AsObject().Select(e => e.Key));
        Assert.Equal(code, problem["errorCodes"]![field]![0]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["errors"]![field]![0]!.GetValue<string>()));
        Assert.NotEqual(code, problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_field_with_a_name_of_300000_characters_is_named_by_its_start()
    {
        var citizen = await app.CitizenAsync();
        var name = new string('я', 300_000);

        var response = await citizen.PostAsync("/api/appeals", new StringContent($"{{\"{name}\":1}}", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var field = Assert.Single((await response.ObjectAsync())["errorCodes"]!.AsObject()).Key;
        Assert.Equal(new string('я', 100) + "…", field);
    }

    [Fact]
    public async Task The_api_description_closes_request_bodies_and_leaves_answers_open()
    {
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var schemas = openApi["components"]!["schemas"]!.AsObject();
        bool Closed(string name) => schemas[name]!["additionalProperties"] is JsonValue value && !value.GetValue<bool>();

        Assert.True(Closed("FileAppealRequest"));
        Assert.True(Closed("RatingRequest"));
        Assert.True(Closed("NewOrganizationRequest"));
        // Every schema an answer refers to may gain fields later; a client checking answers against the document must not break.
        var answers = openApi["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]?.AsObject() ?? [])
            .SelectMany(response => response.Value!["content"]?.AsObject() ?? [])
            .Select(media => media.Value!["schema"]!.ToJsonString())
            .SelectMany(schema => SchemaReference().Matches(schema).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("FiledAppeal", answers);
        Assert.Contains("TrackingView", answers);
        Assert.All(answers, name => Assert.False(Closed(name), $"{name} is closed"));
        Assert.All(answers.SelectMany(name => SchemaReference().Matches(schemas[name]!.ToJsonString()).Select(m => m.Groups[1].Value)),
            name => Assert.False(Closed(name), $"{name}, inside an answer, is closed"));
    }

    [Fact]
    public async Task The_api_description_names_the_idempotency_key_on_the_operations_that_take_it()
    {
        var openApi = JsonNode.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var taking = openApi["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Operation: operation.Value!)))
            .Where(o => o.Operation["parameters"]?.AsArray().Any(p => p!["in"]?.GetValue<string>() == "header" && p["name"]?.GetValue<string>() == "Idempotency-Key") == true)
            .Select(o => o.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["POST /api/admin/answer-templates", "POST /api/admin/organizations", "POST /api/appeals", "POST /api/appeals/{id}/notes", "POST /api/reports"], taking);
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

    [Fact]
    public async Task A_body_that_names_a_charset_other_than_utf8_is_refused_with_415_on_every_endpoint_that_reads_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var (callers, endpoints) = await SetUpAsync();
        var errorsBefore = app.Log.Errors.Count;
        var rowsBefore = await app.RequestRowsAsync(ct);
        var failures = new List<string>();

        // The framework's reader decoded a body by the charset it names, and failed with a 500 on a name it does not know
        // (windows-1251 among them: .NET has no code pages unless asked) or on UTF-7, which the runtime refuses to make.
        foreach (var endpoint in endpoints)
        {
            foreach (var charset in new[] { "windows-1251", "utf-7", "utf-16", "iso-8859-1", "no-such-charset" })
            {
                var refused = false;
                foreach (var (name, client) in callers)
                {
                    using var response = await SendAsync(client, endpoint, "{}"u8.ToArray(), charset, failures, name, ct);
                    refused |= response.StatusCode == HttpStatusCode.UnsupportedMediaType
                        && (await response.ObjectAsync()).Str("code") == "error.unsupported_charset";
                }

                if (!refused)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Route} with charset {charset}: no caller got 415 error.unsupported_charset");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(errorsBefore, app.Log.Errors.Count);
        Assert.Equal(rowsBefore, await app.RequestRowsAsync(ct));
    }

    [Theory]
    [InlineData("en", "Text must be sent in UTF-8, and this request names another character encoding. Nothing was saved.")]
    [InlineData("uz-Cyrl", "Матн UTF-8 кодлашида юборилиши керак, бу сўровда эса бошқа белгилар кодлаши кўрсатилган. Ҳеч нарса сақланмади.")]
    public async Task A_filing_in_windows_1251_is_refused_in_the_callers_language_and_files_nothing(string language, string detail)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen", language);
        var mine = (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length;
        var json = $"{{\"type\":\"complaint\",\"categoryCode\":\"other\",\"territoryId\":\"{await app.MahallaIdAsync()}\",\"text\":\"Свет не горит.\"}}";
        // What a legacy system in the region sends: the text in Windows-1251, and the header says so.
        // (.NET has no code pages unless asked: the letters А–я are 0xC0–0xFF in it, and ASCII is itself.)
        var bytes = json.Select(c => c is >= 'А' and <= 'я' ? (byte)(c - 'А' + 0xC0) : checked((byte)c)).ToArray();
        var content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") { CharSet = "windows-1251" } } };

        var response = await citizen.PostAsync("/api/appeals", content, ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.Equal("error.unsupported_charset", problem.Str("code"));
        Assert.Equal(detail, problem.Str("detail"));
        Assert.Equal(mine, (await citizen.GetStringAsync("/api/appeals/mine", ct)).Length);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF-8")]
    [InlineData("\"UTF-8\"")]
    [InlineData("us-ascii")]
    public async Task Utf8_is_read_by_its_name_in_any_case_quoted_or_not_and_so_is_the_ascii_it_contains(string charset)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizen = await app.SignedInAsync("demo-citizen");
        var json = $"{{\"type\":\"complaint\",\"categoryCode\":\"other\",\"territoryId\":\"{await app.MahallaIdAsync()}\",\"text\":\"Koʻcha chirogʻi yonmayapti.\"}}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        // HttpClient would refuse a quoted value in CharSet; the header is written as a client on the wire sends it.
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var response = await citizen.PostAsync("/api/appeals", content, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = await citizen.GetStringAsync($"/api/appeals/{(await response.ObjectAsync()).Str("id")}", ct);
        Assert.Contains("Koʻcha chirogʻi yonmayapti.", filed, StringComparison.Ordinal);
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

    private static List<string> PropertiesOf(JsonNode openApi, Endpoint endpoint) => SchemasOf(openApi, endpoint).Select(p => p.Name).ToList();

    /// <summary>The body's fields with their schemas, from the OpenAPI document.</summary>
    private static List<(string Name, JsonNode Schema)> SchemasOf(JsonNode openApi, Endpoint endpoint)
    {
        var operation = openApi["paths"]?[OpenApiPath(endpoint.Route)]?[endpoint.Method.ToLowerInvariant()];
        var schema = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
        while (schema?["$ref"] is { } reference)
        {
            schema = openApi["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
        }

        return schema?["properties"]?.AsObject().Select(p => (p.Key, p.Value!)).ToList() ?? [];
    }

    /// <summary>A JSON value that a field of this schema reads: null where it may be null; null (none) for a schema not simple enough to say.</summary>
    private static string? ValueOf(JsonNode openApi, JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            schema = openApi["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!;
        }

        // A field that may be null and is otherwise a schema of its own is written as one of the two.
        var types = (schema["type"], schema["oneOf"] ?? schema["anyOf"]) switch
        {
            (JsonArray many, _) => many.Select(t => t!.GetValue<string>()).ToList(),
            (JsonValue one, _) => [one.GetValue<string>()],
            (_, JsonArray choices) => choices.Select(c => c?["type"]?.GetValue<string>()).OfType<string>().ToList(),
            _ => [],
        };
        return types.Contains("null") ? "null"
            : types.Contains("string") && schema["format"] is null && schema["enum"] is null ? "\"x\""
            : types.Contains("boolean") ? "true"
            : types.Contains("array") ? "[]"
            : types.Contains("object") ? "{}"
            : null;
    }

    private static string OpenApiPath(string route) => RouteConstraint().Replace(route, "}").TrimEnd('/');

    private async Task<HttpStatusCode> SendAsync(HttpClient client, Endpoint endpoint, byte[] body, List<string> failures, string caller, CancellationToken ct) =>
        (await SendAsync(client, endpoint, body, "utf-8", failures, caller, ct)).StatusCode;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, byte[] body, string charset, List<string> failures,
        string caller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") { CharSet = charset } } },
        };
        var response = await client.SendAsync(request, ct);
        var shown = body.Length > 60 ? Encoding.UTF8.GetString(body, 0, 60) + "…" : Encoding.UTF8.GetString(body);
        response.NoteIfNotAProblem($"{endpoint.Method} {endpoint.Route} with body '{shown}' as {caller}", failures);
        return response;
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

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaReference();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
