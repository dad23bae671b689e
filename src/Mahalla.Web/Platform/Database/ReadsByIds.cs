using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// A fixed read of the rows with any of a list of ids, as one prepared statement (ADR 0012, addendum of session 15):
/// on SQLite on a kept-open connection of <see cref="DatabaseConnections"/> whose statement stays prepared, on
/// PostgreSQL on the DbContext's connection, where Npgsql prepares it by itself (ADR 0015). The ids are one parameter,
/// <c>@ids</c>: a JSON array of upper-case GUID text on SQLite (as EF Core keeps GUIDs there), a <c>uuid[]</c> on PostgreSQL.
/// </summary>
/// <remarks>
/// For a list page's reads after its ids are chosen (the inbox's rows and triage notes), where EF Core's query pipeline
/// and SQLite's parsing of the same statement cost more than the reading. The statement's text comes from
/// <see cref="Sql"/>, built once per database from the model's table names; no value ever goes into it.
/// </remarks>
internal sealed class ReadsByIds(Func<DbContext, Func<string, string>, string> build)
{
    private readonly ConcurrentDictionary<bool, string> _sql = new();

    /// <summary>
    /// The statement for the database: <paramref name="build"/> gets the DbContext (for its tables' names,
    /// <see cref="UnitOfWorkStatements.Table{T}"/>) and a function that writes "<c>column</c> is one of the ids" for a column.
    /// </summary>
    private string Sql(DbContext db, bool postgres) => _sql.GetOrAdd(postgres, p => build(db,
        column => p ? $"{column} = ANY(@ids)" : $"{column} IN (SELECT value FROM json_each(@ids))"));

    /// <summary>Runs the read for <paramref name="ids"/> and hands each row to <paramref name="row"/>, in the database's order.</summary>
    public async Task ReadAsync(DbContext db, DatabaseConnections connections, IReadOnlyCollection<Guid> ids, Action<DbDataReader> row, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sql = Sql(db, connections.IsPostgres);
        if (connections.IsPostgres)
        {
            await using var command = db.Query(sql).With("ids", ids.ToArray());
            await db.ReadAsync(command, row, ct);
            return;
        }

        await connections.ReadSqliteAsync(sql, [("@ids", SqliteIds(ids))], async reader =>
        {
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }

            return true;
        }, ct);
    }

    /// <summary>The ids as SQLite's <c>json_each</c> reads them: <c>["0190…","0190…"]</c>, upper case as EF Core stores them.</summary>
    internal static string SqliteIds(IReadOnlyCollection<Guid> ids) => string.Create(Math.Max(2, 1 + (ids.Count * 39)), ids, static (span, ids) =>
    {
        span[0] = '[';
        var at = 1;
        foreach (var id in ids)
        {
            if (at > 1)
            {
                span[at++] = ',';
            }

            span[at++] = '"';
            id.TryFormat(span[at..], out var written, "D");
            for (var i = at; i < at + written; i++)
            {
                span[i] = char.ToUpperInvariant(span[i]);
            }

            at += written;
            span[at++] = '"';
        }

        span[at] = ']';
    });
}
