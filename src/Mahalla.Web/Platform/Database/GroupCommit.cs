using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Group commit (ADR 0014): units of work that arrive while the database is busy are saved together,
/// one after another in one transaction, and committed once. Each ends with its own SaveChanges, so the
/// interceptors that write the transparency entries and deliveries (ADR 0041) see exactly its changes,
/// and a unit that fails is dropped without the others: the batch is saved again without it, each
/// unit after a savepoint of its own. Nobody hears of a success before the commit: every caller of a batch is
/// answered after it, with its result or its error.
/// </summary>
/// <remarks>
/// <para>There is no timer: one writer takes whatever has queued up while the previous batch was saving,
/// so a lone request is saved at once and a crowd shares a commit. On SQLite that shares the one
/// writer's turn, the pages the rows go to and the WAL sync between many requests.</para>
/// <para>A unit of work runs on the batch's own DbContext and scope (<see cref="IServiceProvider"/>), not
/// the caller's: it must read what it needs before it is queued, take its collaborators from the given
/// services, and never be queued from inside a transaction (the batch would wait for the caller's lock).</para>
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    public const int MaxBatch = 64;
    private const string Savepoint = "unit_of_work";

    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<GroupCommit> _log;
    private readonly Lazy<Task> _writer;

    public GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> log, IConfiguration configuration)
    {
        _scopes = scopes;
        _log = log;
        // On by default on both databases (measured in ADR 0014); Database:GroupCommit=false saves each unit alone.
        Enabled = configuration.GetValue<bool?>("Database:GroupCommit") ?? true;
        _writer = new Lazy<Task>(() => Task.Run(WriteAsync));
    }

    /// <summary>Whether callers should queue their units of work here; otherwise they save them themselves.</summary>
    public bool Enabled { get; }

    /// <summary>Units of work committed since start (the tests read it to tell which path a filing took).</summary>
    public long UnitsCommitted => Interlocked.Read(ref _units);

    private long _units;

    /// <summary>
    /// Queues <paramref name="work"/> and answers once its batch has committed. The work adds its changes to
    /// the given DbContext (it may also run statements there); the batch saves them. Its result is returned
    /// only if its changes committed; its exception is rethrown, and nothing it did is kept.
    /// </summary>
    public Task<T> SaveAsync<T>(Func<IServiceProvider, MahallaDb, Task<T>> work, CancellationToken ct)
    {
        var unit = new Unit<T>(work, ct);
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }

        _ = _writer.Value;
        return unit.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
            {
                if (!unit.CancelIfRequested())
                {
                    batch.Add(unit);
                }
            }

            if (batch.Count > 0)
            {
                await SaveBatchAsync(batch);
            }
        }
    }

    /// <summary>Saves the batch in one transaction and answers every unit of it (internal for the tests).</summary>
    /// <remarks>
    /// A first pass saves the units one after another without savepoints, and commits if none fails, which is nearly
    /// always: a filing is checked before it is queued. A savepoint is a round trip of its own on PostgreSQL and a statement
    /// journal on SQLite, for every unit, in the one writer's turn that every filing waits for. If a unit fails, that pass
    /// is rolled back whole and the others are saved again in a new transaction, each after its own savepoint, so that a
    /// later failure is rolled back alone (ADR 0014, session 21's amendment). A unit can therefore run twice; it reads what
    /// it needs before it is queued and adds its changes to the DbContext it is given, so running it again adds them again.
    /// The first pass also lets its units share what each would take alone (<see cref="GroupCommitPass"/>, session 22's
    /// amendment): the tracking numbers come in one block; the pass with savepoints takes them one at a time.
    /// </remarks>
    internal async Task SaveBatchAsync(IReadOnlyList<Unit> batch)
    {
        try
        {
            if (await SaveAsync(batch, savepoints: false) is { } failed)
            {
                await SaveAsync([.. batch.Where((_, i) => i != failed)], savepoints: true);
            }
        }
        catch (Exception e)
        {
            // The transaction could not begin, roll back or commit: nothing of the batch is kept.
            _log.LogError(e, "A group commit of {Count} units of work failed; each caller gets the error.", batch.Count);
            foreach (var unit in batch)
            {
                unit.Fail(e);
            }
        }

        foreach (var unit in batch)
        {
            unit.Answer();
        }
    }

    /// <summary>
    /// Saves the units one after another in one transaction, in a scope of its own, and commits. A unit that fails is marked
    /// failed; without <paramref name="savepoints"/> the whole transaction is then rolled back and the failed unit's place
    /// returned, with them only that unit is rolled back (to the savepoint taken before it) and the others are committed.
    /// </summary>
    private async Task<int?> SaveAsync(IReadOnlyList<Unit> batch, bool savepoints)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        db.Database.AutoSavepointsEnabled = false; // the units' savepoints, if any, are taken here
        await using var tx = await db.Database.BeginTransactionAsync();
        // The first pass lets its units share statements (a block of tracking numbers); the pass with savepoints does not.
        var pass = savepoints ? null : new GroupCommitPass(batch.Count);
        db.Pass = pass;
        try
        {
            return await SaveUnitsAsync(batch, scope.ServiceProvider, db, tx, pass);
        }
        finally
        {
            db.Pass = null; // the DbContext goes back to the pool
        }
    }

    private async Task<int?> SaveUnitsAsync(IReadOnlyList<Unit> batch, IServiceProvider services, MahallaDb db, IDbContextTransaction tx, GroupCommitPass? pass)
    {
        var savepoints = pass is null;
        var saved = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (pass is not null)
            {
                pass.UnitsLeft = batch.Count - i;
            }

            if (savepoints)
            {
                // Not released after a unit that succeeds: the next unit takes one of the same name, and a rollback goes to
                // the latest one. Both databases allow this; on PostgreSQL it saves a round trip per unit (ADR 0019).
                await tx.CreateSavepointAsync(Savepoint);
            }

            try
            {
                await batch[i].RunAsync(services, db);
                await db.SaveChangesAsync();
                saved++;
            }
            catch (Exception e)
            {
                batch[i].Fail(e);
                if (!savepoints)
                {
                    await tx.RollbackAsync();
                    return i;
                }

                // Its rows, its counters and its statements go; the units before it stay.
                await tx.RollbackToSavepointAsync(Savepoint);
                await tx.ReleaseSavepointAsync(Savepoint);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (pass is not null)
        {
            await pass.SettleAsync(db);
        }

        await tx.CommitAsync();
        Interlocked.Add(ref _units, saved);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }
    }

    /// <summary>A caller's unit of work waiting in the queue or in a batch.</summary>
    internal abstract class Unit
    {
        public abstract bool CancelIfRequested();

        public abstract Task RunAsync(IServiceProvider services, MahallaDb db);

        /// <summary>Marks the unit failed (its first error wins); it is answered after the batch ends.</summary>
        public abstract void Fail(Exception error);

        public abstract void Answer();
    }

    internal sealed class Unit<T>(Func<IServiceProvider, MahallaDb, Task<T>> work, CancellationToken ct) : Unit
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _error;

        public Task<T> Task => _answer.Task;

        public override bool CancelIfRequested() => ct.IsCancellationRequested && _answer.TrySetCanceled(ct);

        public override async Task RunAsync(IServiceProvider services, MahallaDb db) => _result = await work(services, db);

        public override void Fail(Exception error) => _error ??= error;

        public override void Answer()
        {
            if (_error is not null)
            {
                _answer.TrySetException(_error);
            }
            else
            {
                _answer.TrySetResult(_result!);
            }
        }
    }
}
