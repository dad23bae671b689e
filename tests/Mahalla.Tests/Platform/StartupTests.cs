using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.Data.Sqlite;

namespace Mahalla.Tests.Platform;

/// <summary>A first start on an empty database, as an installation's first: migrated, seeded, ready, and nothing in the log to alarm an operator.</summary>
public sealed class StartupTests
{
    // The file format's header: bytes 18 and 19 are the write and read versions, 1 for a rollback journal and 2 for WAL.
    private const int LegacyJournal = 1;
    private const int WriteAheadLog = 2;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_first_start_on_an_empty_database_logs_no_error(Provider provider)
    {
        await using var app = new MahallaApp(provider);
        var health = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(app.Log.Errors);
    }

    [Fact]
    public async Task A_new_sqlite_database_is_made_in_write_ahead_log_mode()
    {
        await using var app = new MahallaApp(Provider.Sqlite);
        Assert.False(File.Exists(app.SqliteFile));

        var health = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        await AssertWriteAheadLogAsync(app.SqliteFile);
    }

    [Fact]
    public async Task A_sqlite_database_with_a_rollback_journal_is_turned_to_write_ahead_log_at_start()
    {
        // As the builds from db3f9b8 made them: a file that existed before EF Core's migrations, in SQLite's default mode.
        await using var app = new MahallaApp(Provider.Sqlite);
        await using (var before = new SqliteConnection($"Data Source={app.SqliteFile};Pooling=False"))
        {
            await before.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = before.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE; CREATE TABLE made_before (id INTEGER PRIMARY KEY)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal((LegacyJournal, LegacyJournal), Header(app.SqliteFile));

        var health = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        await AssertWriteAheadLogAsync(app.SqliteFile);
        Assert.Empty(app.Log.Errors);
    }

    /// <summary>WAL by the file's header and by what a connection of its own reads.</summary>
    private static async Task AssertWriteAheadLogAsync(string file)
    {
        Assert.Equal((WriteAheadLog, WriteAheadLog), Header(file));
        Assert.Equal(SqlitePragmas.WriteAheadLog, await JournalModeAsync(file));
    }

    private static (int Write, int Read) Header(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[100];
        stream.ReadExactly(header);
        return (header[18], header[19]);
    }

    private static async Task<string?> JournalModeAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
