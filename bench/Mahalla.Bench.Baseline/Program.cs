using System.Data.Common;
using Microsoft.Data.Sqlite;
using Mahalla.Web.Platform.Database;
using Npgsql;

// The bare endpoints the app's figures are compared with (issue 2, "Benchmark"): the same
// database kind, driver, connection string and pool as the app, and nothing else.
//   GET  /              hello (the bare ASP.NET Core endpoint)
//   POST /insert        {"text": "..."} -> one INSERT of (id, text, created_at) -> 201 {"id"}
//   GET  /select/{id}   one single-row SELECT by primary key -> 200 {"id","text","createdAtUtc"}
//   GET  /health        200 once the table exists
// Configuration keys are the app's: Database:Provider (Sqlite|Postgres), ConnectionStrings:Mahalla.
var builder = WebApplication.CreateBuilder(args);
var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
var connectionString = builder.Configuration.GetConnectionString("Mahalla")
    ?? throw new InvalidOperationException("ConnectionStrings:Mahalla is required.");
var store = provider.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)
    ? (BaselineStore)new PostgresStore(connectionString)
    : new SqliteStore(connectionString);
builder.Services.AddSingleton(store);

var app = builder.Build();
await store.CreateTableAsync();

app.MapGet("/", () => TypedResults.Text("Hello from the baseline"));
app.MapGet("/health", () => TypedResults.Text("ok"));
app.MapPost("/insert", async (InsertRequest request, BaselineStore db, CancellationToken ct) =>
{
    if (string.IsNullOrEmpty(request.Text) || request.Text.Length > 10_000)
    {
        return Results.BadRequest();
    }

    var id = Guid.CreateVersion7();
    await db.InsertAsync(id, request.Text, DateTime.UtcNow, ct);
    return Results.Created($"/select/{id}", new InsertResult(id));
});
app.MapGet("/select/{id:guid}", async (Guid id, BaselineStore db, CancellationToken ct) =>
    await db.SelectAsync(id, ct) is { } row ? Results.Ok(row) : Results.NotFound());

await app.RunAsync();

internal sealed record InsertRequest(string? Text);

internal sealed record InsertResult(Guid Id);

internal sealed record Row(Guid Id, string Text, DateTime CreatedAtUtc);

/// <summary>One table of the same shape as a small appeal row: a GUID key, a text, a timestamp.</summary>
internal abstract class BaselineStore
{
    protected const string Table = "bench_baseline_rows";

    protected abstract DbConnection Connect();

    /// <summary>For the SELECT by key: on PostgreSQL the app's pool for such reads (ADR 0077).</summary>
    protected virtual DbConnection ConnectForKeyedReads() => Connect();

    protected abstract string CreateSql { get; }

    protected abstract object Key(Guid id);

    public async Task CreateTableAsync()
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task InsertAsync(Guid id, string text, DateTime createdAtUtc, CancellationToken ct)
    {
        await using var connection = Connect();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table} (id, text, created_at) VALUES (@id, @text, @created_at)";
        Add(command, "id", Key(id));
        Add(command, "text", text);
        Add(command, "created_at", createdAtUtc);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<Row?> SelectAsync(Guid id, CancellationToken ct)
    {
        await using var connection = ConnectForKeyedReads();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT text, created_at FROM {Table} WHERE id = @id";
        Add(command, "id", Key(id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Row(id, reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc))
            : null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>Microsoft.Data.Sqlite with its default connection pool; WAL like the app's database (EF Core creates it in WAL mode).</summary>
internal sealed class SqliteStore(string connectionString) : BaselineStore
{
    protected override DbConnection Connect() => new SqliteConnection(connectionString);

    protected override string CreateSql =>
        $"PRAGMA journal_mode = 'wal'; CREATE TABLE IF NOT EXISTS {Table} (id TEXT NOT NULL PRIMARY KEY, text TEXT NOT NULL, created_at TEXT NOT NULL)";

    // EF Core stores GUIDs as upper-case text on SQLite; do the same.
    protected override object Key(Guid id) => id.ToString().ToUpperInvariant();
}

/// <summary>Npgsql with the pool from the connection string (e.g. Maximum Pool Size=16) and the app's defaults (automatic preparation, a pool floor), as the app gets them; the SELECT by key from a second pool, as the app's tracking look-up.</summary>
internal sealed class PostgresStore(string connectionString) : BaselineStore
{
    // The app's own rule (PostgresConnectionDefaults, compiled into this project from the app's source).
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(PostgresConnectionDefaults.Apply(connectionString));

    private readonly NpgsqlDataSource _keyedReads = NpgsqlDataSource.Create(PostgresConnectionDefaults.ForKeyedReads(PostgresConnectionDefaults.Apply(connectionString)));

    protected override DbConnection Connect() => _source.CreateConnection();

    protected override DbConnection ConnectForKeyedReads() => _keyedReads.CreateConnection();

    protected override string CreateSql =>
        $"CREATE TABLE IF NOT EXISTS {Table} (id uuid PRIMARY KEY, text text NOT NULL, created_at timestamp with time zone NOT NULL)";

    protected override object Key(Guid id) => id;
}
