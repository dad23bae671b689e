using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Mahalla.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Appeals;

/// <summary>Every kind of bad input gets a clear 400 (or 409) ProblemDetails in the caller's language, and nothing is saved.</summary>
public abstract class BadInputTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"type":"complaint","categoryCode":"no-such-category","territoryId":"MAHALLA","text":"x"}""", "categoryCode" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"00000000-0000-0000-0000-000000000001","text":"x"}""", "territoryId" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"DISTRICT","text":"A district is not a mahalla"}""", "territoryId" },
        { """{"type":"petition","categoryCode":"other","territoryId":"MAHALLA","text":"x"}""", "type" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA","text":"   "}""", "text" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA","text":"null byte \u0000 inside"}""", "text" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA","text":"broken \uD800 surrogate"}""", "text" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA","text":"x","anonymous":true}""", "anonymous" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA","text":"x","language":"fr"}""", "language" },
        { """{"type":"complaint","categoryCode":"other","territoryId":"MAHALLA"}""", "text" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_filings_get_a_400_naming_the_field_and_save_nothing(string body, string field)
    {
        var citizen = await App.CitizenAsync();
        var before = await CountAsync();
        var json = body.Replace("MAHALLA", (await App.MahallaIdAsync()).ToString(), StringComparison.Ordinal)
            .Replace("DISTRICT", Web.Modules.Territories.TerritorySeed.IdFor("1726266").ToString(), StringComparison.Ordinal);

        var response = await citizen.PostAsync("/api/appeals", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ObjectAsync();
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Text_over_ten_thousand_characters_is_refused_and_exactly_ten_thousand_is_accepted()
    {
        var citizen = await App.CitizenAsync();

        var tooLong = await citizen.PostFileAsync(text: new string('a', 10_001));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var atLimit = await citizen.PostFileAsync(text: new string('a', 10_000));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task Script_bearing_text_is_stored_as_given_and_returned_as_data()
    {
        var citizen = await App.CitizenAsync();
        const string hostile = "<script>alert('x')</script> \"; DROP TABLE appeals; --";

        var filed = await citizen.FileAsync(text: hostile);
        var view = await citizen.GetAppealAsync(filed);

        Assert.Equal(hostile, view.Str("text"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\": 5, \"territoryId\": \"not-a-guid\"}")]
    [InlineData("")]
    public async Task Malformed_json_gets_a_400_problem_not_a_500(string body)
    {
        var citizen = await App.CitizenAsync();

        var response = await citizen.PostAsync("/api/appeals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrongly_encoded_bytes_get_a_400()
    {
        var citizen = await App.CitizenAsync();
        var latin1 = Encoding.Latin1.GetBytes("{\"type\":\"complaint\",\"categoryCode\":\"other\",\"territoryId\":\"" + await App.MahallaIdAsync() + "\",\"text\":\"\u00ff\u00fe caf\u00e9\"}");
        var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var response = await citizen.PostAsync("/api/appeals", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_content_type_gets_a_415_and_saves_nothing()
    {
        var citizen = await App.CitizenAsync();
        var before = await CountAsync();

        var response = await citizen.PostAsync("/api/appeals", new StringContent("type=complaint", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Errors_speak_the_callers_language()
    {
        var russian = await App.SignedInAsync("demo-citizen", "ru");
        var english = await App.SignedInAsync("demo-citizen", "en");

        var ru = await (await russian.PostFileAsync(category: "nope")).ObjectAsync();
        var en = await (await english.PostFileAsync(category: "nope")).ObjectAsync();

        Assert.Equal("Выберите тему из списка.", ru["errors"]!["categoryCode"]![0]!.GetValue<string>());
        Assert.Equal("Choose a topic from the list.", en["errors"]!["categoryCode"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_not_by_name()
    {
        var citizen = await App.CitizenAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        byte[] exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0];

        var good = await citizen.PostAsync("/api/appeals", Multipart(await App.MahallaIdAsync(), ("photo.png", png)));
        var bad = await citizen.PostAsync("/api/appeals", Multipart(await App.MahallaIdAsync(), ("photo.png", exe)));
        var big = await citizen.PostAsync("/api/appeals", Multipart(await App.MahallaIdAsync(), ("big.pdf", [.. "%PDF-"u8, .. new byte[5 * 1024 * 1024]])));

        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        var view = await citizen.GetAppealAsync(await good.ObjectAsync());
        var attachment = view["attachments"]!.AsArray().Single()!;
        Assert.Equal("image/png", attachment.Str("contentType"));
        var download = await citizen.GetAsync($"/api/appeals/{view.Str("id")}/attachments/{attachment.Str("id")}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        var stranger = await App.SignedInAsync("demo-operator");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/appeals/{view.Str("id")}/attachments/{attachment.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task A_transition_the_state_does_not_allow_is_a_409_and_changes_nothing()
    {
        var citizen = await App.CitizenAsync();
        var filed = await citizen.FileAsync();
        var versionBefore = (await citizen.GetAppealAsync(filed))["version"]!.GetValue<int>();

        var response = await citizen.ActAsync(filed, "confirmation", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("rule.only_answered_requests_can_be_confirmed", (await response.ObjectAsync()).Str("code"));
        Assert.Equal(versionBefore, (await citizen.GetAppealAsync(filed))["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("rating", """{"score": 9}""")]
    [InlineData("rating", """{"score": "five"}""")]
    [InlineData("dispute", """{"reason": ""}""")]
    [InlineData("answer", """{}""")]
    [InlineData("forwarding", """{"organizationId": "00000000-0000-0000-0000-000000000009", "reason": "x"}""")]
    public async Task Bad_transition_bodies_get_a_400(string verb, string body)
    {
        var citizen = await App.CitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var filed = await citizen.FileAsync();
        var client = verb is "answer" or "forwarding" ? staff : citizen;

        var response = await client.PostAsync($"/api/appeals/{filed.Str("id")}/{verb}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Inbox_filters_with_unknown_values_get_a_400()
    {
        var staff = await App.SignedInAsync("demo-mahalla");

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/inbox?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/inbox?overdue=perhaps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/inbox?status=submitted&type=complaint&overdue=false")).StatusCode);
    }

    [Fact]
    public async Task Registration_refuses_bad_logins_and_duplicates()
    {
        var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/auth/register", new { login = "+7 999 123 45 67", password = "Good-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/auth/register", new { login = "not an email", password = "Good-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/auth/register", new { login = "+998901112233", password = "short" })).StatusCode);
        var phone = $"+99893{Random.Shared.Next(1000000, 9999999)}";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/auth/register", new { login = phone, password = "Good-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/auth/register", new { login = phone, password = "Good-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { userName = phone, password = "Wrong-pass-1" })).StatusCode);
    }

    [Theory]
    [InlineData("anonymous", "true", "anonymous", "validation.unknown_field")]
    [InlineData("isAnonymous", "yes", "isAnonymous", "validation.expected_true_or_false")]
    [InlineData("text", "Boshqa matn.", "text", "validation.duplicate_field")]
    [InlineData("territoryId", "00000000-0000-0000-0000-000000000001", "territoryId", "validation.duplicate_field")]
    [InlineData("isAnonymous", "True", null, null)]
    [InlineData("isAnonymous", "on", null, null)]
    [InlineData("isAnonymous", "0", null, null)]
    public async Task A_multipart_filing_is_held_to_the_json_bodys_fields(string name, string value, string? field, string? code)
    {
        var citizen = await App.CitizenAsync();
        var before = await CountAsync();
        using var form = Multipart(await App.MahallaIdAsync());
        form.Add(new StringContent(value), name);

        var response = await citizen.PostAsync("/api/appeals", form);

        if (field is null)
        {
            // Read as true or false, as a form's checkbox and most clients write it; never a "True" read as false.
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var filed = await citizen.GetAppealAsync(await response.ObjectAsync());
            Assert.Equal(value is "True" or "on", filed["isAnonymous"]!.GetValue<bool>());
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.ObjectAsync())["errorCodes"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_multipart_text_in_bytes_that_are_not_utf8_is_refused_rather_than_filed_with_its_letters_lost()
    {
        var citizen = await App.SignedInAsync("demo-citizen", "ru");
        var before = await CountAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "type" },
            { new StringContent("roads"), "categoryCode" },
            { new StringContent((await App.MahallaIdAsync()).ToString()), "territoryId" },
            // "Яма на дороге" in Windows-1251: bytes that are not UTF-8, which the form reader turns into U+FFFD.
            { new ByteArrayContent([0xDF, 0xEC, 0xE0, 0x20, 0xED, 0xE0, 0x20, 0xE4, 0xEE, 0xF0, 0xEE, 0xE3, 0xE5]), "text" },
        };

        var response = await citizen.PostAsync("/api/appeals", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ObjectAsync();
        Assert.Equal("validation.invalid_characters", problem["errorCodes"]!["text"]![0]!.GetValue<string>());
        Assert.StartsWith("В тексте есть символы, которые нельзя сохранить", problem["errors"]!["text"]![0]!.GetValue<string>());
        Assert.Equal(before, await CountAsync());
    }

    private static MultipartFormDataContent Multipart(Guid mahalla, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "type" },
            { new StringContent("roads"), "categoryCode" },
            { new StringContent(mahalla.ToString()), "territoryId" },
            { new StringContent("Yo'lda chuqur bor, rasmini yubordim."), "text" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "attachments", name);
        }

        return form;
    }

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Appeals.CountAsync());
}

public sealed class BadInputOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
