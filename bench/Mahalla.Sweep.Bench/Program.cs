using System.Diagnostics;
using System.Globalization;
using Mahalla.Tlog.Bench;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.Escalation;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Sweep.Bench;

// The deadline sweeper's read on a backlog of open requests. bench/sweep.sh runs it on SQLite and PostgreSQL.
//   dotnet run -c Release --project bench/Mahalla.Sweep.Bench -- --provider Postgres --server "Host=…" [options]
// Options: --open 200000 (open requests)   --closed 100000   --sweeps 30   --work DIR (SQLite files)
//          --due 0 (then, a backlog due at once, handled by one more run)   --supervisors 1000 (district supervisors)
//          --watchers 0 (then, that many tracking pages following open requests live; --watch-seconds 20)
//
// The requests are made by the entity's verbs (filed, registered, escalated, answered, confirmed) and saved through the
// app's own context, so they are in the states the engine produces and carry whatever it keeps for them. Their shape is a
// backlog where nothing is due at the moment measured: 20% wait for registration (due within the day), 50% are in
// work before their answer deadline, 15% are overdue and held at the district after an escalation, 10% are overdue at the
// region (nowhere higher to go), 5% are answered and wait for the citizen. Each sweep is the real
// DeadlineSweeper.RunOnceAsync, which every node runs every minute; with nothing due it is its read alone.
// With --due N, N more requests then fall due at once (in work, past their answer deadline, at the mahalla: the end of a
// busy working day, or the first minute after an outage) and one more run is timed: each of them is escalated through the
// entity under its version token, its supervisors are found among the district supervisors and notified, and its event
// and transparency-log entry are saved, as in production.
// With --watchers N, N open requests are then each followed by one tracking page's live status stream (the link the page
// gives, GET /api/track/stream?t=…, read through the app's in-process server), and while none of them changes the bench
// measures what following costs: the process's CPU time and, on PostgreSQL, the database's committed statements.
internal static class SweepBench
{
    private static readonly Actor Citizen = new(Guid.CreateVersion7(), "citizen");
    private static readonly Actor Staff = new(Guid.CreateVersion7(), "mahalla_staff");
    private static readonly Guid Territory = Guid.CreateVersion7();
    private static readonly Guid Organization = Guid.CreateVersion7();
    private static readonly string Hash = AccessCodes.Hash("bench");

