using System.Net.Http.Json;
using System.Threading.Channels;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Transparency;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mahalla.Tests.Transparency;

/// <summary>
/// Two application nodes on one PostgreSQL database — each its own host, sequencer, lease holder name and HTTP
/// endpoint — file, answer and sequence at the same time. They must build one log: indexes 0..n-1 with no gap
/// and no repeat, exactly one entry per event, published checkpoints that only grow, each consistent with the
/// one before, and every one of them a prefix of the same tree (no fork). Bounded by counts, not by time.
/// </summary>
public sealed class TwoNodeLogTests
{
    private const int FilersPerNode = 2;
    private const int AppealsPerFiler = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_writing_and_sequencing_at_once_on_one_postgres_database_build_one_log()
    {
        await using var first = new MahallaApp(Provider.Postgres);
        // Small batches: many transactions, so the two sequencers interleave often.
        first.Settings["Transparency:BatchSize"] = "3";
        _ = first.Services;
        await using var second = first.JoinAsSecondNode();
        _ = second.Services;
        MahallaApp[] nodes = [first, second];
        var sequencers = nodes.Select(n => n.Services.GetRequiredService<Sequencer>()).ToArray();
        Assert.NotEqual(sequencers[0].Node, sequencers[1].Node);
        // Beside each node's own sequencer, one that ignores the lease, as a node paused past its lease would.
        Sequencer[] racing = [.. sequencers, .. nodes.Select(n => n.CreateSequencer(useLease: false))];
        var lease = first.Services.GetRequiredService<IOptions<TransparencyOptions>>().Value.LeaseDuration;
        var citizens = await Task.WhenAll(nodes.Select(n => n.CitizenAsync()));
        var operators = await Task.WhenAll(nodes.Select(n => n.SignedInAsync("demo-operator")));
        var readers = nodes.Select(n => n.CreateClient()).ToArray();

        // Writers: citizens file on each node; the other node's operator answers each appeal as it arrives.
        var toAnswer = nodes.Select(_ => Channel.CreateUnbounded<Filed>()).ToArray();
        var work = racing.Select(_ => new SemaphoreSlim(0)).ToArray();
        void Signal()
        {
            foreach (var w in work)
            {
                w.Release();
            }
        }

        var filers = Enumerable.Range(0, nodes.Length * FilersPerNode).Select(async w =>
        {
            var node = w % nodes.Length;
            for (var i = 0; i < AppealsPerFiler; i++)
            {
                var filed = await nodes[node].FileAsync($"Ikki tugun sinovi {w}-{i}: mahallada suv yoʻq.", citizens[node]);
                Signal();
                await toAnswer[1 - node].Writer.WriteAsync(filed, Ct);
            }
        }).ToList();
        var answerers = Enumerable.Range(0, nodes.Length).Select(async node =>
        {
            await foreach (var filed in toAnswer[node].Reader.ReadAllAsync(Ct))
            {
                var response = await operators[node].PostAsJsonAsync($"/api/appeals/{filed.Id}/answer", new { text = "Brigada yuborildi." }, Ct);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
                Signal();
            }
        }).ToList();

        // Sequencers: each runs a pass whenever something was written; node 0's own also lets the lease expire every
        // other pass, so the lease changes hands while the other node may be in the middle of its own pass.
        using var writersDone = new CancellationTokenSource();
        var observed = new List<string>();
        using var observing = new SemaphoreSlim(1, 1);
        var drivers = Enumerable.Range(0, racing.Length).Select(async driver =>
        {
            var node = driver % nodes.Length;
            for (var pass = 1; !writersDone.IsCancellationRequested; pass++)
            {
                try
                {
                    await work[driver].WaitAsync(writersDone.Token);
                }
                catch (OperationCanceledException) when (writersDone.IsCancellationRequested)
                {
                    return;
                }

                await racing[driver].RunOnceAsync(Ct);
                if (driver == 0 && pass % 2 == 0)
                {
                    first.Clock.Advance(lease + TimeSpan.FromSeconds(1));
                }

                // What the public sees, read one at a time so the list is in real-time order, from the other node.
                await observing.WaitAsync(Ct);
                try
                {
                    var response = await readers[1 - node].GetAsync(new Uri("/tlog/checkpoint", UriKind.Relative), Ct);
                    if (response.IsSuccessStatusCode)
                    {
                        observed.Add(await response.Content.ReadAsStringAsync(Ct));
                    }
                }
                finally
                {
                    observing.Release();
                }
            }
        }).ToList();

        await Task.WhenAll(filers);
        foreach (var channel in toAnswer)
        {
            channel.Writer.Complete();
        }

        await Task.WhenAll(answerers);
        await writersDone.CancelAsync();
        await Task.WhenAll(drivers);

        // Each node leads at least once for certain: one more appeal each, then that node's pass after the lease expired.
        for (var node = 0; node < nodes.Length; node++)
        {
            await nodes[node].FileAsync($"Tugun {node} navbati.", citizens[node]);
            first.Clock.Advance(lease + TimeSpan.FromSeconds(1));
            var pass = await sequencers[node].RunOnceAsync(Ct);
            Assert.True(pass.Led);
            Assert.True(pass.Integrated >= 1);
            Assert.Equal(pass.TreeSize, pass.PublishedSize);
        }

        // One log: dense indexes, stored hashes and root exactly those of the entries, published at the full size.
        var leaves = await first.AssertOneConsistentLogAsync();

        // Exactly one entry per event, and nothing else.
        var (events, sources) = await first.WithDbAsync(async db => (
            await db.AppealEvents.AsNoTracking().Select(e => e.Id).ToListAsync(Ct),
            await db.Set<LogEntry>().AsNoTracking().Select(e => e.SourceId).ToListAsync(Ct)));
        Assert.Equal((nodes.Length * FilersPerNode * AppealsPerFiler * 2) + nodes.Length, events.Count);
        Assert.Equal(events.Count, sources.Count);
        Assert.Equal(events.Order(), sources.Order());

        // Every published checkpoint: signed by the log, a prefix of this one tree, and consistent with the one before
        // (proved by either node's proof endpoint, verified with the core's verifier).
        var vkey = await readers[0].VkeyAsync();
        var policy = new CheckpointPolicy(null, [NoteVerifier.Parse(vkey)], [], 0);
        var published = await first.WithDbAsync(db => db.Set<PublishedCheckpoint>().AsNoTracking().OrderBy(c => c.Size).Select(c => c.Note).ToListAsync(Ct));
        Assert.True(published.Count >= 2);
        Checkpoint? previous = null;
        for (var i = 0; i < published.Count; i++)
        {
            var checkpoint = policy.Verify(Note.Parse(published[i])).Checkpoint;
            Assert.Equal(MerkleHash.Root(leaves.Take((int)checkpoint.Size).ToList()), checkpoint.RootHash);
            if (previous is not null)
            {
                Assert.True(checkpoint.Size > previous.Size);
                await readers[i % 2].AssertExtendsAsync(previous, checkpoint);
            }

            previous = checkpoint;
        }

        // What readers saw while the nodes raced: only published checkpoints, and sizes that never went back.
        var sizes = observed.Select(n => Checkpoint.Parse(Note.Parse(n).Text).Size).ToList();
        Assert.NotEmpty(sizes);
        Assert.All(observed, note => Assert.Contains(note, published));
        Assert.Equal(sizes.Order(), sizes);
    }
}
