using System.Diagnostics;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Transparency;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.RecordEvents;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mahalla.Tlog.Bench;

/// <summary>
/// Sustained append throughput through the platform's storage path: a backlog of pending entries (real v1
/// appeal-event entries, about 430 bytes each) is drained by the real <see cref="Sequencer"/> — lease, fenced
/// tree update, indexes and node hashes written, one checkpoint signed at the end — and timed end to end.
/// </summary>
internal static class AppendBench
{
    private static int _sequencers;

    public static async Task RunAsync(BenchApp app, int count, IReadOnlyList<int> batchSizes)
    {
        // Warm-up: compile every path once (JIT, EF query caches, prepared plans) before anything is timed.
        await AddPendingAsync(app, 5_000);
        await Create(app, 1_000).RunOnceAsync(CancellationToken.None);
        foreach (var batchSize in batchSizes)
        {
            Report.Progress($"append: writing {count:N0} pending entries");
            var fill = Stopwatch.StartNew();
            await AddPendingAsync(app, count);
            fill.Stop();
            var before = await app.WithDbAsync(db => db.Set<LogState>().AsNoTracking().Select(s => s.TreeSize).SingleAsync());

            var sequencer = Create(app, batchSize);
            Report.Progress($"append: sequencing (batch {batchSize:N0}) from tree size {before:N0}");
            var start = Stopwatch.GetTimestamp();
            var pass = await sequencer.RunOnceAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!pass.Led || pass.PublishedSize != pass.TreeSize || pass.Integrated < count)
            {
                throw new InvalidOperationException($"The sequencer pass did not integrate and publish the backlog: {pass}.");
            }

            Report.Line($"append|{app.Database.Provider}|{batchSize:N0}|{pass.Integrated:N0}|{before:N0}|{elapsed.TotalSeconds:0.00}|{Fmt.N(pass.Integrated / elapsed.TotalSeconds)}");
        }
    }

    /// <summary>A sequencer like the app's, with its own batch size and a lease of its own (its clock is ahead of any earlier one's lease).</summary>
    public static Sequencer Create(BenchApp app, int batchSize)
    {
        var configured = app.Services.GetRequiredService<IOptions<TransparencyOptions>>().Value;
        var options = new TransparencyOptions
        {
            Origin = configured.Origin,
            SigningKey = configured.SigningKey,
            BatchSize = batchSize,
            CheckpointInterval = configured.CheckpointInterval,
            LeaseDuration = configured.LeaseDuration,
            Witnesses = configured.Witnesses,
            WitnessThreshold = configured.WitnessThreshold,
        };
        var offset = TimeSpan.FromMinutes(Interlocked.Increment(ref _sequencers));
        return new Sequencer(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<LogKeys>(),
            app.Services.GetRequiredService<IHttpClientFactory>(), new OffsetClock(offset), Options.Create(options),
            app.Services.GetRequiredService<ILogger<Sequencer>>());
    }

    /// <summary>Pending entries as the recording interceptor writes them (the bytes of v1 appeal events), through EF in chunks.</summary>
    public static async Task AddPendingAsync(BenchApp app, int count)
    {
        var organization = Guid.CreateVersion7();
        const int Chunk = 5_000;
        for (var done = 0; done < count; done += Chunk)
        {
            await app.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                for (var i = done; i < Math.Min(count, done + Chunk); i++)
                {
                    var eventId = Guid.CreateVersion7();
                    var appealId = Guid.CreateVersion7();
                    var facts = new EventFacts(eventId, appealId, AppealType.Complaint, 1, EventKind.Filed, null, AppealStatus.Submitted, now,
                        "citizen", 0, organization);
                    var data = EventEntry.Encode(facts, EventEntry.Commit(EventEntry.NewSalt(), "Synthetic appeal text " + i));
                    db.Add(new LogEntry(Guid.CreateVersion7(), EventEntry.Kind, eventId, appealId, data, now));
                }

                return await db.SaveChangesAsync();
            });
        }
    }

    private sealed class OffsetClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
