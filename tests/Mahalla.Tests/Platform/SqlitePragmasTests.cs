using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Platform;

/// <summary>
/// Every SQLite connection EF Core opens has the configured page cache (ADR 0064) and keeps its temporary files in memory
/// (ADR 0067), each time it comes back from the pool; the kept-open connections of the single-row ADO.NET reads keep
/// SQLite's defaults.
/// </summary>
public sealed class SqlitePragmasTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const long SqliteDefaultTempStore = 0; // as compiled: files, unless a connection asks for memory

    [Fact]
    public async Task Every_connection_ef_core_opens_has_the_configured_page_cache_and_temporary_files_in_memory()
    {
        var expected = -SqlitePragmas.DefaultCacheKib; // negative: KiB, not pages
        Assert.NotEqual(-2000L, expected); // SQLite's own default, which must not be what is measured

        for (var i = 0; i < 3; i++)
        {
            // Open and closed each time, so the later rounds get the pooled handle back (the settings are made once per handle).
            Assert.Equal((expected, SqlitePragmas.TempStoreMemory),
                await app.WithDbAsync(async db => (await PragmaAsync(db, "cache_size"), await PragmaAsync(db, "temp_store"))));
        }

        var connections = app.Service(sp => sp.GetRequiredService<DatabaseConnections>());
        var reads = connections.RentSqliteReads();
        try
        {
            Assert.Equal(-2000L, Convert.ToInt64(await reads.Command("PRAGMA cache_size", []).ExecuteScalarAsync()));
            Assert.Equal(SqliteDefaultTempStore, Convert.ToInt64(await reads.Command("PRAGMA temp_store", []).ExecuteScalarAsync()));
        }
        finally
        {
            connections.Return(reads);
        }

        // A new connection (a handle of its own, not one from the pool EF Core shares) has SQLite's default: the app set it,
        // not the database file.
        await using var outside = new SqliteConnection(new SqliteConnectionStringBuilder(connections.ConnectionString) { Pooling = false }.ConnectionString);
        await outside.OpenAsync();
        await using var command = outside.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        Assert.Equal(-2000L, Convert.ToInt64(await command.ExecuteScalarAsync()));
        command.CommandText = "PRAGMA temp_store";
        Assert.Equal(SqliteDefaultTempStore, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public void The_size_is_configuration_and_nothing_but_a_positive_size_changes_the_default()
    {
        Assert.Equal(SqlitePragmas.DefaultCacheKib, Connections(null).SqliteCacheKib);
        Assert.Equal(16_384, Connections("16384").SqliteCacheKib);
        Assert.Equal(0, Connections("0").SqliteCacheKib);
        Assert.Equal(0, Connections("-5").SqliteCacheKib);
        Assert.Equal(0, DatabaseConnections.From(Configuration(("Database:Provider", "Postgres"), ("ConnectionStrings:Mahalla", "Host=db")), new TestEnvironment()).SqliteCacheKib);

        static DatabaseConnections Connections(string? kib) => DatabaseConnections.From(
            Configuration(("ConnectionStrings:Mahalla", "Data Source=unused.db"), ("Database:SqliteCacheKib", kib)), new TestEnvironment());
    }

    private static async Task<long> PragmaAsync(MahallaDb db, string pragma)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
