using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Witnessing;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Transparency.Sequencing;

/// <summary>What one sequencer pass did.</summary>
/// <param name="Led">Whether this node held the lease (only the holder sequences).</param>
/// <param name="Integrated">Entries given an index in this pass.</param>
/// <param name="TreeSize">The integrated tree size after the pass.</param>
/// <param name="PublishedSize">The size of the checkpoint published in this pass, if one was.</param>
internal sealed record SequencerPass(bool Led, int Integrated, long TreeSize, long? PublishedSize);

/// <summary>
/// Gives pending entries their log index, in batches, and publishes signed, witnessed checkpoints.
/// Every node runs one; a lease in the state row lets one node sequence at a time, and the tree only
/// grows by a conditional update from the size a batch was computed on, in the same transaction as the
/// batch's indexes and hashes, so even a node that lost its lease without knowing cannot fork the log
/// (ADR 0042). Indexes are dense: a batch either commits whole or not at all.
/// </summary>
internal sealed class Sequencer(
    IServiceScopeFactory scopes, LogKeys keys, IHttpClientFactory http, TimeProvider clock,
    IOptions<TransparencyOptions> options, ILogger<Sequencer> logger)
{
    public const string WitnessClientName = "tlog-witness";

    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>This node's name in the lease row.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.CreateVersion7():N}";

    /// <summary>Off only in tests that race two sequencers without the lease, to prove the conditional update alone prevents forks.</summary>
    internal bool UseLease { get; init; } = true;

    /// <summary>Integrates everything pending (if this node holds the lease) and publishes a checkpoint of the new size.</summary>
    public async Task<SequencerPass> RunOnceAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
            if (UseLease && !await TryLeaseAsync(db, ct))
            {
                return new SequencerPass(false, 0, await TreeSizeAsync(db, ct), null);
            }

            var integrated = 0;
            while (true)
            {
                var batch = await IntegrateBatchAsync(db, ct);
                if (batch is null)
                {
                    // Another node extended the tree first: our batch was rolled back, nothing to do now.
                    return new SequencerPass(true, integrated, await TreeSizeAsync(db, ct), null);
                }

                integrated += batch.Value;
                if (batch.Value < options.Value.BatchSize || (UseLease && !await TryLeaseAsync(db, ct)))
                {
                    break;
                }
            }

            var published = await PublishAsync(db, ct);
            return new SequencerPass(true, integrated, await TreeSizeAsync(db, ct), published);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Takes or renews the lease: a conditional update that succeeds for the holder or once the lease expired.</summary>
    private async Task<bool> TryLeaseAsync(MahallaDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.LeaseDuration;
        var node = Node;
        var taken = await db.Set<LogState>()
            .Where(s => s.Id == LogState.SingletonId && (s.LeaseHolder == null || s.LeaseHolder == node || s.LeaseUntilUtc == null || s.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, node).SetProperty(x => x.LeaseUntilUtc, until), ct);
        return taken == 1;
    }

    private static Task<long> TreeSizeAsync(MahallaDb db, CancellationToken ct) =>
        db.Set<LogState>().AsNoTracking().Where(s => s.Id == LogState.SingletonId).Select(s => s.TreeSize).SingleAsync(ct);

    /// <summary>One batch in one transaction; the number integrated, or null when another node moved the tree first.</summary>
    private async Task<int?> IntegrateBatchAsync(MahallaDb db, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var state = await db.Set<LogState>().AsNoTracking().SingleAsync(s => s.Id == LogState.SingletonId, ct);
            var storage = new LogStorage(db);
            var pending = await storage.PendingAsync(options.Value.BatchSize, ct);
            if (pending.Count == 0)
            {
                return 0;
            }

            var frontier = await MerkleFrontier.LoadAsync(new DbHashReader(db), state.TreeSize, ct);
            var leaves = new byte[pending.Count][];
            for (var i = 0; i < leaves.Length; i++)
            {
                leaves[i] = MerkleHash.Leaf(pending[i].Data);
            }

            var batch = frontier.AppendBatch(leaves);
            var now = clock.GetUtcNow().UtcDateTime;
            // The fence: the tree moves from exactly the size this batch was computed on, or not at all.
            var moved = await db.Set<LogState>()
                .Where(s => s.Id == LogState.SingletonId && s.TreeSize == state.TreeSize)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.TreeSize, batch.TreeSize).SetProperty(x => x.RootHash, batch.Root)
                    .SetProperty(x => x.UpdatedAtUtc, now), ct);
            if (moved != 1)
            {
                await tx.RollbackAsync(ct);
                return (int?)null;
            }

            await storage.IntegrateAsync(pending, batch.FirstIndex, now, ct);
            await storage.AddNodesAsync(batch.Nodes, ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return pending.Count;
        });
    }

    /// <summary>Signs the integrated tree, gathers witness cosignatures, and publishes it if the policy is met.</summary>
    private async Task<long?> PublishAsync(MahallaDb db, CancellationToken ct)
    {
        var state = await db.Set<LogState>().AsNoTracking().SingleAsync(s => s.Id == LogState.SingletonId, ct);
        var latest = await db.Set<PublishedCheckpoint>().AsNoTracking().OrderByDescending(c => c.Size).Select(c => (long?)c.Size).FirstOrDefaultAsync(ct);
        if (latest >= state.TreeSize)
        {
            return null;
        }

        var note = new Checkpoint(keys.Origin, state.TreeSize, state.RootHash).Sign(await keys.SignerAsync(ct));
        note = await CosignAsync(db, note, state.TreeSize, latest ?? 0, ct);
        VerifiedCheckpoint verified;
        try
        {
            verified = (await keys.PolicyAsync(ct)).Verify(note);
        }
        catch (NoteVerificationException e)
        {
            logger.LogWarning("Checkpoint {Size} not published: {Reason}", state.TreeSize, e.Message);
            return null;
        }

        db.Add(new PublishedCheckpoint(Guid.CreateVersion7(), state.TreeSize, state.RootHash, note.ToString(),
            string.Join(",", verified.Witnesses), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same tree was published by the node that held the lease before us.
            db.ChangeTracker.Clear();
            return null;
        }

        return state.TreeSize;
    }

    private async Task<Note> CosignAsync(MahallaDb db, Note note, long size, long lastPublished, CancellationToken ct)
    {
        var witnesses = options.Value.Witnesses;
        if (witnesses.Count == 0)
        {
            return note;
        }

        var client = new WitnessClient(http.CreateClient(WitnessClientName));
        var reader = new DbHashReader(db);
        var lines = new List<NoteSignature>();
        foreach (var witness in witnesses)
        {
            try
            {
                var answered = await client.AddCheckpointAsync(new Uri(witness.Url), note, size, lastPublished,
                    (from, token) => MerkleTree.ConsistencyProofAsync(reader, from, size, token), ct);
                // Keep a witness's lines only if they verify under its configured key: one faulty witness must not block the others.
                note.WithSignatures(answered).Verify([NoteVerifier.ParseCosigner(witness.Vkey)]);
                lines.AddRange(answered);
            }
            catch (Exception e) when (e is WitnessRequestException or HttpRequestException or NoteVerificationException or NoteFormatException
                or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Witness {Witness} did not cosign checkpoint {Size}: {Reason}", witness.Url, size, e.Message);
            }
        }

        return note.WithSignatures(lines);
    }
}

/// <summary>Runs the sequencer every <c>Transparency:CheckpointInterval</c> on every node (the lease picks who works).</summary>
internal sealed class SequencerService(Sequencer sequencer, IOptions<TransparencyOptions> options, TimeProvider clock, ILogger<SequencerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SequencerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        do
        {
            try
            {
                await sequencer.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                // The next tick retries from storage; nothing half-written survives a failed batch.
                logger.LogError(e, "Sequencer pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