    public static async Task<int> Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var provider = values.GetValueOrDefault("provider", "Sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";
        var server = values.GetValueOrDefault("server");
        if (provider == "Postgres" && server is null)
        {
            throw new ArgumentException("--server \"Host=…;Username=…;Database=postgres\" is required for PostgreSQL");
        }

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        var open = Int(values.GetValueOrDefault("open", "200000"));
        var closed = Int(values.GetValueOrDefault("closed", "100000"));
        var sweeps = Int(values.GetValueOrDefault("sweeps", "30"));
        var work = Path.GetFullPath(values.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "mahalla-sweep-bench")));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the content root from here
        Directory.CreateDirectory(work);

        using var database = Database.Create(provider, server, work, "sweep");
        await using var app = new SweepApp(database);
        _ = app.Services;
        var now = DateTime.UtcNow;
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, open, closed, now);
        if (provider == "Postgres")
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE")); // as autovacuum would have by now
        }

        Report.Progress($"{provider}: {open:N0} open and {closed:N0} closed requests saved in {seeding.Elapsed.TotalSeconds:0} s");
        var sweeper = app.Services.GetRequiredService<DeadlineSweeper>();
        for (var i = 0; i < 3; i++)
        {
            await sweeper.RunOnceAsync(CancellationToken.None); // warm-up: compiled queries, caches, pool
        }

        var samples = new Samples();
        var handled = 0;
        for (var i = 0; i < sweeps; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await sweeper.RunOnceAsync(CancellationToken.None);
            samples.Add(start);
            handled += result.Escalated + result.Closed + result.Skipped;
        }

        // provider | open | closed | sweeps | mean | p50 | p99 | max (ms) | requests the sweeps acted on or skipped
        Report.Line($"sweep|{provider}|{open}|{closed}|{sweeps}|{samples.Summary()}|{handled}");

        var due = Int(values.GetValueOrDefault("due", "0"));
        if (due > 0)
        {
            var supervisors = Int(values.GetValueOrDefault("supervisors", "1000"));
            await SeedSupervisorsAsync(app, supervisors);
            await SeedDueAsync(app, due, DateTime.UtcNow);
            Report.Progress($"{provider}: {supervisors:N0} district supervisors and {due:N0} requests due at once saved");
            var start = Stopwatch.GetTimestamp();
            var result = await sweeper.RunOnceAsync(CancellationToken.None);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var left = await app.WithDbAsync(db => DeadlineSweeper.Due(db.Appeals, DateTime.UtcNow).CountAsync());
            // provider | due | supervisors | seconds | escalated | still due after the run | escalations a second
            Report.Line(string.Create(CultureInfo.InvariantCulture,
                $"drain|{provider}|{due}|{supervisors}|{seconds:0.00}|{result.Escalated}|{left}|{result.Escalated / seconds:0}"));
        }

        var watchers = Int(values.GetValueOrDefault("watchers", "0"));
        if (watchers > 0)
        {
            await WatchAsync(app, provider, watchers, TimeSpan.FromSeconds(Int(values.GetValueOrDefault("watch-seconds", "20"))));
        }

        return 0;
    }

    /// <summary>N pages follow N open requests live; nothing changes while the cost of following is measured.</summary>
    private static async Task WatchAsync(SweepApp app, string provider, int count, TimeSpan window)
    {
        var ids = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.Status == AppealStatus.InProgress)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(count).ToListAsync());
        var protection = app.Services.GetRequiredService<IDataProtectionProvider>();
        var client = app.CreateClient();
        var pages = new List<(HttpResponseMessage Response, StreamReader Events)>();
        try
        {
            foreach (var id in ids)
            {
                var token = TrackingTokens.Issue(protection, TrackingTokens.Stream, id, TimeProvider.System);
                var response = await client.GetAsync(new Uri("/api/track/stream?t=" + Uri.EscapeDataString(token), UriKind.Relative),
                    HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                var events = new StreamReader(await response.Content.ReadAsStreamAsync());
                pages.Add((response, events));
                while (await events.ReadLineAsync() is { } line && !line.StartsWith("data:", StringComparison.Ordinal))
                {
                }
            }

            Report.Progress($"{provider}: {pages.Count:N0} tracking pages follow their requests live");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var commits = await CommitsAsync(app, provider);
            var start = Stopwatch.GetTimestamp();
            await Task.Delay(window);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            var cpuPercent = (process.TotalProcessorTime - cpu).TotalSeconds / seconds * 100;
            var statements = commits is { } before ? ((await CommitsAsync(app, provider))!.Value - before) / seconds : (double?)null;
            // provider | pages | seconds | CPU % of one core | statements a second (PostgreSQL's committed transactions)
            Report.Line(string.Create(CultureInfo.InvariantCulture,
                $"live|{provider}|{pages.Count}|{seconds:0.0}|{cpuPercent:0.0}|{(statements is { } n ? n.ToString("0.0", CultureInfo.InvariantCulture) : "-")}"));
        }
        finally
        {
            foreach (var (response, events) in pages)
            {
                events.Dispose();
                response.Dispose();
            }
        }
    }

    /// <summary>PostgreSQL's count of committed transactions in this database: each statement outside a transaction is one.</summary>
    private static async Task<long?> CommitsAsync(SweepApp app, string provider) => provider != "Postgres" ? null : await app.WithDbAsync(async db =>
    {
        // The statistics are read as of this transaction's start; a fresh snapshot each time.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_clear_snapshot()");
        return (long?)await db.Database.SqlQueryRaw<long>("SELECT xact_commit AS \"Value\" FROM pg_stat_database WHERE datname = current_database()").SingleAsync();
    });

    /// <summary>District supervisors across the country; two of them over the bench's mahalla, whom each escalation notifies.</summary>
    private static async Task SeedSupervisorsAsync(SweepApp app, int count) => await app.WithDbAsync(async db =>
    {
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.DistrictSupervisor);
        for (var i = 0; i < count; i++)
        {
            var name = $"bench-district-{i}";
            var user = new User
            {
                Id = Guid.CreateVersion7(), UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"),
                TerritoryPath = i < 2 ? "/bench/" : $"/region-{i % 14}/district-{i}/", CreatedAtUtc = DateTime.UtcNow,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Requests in work at the mahalla whose answer deadline passed a day ago: due at once.</summary>
    private static Task SeedDueAsync(SweepApp app, int count, DateTime now) => SaveAsync(app, count, i =>
    {
        var filedAt = now.AddDays(-16);
        var appeal = Filed($"D-{i:D9}", filedAt, now.AddDays(-1));
        appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3));
        return appeal;
    });

    private static Task SeedAsync(SweepApp app, int open, int closed, DateTime now) =>
        SaveAsync(app, open + closed, i => Request(i, i < open ? i % 20 : -1, now));

    /// <summary>Saves <paramref name="count"/> requests made by <paramref name="make"/>, 2,000 a unit of work.</summary>
    private static async Task SaveAsync(SweepApp app, int count, Func<int, Appeal> make)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(2000))
        {
            var appeals = chunk.Select(make).ToList();
            await app.WithDbAsync(async db =>
            {
                db.Appeals.AddRange(appeals);
                return await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>A complaint about the roads in the bench's mahalla, filed by the bench's citizen, to be registered the next day.</summary>
    private static Appeal Filed(string trackingNumber, DateTime filedAt, DateTime answerDue) =>
        Appeal.File(Guid.CreateVersion7(), trackingNumber, Hash, AppealType.Complaint, "roads", Territory, "/bench/", "Yo'l chuqurlari",
            "uz-Latn", false, Citizen, Organization, filedAt.AddDays(1), answerDue, filedAt);

    /// <summary>One request in the state its shape asks for (-1: resolved long ago), made by the entity's verbs.</summary>
    private static Appeal Request(int i, int shape, DateTime now)
    {
        var days = i % 15;
        var filedAt = shape switch
        {
            < 0 => now.AddDays(-400 + i % 300),
            <= 3 => now.AddHours(-2),
            <= 13 => now.AddDays(-days),
            _ => now.AddDays(-20 - days),
        };
        var appeal = Filed($"B-{i:D9}", filedAt, filedAt.AddDays(15));
        switch (shape)
        {
            case < 0:
                appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3));
                appeal.Answer("Ta'mirlandi", Staff, filedAt.AddDays(12), filedAt.AddDays(5));
                appeal.ConfirmResolution(Citizen, filedAt.AddDays(6));
                break;
            case <= 3:
                break; // waits for registration, due by tomorrow
            case <= 13:
                appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3)); // answer due in 1 to 15 days
                break;
            case <= 16:
                appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3));
                appeal.Escalate(now.AddDays(1 + i % 3), now.AddHours(-1)); // overdue, held at the district
                break;
            case <= 18:
                appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3));
                appeal.Escalate(now.AddDays(-2), filedAt.AddDays(16));
                appeal.Escalate(now.AddDays(3), now.AddHours(-1)); // overdue at the region
                break;
            default:
                appeal.Assign(Staff.UserId!.Value, Staff, filedAt.AddHours(3));
                appeal.Answer("Javob", Staff, now.AddDays(1 + i % 10), now.AddHours(-1)); // waits for the citizen
                break;
        }

        return appeal;
    }
}

/// <summary>
/// The real app, in-process, on a fresh database of its own, migrated, without demo data, with its background jobs off:
/// the benchmark runs the sweeper itself. Saved events go into the transparency log as they do in production.
/// </summary>
internal sealed class SweepApp(Database database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Mahalla", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Deadlines:Sweeper:Enabled", "false");
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("Transparency:SequencerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:LogToStandardErrorThreshold", "Trace"); // stdout carries the figures
    }

    public async Task<T> WithDbAsync<T>(Func<MahallaDb, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<MahallaDb>());
    }
}
