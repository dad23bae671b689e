using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mahalla.Web.Modules.Demo;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Mahalla.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real application on a real, empty database of the chosen provider, migrated and seeded with
/// the demo data, with a clock the test controls. Background jobs are off; tests run them by hand.
/// A second node joins the first's database (and may share its clock) with <see cref="JoinAsSecondNode"/>.
/// </summary>
public class MahallaApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("mahalla-test-").FullName;
    private readonly string _connectionString;
    private readonly bool _ownsDatabase;

    public MahallaApp(Provider provider)
        : this(provider, null, null)
    {
    }

    private MahallaApp(Provider provider, string? connectionString, FakeClock? clock)
    {
        Provider = provider;
        _ownsDatabase = connectionString is null;
        _connectionString = connectionString ?? (provider == Provider.Postgres
            ? Infrastructure.Postgres.CreateDatabase()
            : $"Data Source={Path.Combine(_folder, "mahalla.db")}");
        Clock = clock ?? new FakeClock(FakeClock.OrdinaryTuesday);
    }

    public Provider Provider { get; }

    public FakeClock Clock { get; }

    /// <summary>What the app logged at the error level and above, from its start.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>Extra configuration (e.g. <c>Transparency:…</c>), read when the host is built: set it before first use.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Another node of the same installation: same database and clock, its own host and singletons. This app drops the database.</summary>
    public MahallaApp JoinAsSecondNode()
    {
        var node = new MahallaApp(Provider, _connectionString, Clock);
        foreach (var (key, value) in Settings)
        {
            node.Settings[key] = value;
        }

        return node;
    }

    public string OutboxFolder => Path.Combine(_folder, "outbox");

    /// <summary>The SQLite database file of an app that made its own (it exists once the host has started).</summary>
    public string SqliteFile => Provider == Provider.Sqlite && _ownsDatabase
        ? Path.Combine(_folder, "mahalla.db")
        : throw new InvalidOperationException("Only an app on its own SQLite database has a file of its own.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Mahalla", _connectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Deadlines:Sweeper:Enabled", "false");
        builder.UseSetting("Transparency:SequencerEnabled", "false");
        builder.UseSetting("Reports:WatcherEnabled", "false");
        builder.UseSetting("Open311:QueueProcessorEnabled", "false");
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("Delivery:WorkerEnabled", "false");
        builder.UseSetting("Delivery:AllowInsecureHttp", "true");
        builder.UseSetting("Delivery:PublicBaseUrl", "https://mahalla.test");
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        builder.UseSetting("Tracking:LiveInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<MahallaDb, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<MahallaDb>());
    }

    /// <summary>The rows a request, its events, notes and attachments leave: what a refused request must not change.</summary>
    public Task<RequestRows> RequestRowsAsync(CancellationToken ct) => WithDbAsync(async db => new RequestRows(
        await db.Appeals.CountAsync(ct), await db.AppealEvents.CountAsync(ct), await db.InternalNotes.CountAsync(ct), await db.AppealAttachments.CountAsync(ct)));

    /// <summary>As <see cref="WithDbAsync{T}"/>, inside a transaction that commits when <paramref name="use"/> returns.</summary>
    public Task<T> InTransactionAsync<T>(Func<MahallaDb, Task<T>> use) => WithDbAsync(async db =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await use(db);
        await tx.CommitAsync();
        return result;
    });

    /// <summary>An HTTP client signed in with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string? language = null, string password = Password)
    {
        var client = CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> CitizenAsync() => SignedInAsync("demo-citizen");

    /// <summary>
    /// A client that posts pages as a browser would, signed in as <paramref name="userName"/> (in <paramref name="language"/>
    /// if given). It follows no redirect, so a test sees each one: HttpClient drops the bearer token when it follows one.
    /// </summary>
    public async Task<HttpClient> PagesAsync(string userName, string? language = null)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = (await SignedInAsync(userName)).DefaultRequestHeaders.Authorization;
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    /// <summary>A new citizen account (a random +998 phone number), signed in.</summary>
    public async Task<HttpClient> NewCitizenAsync(string? displayName = null)
    {
        var phone = $"+99893{Random.Shared.Next(1000000, 9999999)}";
        var registered = await CreateClient().PostAsJsonAsync("/api/auth/register", new { login = phone, password = Password, displayName });
        if (registered.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registration failed: {(int)registered.StatusCode}");
        }

        return await SignedInAsync(phone);
    }

    /// <summary>What a citizen fills in on the appeal page's form (<c>file-appeal</c>): a complaint about the demo mahalla.</summary>
    public async Task<Dictionary<string, string>> AppealFormAsync() => new()
    {
        ["Input.Type"] = "complaint",
        ["Input.CategoryCode"] = "other",
        ["Input.TerritoryId"] = (await MahallaIdAsync()).ToString(),
        ["Input.Text"] = "Hovlimizdagi chiroq yonmayapti.",
    };

    public async Task<Guid> MahallaIdAsync(string key = "bodomzor") => await Task.FromResult(Web.Modules.Territories.TerritorySeed.IdFor("mahalla:" + key));

    public static Guid OrganizationId(string key) => DemoData.OrgId(key);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (Provider == Provider.Postgres && _ownsDatabase)
            {
                Infrastructure.Postgres.DropDatabase(_connectionString);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platforms; the temp folder is cleaned by the OS.
            }
        }
    }
}

public sealed record RequestRows(int Appeals, int Events, int Notes, int Attachments);

public sealed class SqliteApp() : MahallaApp(Provider.Sqlite);

public sealed class PostgresApp() : MahallaApp(Provider.Postgres);

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Notes in <paramref name="failures"/> an answer that is a 5xx, or a 4xx without ProblemDetails: what no caller's
    /// mistake may get from the API.
    /// </summary>
    public static void NoteIfNotAProblem(this HttpResponseMessage response, string what, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{what}: {(int)response.StatusCode}");
        }
        else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {(int)response.StatusCode} without ProblemDetails");
        }
    }

    public static async Task<JsonObject> ObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Web))!;

    public static async Task<JsonArray> ArrayAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonArray>(Web))!;

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    /// <summary>A JSON POST, under an <c>Idempotency-Key</c> when one is given, as a client that retries would send it.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey,
        CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, ct);
    }
}
