using System.Diagnostics;
using System.Globalization;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

// The public map's data endpoint with many reports in the database.
//
//   dotnet Mahalla.Reports.Bench.dll seed --provider sqlite|postgres --connection "<connection string>" [--count 100000]
//       Adds N reports (appeal + report rows, made by the domain's own factory methods) spread over central
//       Tashkent: half around the demo mahallas, half uniformly. Run it against a migrated, demo-seeded database.
//   dotnet Mahalla.Reports.Bench.dll run --url http://127.0.0.1:5000 [--clients 8] [--warmup 5] [--duration 15]
//       Closed-loop viewport queries GET /api/reports/map?bbox=… at three scales (city, district, street),
//       each client picking random viewports inside central Tashkent; prints req/s, p50, p99, max per scale.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var command = args.FirstOrDefault();
string Arg(string name, string? fallback = null)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
}

switch (command)
{
    case "seed":
        await SeedAsync(Arg("provider"), Arg("connection"), int.Parse(Arg("count", "100000")));
        return 0;
    case "run":
        var url = new Uri(Arg("url"));
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine("Only 127.0.0.1/localhost.");
            return 2;
        }

        await RunAsync(url, int.Parse(Arg("clients", "8")), int.Parse(Arg("warmup", "5")), int.Parse(Arg("duration", "15")), Arg("label", ""), Arg("results", ""));
        return 0;
    default:
        Console.Error.WriteLine("usage: seed --provider P --connection CS [--count N] | run --url URL [--clients N] [--warmup S] [--duration S]");
        return 2;
}

static async Task SeedAsync(string provider, string connection, int count)
{
    var options = new DbContextOptionsBuilder<MahallaDb>();
    if (provider == "postgres")
    {
        options.UseNpgsql(connection);
    }
    else
    {
        options.UseSqlite(connection);
    }

    var started = Stopwatch.StartNew();
    var random = new Random(20261122);
    List<(Territory Mahalla, Guid Council)> mahallas;
    await using (var db = new MahallaDb(options.Options))
    {
        var councils = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Mahalla).ToDictionaryAsync(o => o.TerritoryId, o => o.Id);
        mahallas = (await db.Territories.AsNoTracking().Where(t => t.Kind == TerritoryKind.Mahalla && t.Latitude != null).ToListAsync())
            .Where(t => councils.ContainsKey(t.Id)).Select(t => (t, councils[t.Id])).ToList();
    }

    string[] categories = ["roads", "street-lighting", "water-supply", "waste", "greenery", "sewerage"];
    const int batch = 2_000;
    var filedAt = new DateTime(2026, 1, 1, 6, 0, 0, DateTimeKind.Utc);
    for (var done = 0; done < count; done += batch)
    {
        await using var db = new MahallaDb(options.Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = done; i < Math.Min(count, done + batch); i++)
        {
            var (mahalla, council) = mahallas[random.Next(mahallas.Count)];
            double lat, lon;
            if (i % 2 == 0)
            {
                // Around a mahalla centre, within ~800 m.
                lat = mahalla.Latitude!.Value + (random.NextDouble() - 0.5) * 0.014;
                lon = mahalla.Longitude!.Value + (random.NextDouble() - 0.5) * 0.018;
            }
            else
            {
                lat = 41.25 + random.NextDouble() * 0.12;
                lon = 69.18 + random.NextDouble() * 0.16;
            }

            var at = filedAt.AddMinutes(i * 2.5);
            var appeal = Appeal.File(Guid.CreateVersion7(), TrackingNumbers.Format("B", 2026, i + 1), AccessCodes.Hash("BENCH" + i),
                AppealType.Report, categories[i % categories.Length], mahalla.Id, mahalla.Path, $"Benchmark report {i}: a problem on the street.",
                "uz-Latn", i % 3 == 0, new Actor(null, "citizen"), council, at.AddDays(1), at.AddDays(15), at);
            if (i % 4 == 0)
            {
                appeal.Answer("Bartaraf etildi.", new Actor(null, "organization_operator"), at.AddDays(20), at.AddDays(3));
            }

            db.Add(appeal);
            var report = Report.For(appeal, $"Benchmark report {i}", lat, lon, LocationSource.Map, null, "{}", null, ReportChannel.Web, null);
            report.Follow(appeal, TimeSpan.FromDays(3));
            report.MarkNotified(appeal.Version); // old reports: nobody is waiting to hear about them
            db.Add(report);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        if ((done / batch) % 10 == 0)
        {
            Console.WriteLine($"  {done + batch:N0} reports ({started.Elapsed.TotalSeconds:F0} s)");
        }
    }

    await using (var db = new MahallaDb(options.Options))
    {
        if (provider == "postgres")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"seeded {count:N0} reports in {started.Elapsed.TotalSeconds:F0} s; the database now holds {await db.Set<Report>().CountAsync():N0}");
        // The grid of cluster counts, rebuilt the way the app's watcher does it on its next tick.
        var rebuild = Stopwatch.StartNew();
        await new Mahalla.Web.Modules.Reports.PublicMap.MapCells(db).RefreshAsync(CancellationToken.None);
        Console.WriteLine($"map cells rebuilt in {rebuild.Elapsed.TotalMilliseconds:F0} ms ({await db.Set<Mahalla.Web.Modules.Reports.PublicMap.ReportMapCell>().CountAsync():N0} cells)");
    }
}

