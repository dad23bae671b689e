using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Mahalla.Web.Modules.Territories;

namespace Mahalla.Tlog.Bench;

/// <summary>
/// The log's share of filing: the same app twice, each on a fresh database of the same provider — once as it
/// ships (every event recorded as a pending entry in the filing's transaction, the sequencer integrating and
/// signing every 2 s), once with the recording interceptor removed and no sequencer. N clients file appeals
/// (<c>POST /api/appeals</c>, in-process HTTP) in a closed loop; the two sides alternate, several rounds each,
/// so drifts in the shared machine's load hit both alike. The time spent inside the interceptor and in
/// sequencer passes is measured too.
/// </summary>
internal static class FilingBench
{
    private const string Text = "Mahallamizdagi ko'cha chiroqlari bir haftadan beri yonmayapti, kechqurun bolalar maktabdan "
        + "qorong'ida qaytishadi. Iltimos, chiroqlarni tuzatishga yordam bering, bu juda xavfli bo'lib qoldi.";

    public static async Task RunAsync(BenchOptions options)
    {
        using var onDatabase = Database.Create(options.Provider, options.Server, options.Work, "filing_on");
        using var offDatabase = Database.Create(options.Provider, options.Server, options.Work, "filing_off");
        await using var on = new BenchApp(onDatabase, recordEvents: true);
        await using var off = new BenchApp(offDatabase, recordEvents: false);
        var sides = new[] { (Name: "log on", App: on, Client: await CitizenAsync(on)), (Name: "log off", App: off, Client: await CitizenAsync(off)) };
        var sequencer = AppendBench.Create(on, 2_000);

        Report.Progress($"filing: warm-up, {options.Clients} clients");
        foreach (var side in sides)
        {
            await FileForAsync(side.Client, options.Clients, TimeSpan.FromSeconds(3));
        }

        await sequencer.RunOnceAsync(CancellationToken.None);
        var rates = sides.ToDictionary(s => s.Name, _ => new List<double>());
        var latencies = sides.ToDictionary(s => s.Name, _ => new Samples());
        var filedOn = 0L;
        var sequencing = TimeSpan.Zero;
        var measured = TimeSpan.Zero;
        on.Recording.Reset();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate which side goes first, so a trend in the machine's load does not favour one side.
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                using var stop = new CancellationTokenSource();
                var passes = side.App == on ? SequenceEveryTwoSecondsAsync(sequencer, stop.Token) : Task.FromResult(TimeSpan.Zero);
                var duration = TimeSpan.FromSeconds(options.Seconds);
                var (filed, samples) = await FileForAsync(side.Client, options.Clients, duration);
                await stop.CancelAsync();
                var busy = await passes;
                rates[side.Name].Add(filed / duration.TotalSeconds);
                latencies[side.Name].AddRange(samples);
                if (side.App == on)
                {
                    filedOn += filed;
                    sequencing += busy;
                    measured += duration;
                }

                Report.Progress($"filing: round {round + 1} {side.Name}: {filed / duration.TotalSeconds:0.0} filings/s");
            }
        }

        var onRate = Median(rates["log on"]);
        var offRate = Median(rates["log off"]);
        foreach (var side in sides)
        {
            var l = latencies[side.Name];
            Report.Line($"filing|{options.Provider}|{side.Name}|{string.Join(", ", rates[side.Name].Select(r => Fmt.N(r, "0.0")))}|{Fmt.N(Median(rates[side.Name]), "0.0")}|{l.Summary()}");
        }

        Report.Line($"filingshare|{options.Provider}|{Fmt.N((1 - (onRate / offRate)) * 100, "0.0")} %|{on.Recording.Elapsed.TotalMicroseconds / filedOn:0.0} µs|"
            + $"{sequencing.TotalMilliseconds / measured.TotalSeconds:0.0} ms per s of filing (wall clock, waits for locks included)|{options.Clients}");
    }

    private static async Task<HttpClient> CitizenAsync(BenchApp app)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "demo-citizen", password = BenchApp.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Closed loop: each client files its next appeal as soon as the previous is answered; counts 201s.</summary>
    private static async Task<(long Filed, Samples Latency)> FileForAsync(HttpClient client, int clients, TimeSpan duration)
    {
        var mahalla = TerritorySeed.IdFor("mahalla:bodomzor");
        var filed = 0L;
        var latency = new Samples();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new Samples();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/appeals", new { type = "complaint", categoryCode = "water-supply", territoryId = mahalla, text = Text });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"Filing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                if (Stopwatch.GetTimestamp() <= end)
                {
                    Interlocked.Increment(ref filed);
                    mine.Add(start);
                }
            }

            lock (latency)
            {
                latency.AddRange(mine);
            }
        }));
        return (filed, latency);
    }

    /// <summary>What the background service does: a pass every 2 s (the default interval). Returns the time spent in passes.</summary>
    private static async Task<TimeSpan> SequenceEveryTwoSecondsAsync(Sequencer sequencer, CancellationToken stop)
    {
        var busy = TimeSpan.Zero;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var start = Stopwatch.GetTimestamp();
                await sequencer.RunOnceAsync(CancellationToken.None);
                busy += Stopwatch.GetElapsedTime(start);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return busy;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
