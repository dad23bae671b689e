using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite answers a busy database by
/// sleeping and retrying until the command times out: under concurrent writes the waiting writers
/// poll instead of queueing, and the tail latency grows to seconds. This gate queues them in the
/// process instead: a write transaction (or a write outside any transaction) waits here for its turn
/// and then never finds the database busy. Reads never wait (WAL). SQLite is a single-node
/// deployment, so a process-wide gate covers every writer but the command-line tools.
/// </summary>
/// <remarks>
/// Guarantee: at most one unit of work (DbContext) of this process holds the gate; it is released when
/// its transaction commits, rolls back or fails, when its write command finishes, and in any
/// case when its connection closes. A writer that waits longer than <see cref="MaxWait"/>
/// goes ahead ungated (SQLite's own busy handling then applies), so the gate can slow a write but
/// never deadlock one.
/// </remarks>
internal sealed class SqliteWriteGate : DbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];
    private readonly Lock _lock = new();

    private async ValueTask EnterAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || Holds(context))
        {
            return;
        }

        if (await _turn.WaitAsync(MaxWait, ct))
        {
            Hold(context);
        }
    }

    private void Enter(DbContext? context)
    {
        if (context is not null && !Holds(context) && _turn.Wait(MaxWait))
        {
            Hold(context);
        }
    }

    private bool Holds(DbContext context)
    {
        lock (_lock)
        {
            return _holders.TryGetValue(context, out _);
        }
    }

    private void Hold(DbContext context)
    {
        lock (_lock)
        {
            _holders.AddOrUpdate(context, this);
        }
    }

    private void Exit(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        bool held;
        lock (_lock)
        {
            held = _holders.Remove(context);
        }

        if (held)
        {
            _turn.Release();
        }
    }

    private static bool IsAutocommitWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var sql = command.CommandText.AsSpan().TrimStart();
        return sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    // Transactions: Microsoft.Data.Sqlite begins them IMMEDIATE, so the write lock is taken at BEGIN.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed savepoint leaves the transaction open; a failed commit or rollback ends it.
        if (eventData.Action is "Commit" or "Rollback")
        {
            Exit(eventData.Context);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // Writes outside a transaction (ExecuteUpdate, a single-row SaveChanges).
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(eventData.Context);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitAfterCommand(command, eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ExitAfterCommand(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(eventData.Context);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    // A write that returns rows (INSERT … RETURNING) keeps its lock until its reader is done.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ExitAfterCommand(command, eventData.Context);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitAfterCommand(command, eventData.Context);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitAfterCommand(command, eventData.Context);
        return Task.CompletedTask;
    }

    private void ExitAfterCommand(DbCommand command, DbContext? context)
    {
        if (IsAutocommitWrite(command))
        {
            Exit(context);
        }
    }

    // Whatever happened, a closed connection holds nothing.
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(eventData.Context);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Exit(eventData.Context);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(eventData.Context);
        return Task.CompletedTask;
    }
}
