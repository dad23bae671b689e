using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    public string Sql(DbContext db, bool postgres) => _sql.GetOrAdd(postgres, p => build(db,
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

/// <summary>Values as the app's tables hold them, read from a plain ADO.NET reader.</summary>
internal static class DbValues
{
    /// <summary>
    /// An instant in UTC. SQLite keeps it as text in EF Core's form, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, which is read
    /// here digit by digit (Microsoft.Data.Sqlite's <c>GetDateTime</c> runs the general <c>DateTime.Parse</c> on it);
    /// any other text goes to <c>GetDateTime</c>. PostgreSQL's <c>timestamp with time zone</c> reads as UTC already.
    /// </summary>
    public static DateTime Utc(DbDataReader reader, int ordinal)
    {
        if (reader is SqliteDataReader sqlite && sqlite.GetFieldType(ordinal) == typeof(string)
            && TryParseSqliteInstant(sqlite.GetString(ordinal), out var parsed))
        {
            return parsed;
        }

        return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, with <c>T</c> allowed for the space, then optionally a dot and one to seven digits.</summary>
    internal static bool TryParseSqliteInstant(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (s.Length > 19)
        {
            var fraction = s.Length - 20;
            if (s[19] != '.' || fraction is < 1 or > 7 || !Digits(s, 20, fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>A GUID column, nullable.</summary>
    public static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    /// <summary>An integer column, nullable.</summary>
    public static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
