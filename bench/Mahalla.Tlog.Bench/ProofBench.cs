using System.Buffers.Binary;
using System.Diagnostics;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Tiles;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Mahalla.Web.Modules.Transparency.ServeLog;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tlog.Bench;

/// <summary>What the verification part checks: proofs and a receipt from the largest tree.</summary>
internal sealed record ProofMaterial(
    long Size, byte[] Root, string Note, string Vkey, IReadOnlyList<(long Index, byte[] Leaf, IReadOnlyList<byte[]> Proof)> Inclusions,
    IReadOnlyList<(long From, byte[] FromRoot, IReadOnlyList<byte[]> Proof)> Consistencies, long EntryIndex, byte[] Entry, IReadOnlyList<byte[]> EntryProof);

/// <summary>
/// Proofs from the stored node table at 1 and 10 million entries. The tree is grown to each size through the
/// sequencer's own storage path (<see cref="LogStorage.AddNodesAsync"/>: the frontier's completed nodes, in
/// transactions of 65,536 leaves) with synthetic leaves, and the state row moved by the same fenced update;
/// then the sequencer publishes a signed checkpoint of that size. Proofs are then read the way the platform
/// reads them: <see cref="DbHashReader"/> (one query per proof) in a fresh scope per proof, and through the
/// HTTP endpoints in-process. Entry rows exist only for the entries appended earlier.
/// </summary>
internal static class ProofBench
{
    private const int Chunk = 65_536;

    public static async Task<ProofMaterial> RunAsync(BenchApp app, IReadOnlyList<long> sizes, int proofs, bool measure)
    {
        ProofMaterial? material = null;
        foreach (var size in sizes)
        {
            await GrowAsync(app, size);
            if (measure)
            {
                await MeasureAsync(app, size, proofs);
            }

            material = await MaterialAsync(app, size);
        }

        return material ?? throw new InvalidOperationException("No tree size given.");
    }

