using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// The page cache of every SQLite connection EF Core opens: <c>Database:SqliteCacheKib</c>, 8 MiB by default
/// (ADR 0064). SQLite's own default is 2 MiB a connection, and an inbox page of an organisation with ten
/// thousand requests touches about 2.6 MiB (most of it the count of its scope): each connection's least
/// recently used page was always the one it needed next, so every request read some 70 pages from the
/// kernel again. The cache fills only as pages are read, so a connection that reads little holds little.
/// </summary>
internal sealed class SqlitePageCache(int kib) : DbConnectionInterceptor
{
    public const int DefaultKib = 8 * 1024;

    // Microsoft.Data.Sqlite keeps the database handle open in its pool between uses, and the setting stays with the
    // handle: it is set once per handle, not at every open.
    private readonly ConditionalWeakTable<object, object> _set = [];

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

        if (kib > 0) // 0: SQLite's default
        {
            using var command = sqlite.CreateCommand();
            // A negative size is in KiB, not in pages.
            command.CommandText = $"PRAGMA cache_size = -{kib}";
            command.ExecuteNonQuery();
        }

        // A handle serves one connection at a time, so no other thread is setting this one now.
        _set.AddOrUpdate(handle, handle);
    }
}