static async Task RunAsync(Uri url, int clients, int warmup, int duration, string label, string results)
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4, UseProxy = false }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    var scales = new (string Name, double Height, double Width)[] { ("city", 0.12, 0.16), ("district", 0.03, 0.04), ("street", 0.004, 0.006) };
    Console.WriteLine($"{label} map data: {clients} clients, warm-up {warmup} s, measured {duration} s per scale");
    Console.WriteLine($"{"scale",-9} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"ok",7} {"errors",6} {"points",7} {"clusters",8} {"total",7}");
    foreach (var (name, height, width) in scales)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        long points = 0, clusters = 0, totals = 0, answers = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c * 7919 + name.Length);
            latencies[c] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var south = 41.25 + random.NextDouble() * (0.12 - Math.Min(height, 0.12));
                var west = 69.18 + random.NextDouble() * (0.16 - Math.Min(width, 0.16));
                var bbox = FormattableString.Invariant($"{west:F5},{south:F5},{west + width:F5},{south + height:F5}");
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync($"/api/reports/map?bbox={bbox}");
                    var body = await response.Content.ReadAsStringAsync();
                    var done = Stopwatch.GetTimestamp();
                    if (sent >= measureFrom && done <= end)
                    {
                        if (response.IsSuccessStatusCode)
                        {
                            latencies[c].Add((done - sent) * 1000.0 / Stopwatch.Frequency);
                            using var json = System.Text.Json.JsonDocument.Parse(body);
                            Interlocked.Add(ref points, json.RootElement.GetProperty("reports").GetArrayLength());
                            Interlocked.Add(ref clusters, json.RootElement.GetProperty("clusters").GetArrayLength());
                            Interlocked.Add(ref totals, json.RootElement.GetProperty("total").GetInt32());
                            Interlocked.Increment(ref answers);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        var rps = all.Count / (double)duration;
        var n = Math.Max(1, answers);
        Console.WriteLine($"{name,-9} {rps,8:F1} {P(0.5),8:F1} {P(0.99),8:F1} {(all.Count > 0 ? all[^1] : double.NaN),8:F1} {all.Count,7} {errors,6} {points / (double)n,7:F0} {clusters / (double)n,8:F0} {totals / (double)n,7:F0}");
        if (results.Length > 0)
        {
            await File.AppendAllTextAsync(results, string.Join('\t', label, clients, name, rps.ToString("F1"), P(0.5).ToString("F1"), P(0.99).ToString("F1"),
                (all.Count > 0 ? all[^1] : 0).ToString("F1"), errors, (points / (double)n).ToString("F0"), (clusters / (double)n).ToString("F0"), (totals / (double)n).ToString("F0")) + "\n");
        }
    }
}