    private static async Task GrowAsync(BenchApp app, long target)
    {
        var from = await app.WithDbAsync(db => db.Set<LogState>().AsNoTracking().Select(s => s.TreeSize).SingleAsync());
        if (from >= target)
        {
            return;
        }

        Report.Progress($"proofs: growing the stored tree from {from:N0} to {target:N0} entries");
        var start = Stopwatch.GetTimestamp();
        var nodes = 0L;
        var frontier = await app.WithDbAsync(async db => await MerkleFrontier.LoadAsync(new DbHashReader(db), from, CancellationToken.None));
        byte[] root = [];
        var entry = new byte[8];
        while (frontier.Size < target)
        {
            var count = (int)Math.Min(Chunk, target - frontier.Size);
            var leaves = new byte[count][];
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteInt64BigEndian(entry, frontier.Size + i);
                leaves[i] = MerkleHash.Leaf(entry);
            }

            var batch = frontier.AppendBatch(leaves);
            root = batch.Root;
            nodes += batch.Nodes.Count;
            await app.WithDbAsync(async db =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await new LogStorage(db).AddNodesAsync(batch.Nodes, CancellationToken.None);
                await transaction.CommitAsync();
                return 0;
            });
        }

        var moved = await app.WithDbAsync(db => db.Set<LogState>().Where(s => s.Id == LogState.SingletonId && s.TreeSize == from)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TreeSize, target).SetProperty(x => x.RootHash, root)));
        if (moved != 1)
        {
            throw new InvalidOperationException("The tree moved while the benchmark grew it.");
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var pass = await AppendBench.Create(app, 2_000).RunOnceAsync(CancellationToken.None);
        if (pass.PublishedSize != target)
        {
            throw new InvalidOperationException($"No checkpoint of size {target} was published: {pass}.");
        }

        Report.Line($"grow|{app.Database.Provider}|{target:N0}|{nodes:N0} node hashes in {elapsed.TotalSeconds:0.0} s ({Fmt.N(nodes / elapsed.TotalSeconds)} rows/s)|{Fmt.Mb(app.Database.SizeBytes())}");
    }

    private static async Task MeasureAsync(BenchApp app, long size, int count)
    {
        var random = new Random(42);
        var root = await app.WithDbAsync(db => db.Set<LogState>().AsNoTracking().Select(s => s.RootHash).SingleAsync());
        var client = app.CreateClient();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

        async Task<IReadOnlyList<byte[]>> Stored(Func<DbHashReader, ValueTask<IReadOnlyList<byte[]>>> proof)
        {
            using var scope = scopes.CreateScope();
            return await proof(new DbHashReader(scope.ServiceProvider.GetRequiredService<MahallaDb>()));
        }

        // Warm-up: JIT, EF query cache, connections.
        for (var i = 0; i < 200; i++)
        {
            await Stored(r => MerkleTree.InclusionProofAsync(r, random.NextInt64(size), size));
            await Stored(r => MerkleTree.ConsistencyProofAsync(r, random.NextInt64(1, size), size));
            await client.GetStringAsync(new Uri($"/api/tlog/proof/inclusion?index={random.NextInt64(size)}&size={size}", UriKind.Relative));
        }

        var inclusion = new Samples();
        var checkedProofs = 0;
        for (var i = 0; i < count; i++)
        {
            var index = random.NextInt64(size);
            var start = Stopwatch.GetTimestamp();
            var proof = await Stored(r => MerkleTree.InclusionProofAsync(r, index, size));
            inclusion.Add(start);
            if (i % 50 == 0)
            {
                // Spot checks outside the timing: the proof leads to the signed root.
                var leaf = await Stored(r => r.ReadHashesAsync([new TreeNode(0, index)], CancellationToken.None));
                Check(MerkleProof.VerifyInclusion(index, size, leaf[0], proof, root), "inclusion");
                checkedProofs++;
            }
        }

        Row(app, size, "inclusion proof, stored hashes (DbHashReader, new scope per proof)", inclusion);

        var consistency = new Samples();
        for (var i = 0; i < count; i++)
        {
            var from = random.NextInt64(1, size);
            var start = Stopwatch.GetTimestamp();
            var proof = await Stored(r => MerkleTree.ConsistencyProofAsync(r, from, size));
            consistency.Add(start);
            if (i % 50 == 0)
            {
                var fromRoot = await Stored(async r => (IReadOnlyList<byte[]>)[await MerkleTree.RootAsync(r, from)]);
                Check(MerkleProof.VerifyConsistency(from, size, proof, fromRoot[0], root), "consistency");
                checkedProofs++;
            }
        }

        Row(app, size, "consistency proof, stored hashes (DbHashReader, new scope per proof)", consistency);

        var http = new Samples();
        for (var i = 0; i < count; i++)
        {
            var index = random.NextInt64(size);
            var start = Stopwatch.GetTimestamp();
            await client.GetStringAsync(new Uri($"/api/tlog/proof/inclusion?index={index}&size={size}", UriKind.Relative));
            http.Add(start);
        }

        Row(app, size, "GET /api/tlog/proof/inclusion (in-process HTTP, checkpoint query included)", http);

        var httpConsistency = new Samples();
        for (var i = 0; i < count; i++)
        {
            var from = random.NextInt64(1, size);
            var start = Stopwatch.GetTimestamp();
            await client.GetStringAsync(new Uri($"/api/tlog/proof/consistency?from={from}&to={size}", UriKind.Relative));
            httpConsistency.Add(start);
        }

        Row(app, size, "GET /api/tlog/proof/consistency (in-process HTTP)", httpConsistency);

        var tiles = new Samples();
        for (var i = 0; i < count / 4; i++)
        {
            var tile = TileId.Hashes(0, random.NextInt64(size / TileId.FullWidth));
            var start = Stopwatch.GetTimestamp();
            var bytes = await client.GetByteArrayAsync(new Uri("/tlog/" + tile.Path, UriKind.Relative));
            tiles.Add(start);
            Check(bytes.Length == TileId.FullWidth * MerkleHash.Size, "tile");
        }

        Row(app, size, "GET /tlog/tile/0/… full tile of 256 hashes (in-process HTTP)", tiles);
        Report.Progress($"proofs: {checkedProofs} proofs spot-checked against the signed root");
    }

    private static async Task<ProofMaterial> MaterialAsync(BenchApp app, long size)
    {
        var random = new Random(7);
        var (root, note) = await app.WithDbAsync(async db =>
        {
            var latest = await new PublishedLog(db).LatestAsync(CancellationToken.None) ?? throw new InvalidOperationException("Nothing published.");
            return (latest.RootHash, latest.Note);
        });
        var inclusions = new List<(long, byte[], IReadOnlyList<byte[]>)>();
        var consistencies = new List<(long, byte[], IReadOnlyList<byte[]>)>();
        await app.WithDbAsync(async db =>
        {
            var reader = new DbHashReader(db);
            for (var i = 0; i < 256; i++)
            {
                var index = random.NextInt64(size);
                var leaf = (await reader.ReadHashesAsync([new TreeNode(0, index)], CancellationToken.None))[0];
                inclusions.Add((index, leaf, await MerkleTree.InclusionProofAsync(reader, index, size)));
                var from = random.NextInt64(1, size);
                consistencies.Add((from, await MerkleTree.RootAsync(reader, from), await MerkleTree.ConsistencyProofAsync(reader, from, size)));
            }

            return 0;
        });
        var (entryIndex, entry, entryProof) = await app.WithDbAsync(async db =>
        {
            var stored = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index != null).OrderBy(e => e.Index).Select(e => new { e.Index, e.Data }).FirstAsync();
            return (stored.Index!.Value, stored.Data, await MerkleTree.InclusionProofAsync(new DbHashReader(db), stored.Index!.Value, size));
        });
        var vkey = (await app.Services.GetRequiredService<LogKeys>().SignerAsync(CancellationToken.None)).VerifierKey;
        return new ProofMaterial(size, root, note, vkey, inclusions, consistencies, entryIndex, entry, entryProof);
    }

    private static void Row(BenchApp app, long size, string what, Samples samples) =>
        Report.Line($"proofs|{app.Database.Provider}|{size:N0}|{what}|{samples.Count:N0}|{samples.Summary()}|{Fmt.N(1_000_000 / samples.Mean)}");

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"A stored {what} proof did not verify against the signed root.");
        }
    }
}
