using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Plain ADO.NET statements on a unit of work's own connection, for the few statements on the filing
/// path whose cost was EF Core's LINQ pipeline rather than the database (ADR 0019 names each one).
/// Writes run inside the caller's transaction, so they commit or roll back with it; on SQLite that
/// transaction already holds the write gate. Reads (<see cref="Query"/>) run in the transaction when
/// there is one, and otherwise on the context's connection, opened through EF Core for the read.
/// </summary>
/// <remarks>
/// The tables and columns are the ones <c>ModelMapping</c> and the hand-written migrations define; the
/// table name is read from the model, never from input, and every value is a parameter.
/// </remarks>
internal static class UnitOfWorkStatements
{
    /// <summary>The quoted name of <typeparamref name="T"/>'s table, with its schema where it has one.</summary>
    public static string Table<T>(this DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = $"\"{entity.GetTableName()}\"";
        return entity.GetSchema() is { } schema ? $"\"{schema}\".{name}" : name;
    }

    /// <summary>A command for <paramref name="sql"/> in the context's open transaction; there must be one.</summary>
    public static DbCommand Statement(this DbContext db, string sql) => db.Database.CurrentTransaction is null
        ? throw new InvalidOperationException("This statement runs only inside the unit of work's transaction.")
        : db.Query(sql);

    /// <summary>A command for <paramref name="sql"/> on the context's connection, in its transaction if one is open (a read needs none).</summary>
    public static DbCommand Query(this DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Runs the read and hands each row to <paramref name="row"/>. The connection is opened through EF Core
    /// (so its connection interceptors run) and closed again after, unless it was open already.
    /// </summary>
    public static async Task ReadAsync(this DbContext db, DbCommand command, Action<DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Opens the context's connection and keeps it open, so that the reads until <see cref="OpenConnection.CloseAsync"/> share one
    /// opening (opening a pooled SQLite connection registers its functions again every time). Disposing closes it too, once.
    /// </summary>
    public static async Task<OpenConnection> KeepOpenAsync(this DbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new OpenConnection(db);
    }

    /// <summary>The context's connection, held open by <see cref="KeepOpenAsync"/> until closed or disposed.</summary>
    internal sealed class OpenConnection(DbContext db) : IAsyncDisposable
    {
        private bool _closed;

        public async Task CloseAsync()
        {
            if (!_closed)
            {
                _closed = true;
                await db.Database.CloseConnectionAsync();
            }
        }

        public async ValueTask DisposeAsync() => await CloseAsync();
    }

    /// <summary>Adds a parameter (<c>@name</c> in the SQL); null binds as SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is Guid && parameter is SqliteParameter sqlite)
        {
            // EF keeps GUIDs in SQLite as upper-case text; a Text parameter binds them the same way.
            sqlite.SqliteType = SqliteType.Text;
        }

        command.Parameters.Add(parameter);
        return command;
    }
}
