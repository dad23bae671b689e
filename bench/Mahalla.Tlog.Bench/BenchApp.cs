using System.Diagnostics;
using Mahalla.Web.Modules.Transparency.RecordEvents;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mahalla.Tlog.Bench;

/// <summary>
/// The real app, in-process, on a fresh database of its own: migrated and seeded with the demo data, with rate
/// limits, the deadline sweeper, the e-mail sender and the background sequencer off (the benchmark drives the
/// sequencer). With <c>recordEvents: false</c> the transparency interceptor is removed, so appeal events are
/// saved without log entries: the "log off" side of the filing comparison (no such switch exists in the app).
/// </summary>
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string Password = "Bench-password-1";

    private readonly Database _database;
    private readonly bool _recordEvents;

    public BenchApp(Database database, bool recordEvents = true)
    {
        _database = database;
        _recordEvents = recordEvents;
    }

    /// <summary>Time spent in the recording interceptor (encoding entries, salts, commitments), summed over all saves.</summary>
    public TimedRecording Recording { get; } = new();

    public Database Database => _database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Mahalla", _database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Deadlines:Sweeper:Enabled", "false");
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("Email:OutboxFolder", Path.Combine(Path.GetTempPath(), "mahalla-tlog-bench-outbox"));
        builder.UseSetting("Transparency:SequencerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The app's log goes to stderr with the progress lines; stdout carries the figures.
        builder.UseSetting("Logging:Console:LogToStandardErrorThreshold", "Trace");
        builder.ConfigureServices(services =>
        {
            var recording = services.Single(d => d.ServiceType == typeof(IInterceptor) && d.ImplementationType == typeof(RecordEventsInterceptor));
            services.Remove(recording);
            if (_recordEvents)
            {
                services.AddSingleton<IInterceptor>(sp => new TimedInterceptor(ActivatorUtilities.CreateInstance<RecordEventsInterceptor>(sp), Recording));
            }
        });
    }

    public async Task<T> WithDbAsync<T>(Func<MahallaDb, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<MahallaDb>());
    }
}

/// <summary>Accumulated time in the recording interceptor.</summary>
internal sealed class TimedRecording
{
    private long _ticks;
    private long _saves;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public long Saves => Interlocked.Read(ref _saves);

    public void Add(long ticks)
    {
        Interlocked.Add(ref _ticks, ticks);
        Interlocked.Increment(ref _saves);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _saves, 0);
    }
}

/// <summary>Runs the real recording interceptor and times it.</summary>
internal sealed class TimedInterceptor(SaveChangesInterceptor inner, TimedRecording timing) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var start = Stopwatch.GetTimestamp();
        var r = inner.SavingChanges(eventData, result);
        timing.Add(Stopwatch.GetTimestamp() - start);
        return r;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var r = await inner.SavingChangesAsync(eventData, result, cancellationToken);
        timing.Add(Stopwatch.GetTimestamp() - start);
        return r;
    }
}
