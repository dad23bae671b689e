using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// The settings of every SQLite connection EF Core opens, made once per database handle:
/// <list type="bullet">
/// <item>its page cache, <c>Database:SqliteCacheKib</c>, 8 MiB by default (ADR 0064). SQLite's own default is 2 MiB a
/// connection, and an inbox page of an organisation with ten thousand requests touches about 2.6 MiB: each connection's
/// least recently used page was always the one it needed next. The cache fills only as pages are read.</item>
/// <item>its temporary files in memory, <c>temp_store = MEMORY</c> (ADR 0067). A group commit (ADR 0014) that has to save
/// its filings again saves each after a savepoint of its own, and SQLite keeps the pages a savepoint may have to restore in
/// a statement journal: past 64 KiB that journal went to a temporary file, about 210 KB of writes per filing.</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas(int cacheKib) : DbConnectionInterceptor
{
    public const int DefaultCacheKib = 8 * 1024;

    /// <summary>What <c>PRAGMA temp_store</c> reads on the app's connections: 2, MEMORY.</summary>
    public const long TempStoreMemory = 2;

    // Microsoft.Data.Sqlite keeps the database handle open in its pool between uses, and the settings stay with the
    // handle: they are made once per handle, not at every open.
    private readonly ConditionalWeakTable<object, object> _set = [];

    /// <summary>What <c>PRAGMA journal_mode</c> answers on a database in write-ahead-log mode.</summary>
    public const string WriteAheadLog = "wal";

    /// <summary>
    /// Puts the database in write-ahead-log mode, which the file keeps: at start, before migrating. A database that does not
    /// exist yet is created so; one with a rollback journal is converted (nothing else has it open at start). In WAL mode a
    /// commit syncs one file once, where a rollback journal syncs the journal, its folder and the database on every commit,
    /// and readers do not wait for the writer. A database that cannot use WAL (in memory, or on a file system without
    /// shared memory) is logged as a warning and used as it is.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(MahallaDb db, ILogger log)
    {
        string? mode = null;
        await using var command = db.Query($"PRAGMA journal_mode = '{WriteAheadLog}'");
        await db.ReadAsync(command, row => mode = row.GetString(0), CancellationToken.None);
        if (!string.Equals(mode, WriteAheadLog, StringComparison.OrdinalIgnoreCase))
        {
            log.LogWarning("The SQLite database stays in journal mode {Mode}, not WAL: commits are slower and readers wait for writers.", mode);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => ApplyOnce(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ApplyOnce(connection);
        return Task.CompletedTask;
    }

    private void ApplyOnce(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _set.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        // A negative cache size is in KiB, not in pages; 0 keeps SQLite's default.
        var cache = cacheKib > 0 ? $"PRAGMA cache_size = -{cacheKib}; " : "";
        command.CommandText = cache + "PRAGMA temp_store = MEMORY";
        command.ExecuteNonQuery();

        // A handle serves one connection at a time, so no other thread is setting this one now.
        _set.AddOrUpdate(handle, handle);
    }
}
