using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Appeals.TrackAppeal;

public sealed class TrackingOptions
{
    public const string Section = "Tracking";

    /// <summary>How often the node looks whether the requests its open tracking pages follow have changed.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The live status of open tracking pages (ADR 0071). Every page that follows a request over Server-Sent Events waits
/// here; once an interval the node reads the versions of all the requests followed on it, a few hundred to a statement,
/// and wakes the pages of the ones that changed. The database sees one small read an interval however many pages are
/// open, where each page used to poll for itself, and a page holds no database context while it waits. Every node keeps
/// its own: a change made on another node is seen at the next read.
/// </summary>
public sealed class TrackingWatch(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TrackingWatch> logger, IOptions<TrackingOptions> options)
    : BackgroundService
{
    /// <summary>The most requests one statement reads.</summary>
    internal const int ReadSize = 500;

    private readonly Dictionary<Guid, Followed> _followed = [];
    private readonly Lock _gate = new();

    /// <summary>The requests followed by open pages on this node.</summary>
    public int Following
    {
        get
        {
            lock (_gate)
            {
                return _followed.Count;
            }
        }
    }

    /// <summary>Waits until the request's version is other than <paramref name="known"/> and returns it.</summary>
    public async Task<int> ChangedFromAsync(Guid id, int known, CancellationToken ct)
    {
        var followed = Enter(id);
        try
        {
            while (true)
            {
                if (followed.OtherThan(known, out var changed) is { } version)
                {
                    return version;
                }

                await changed.WaitAsync(ct);
            }
        }
        finally
        {
            Leave(id, followed);
        }
    }

    /// <summary>One look: reads the versions of every request followed and wakes the pages of those that changed. Returns the statements run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        Guid[] ids;
        lock (_gate)
        {
            ids = [.. _followed.Keys];
        }

        var statements = 0;
        foreach (var chunk in ids.Chunk(ReadSize))
        {
            List<KeyValuePair<Guid, int>> versions;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
                versions = await db.Appeals.AsNoTracking().Where(a => chunk.Contains(a.Id))
                    .Select(a => new KeyValuePair<Guid, int>(a.Id, a.Version)).ToListAsync(ct);
            }

            statements++;
            foreach (var (id, version) in versions)
            {
                Followed? followed;
                lock (_gate)
                {
                    _followed.TryGetValue(id, out followed);
                }

                followed?.Saw(version);
            }
        }

        return statements;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LiveInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The tracking pages' live status read failed");
            }
        }
    }

    private Followed Enter(Guid id)
    {
        lock (_gate)
        {
            if (!_followed.TryGetValue(id, out var followed))
            {
                _followed[id] = followed = new Followed();
            }

            followed.Pages++;
            return followed;
        }
    }

    private void Leave(Guid id, Followed followed)
    {
        lock (_gate)
        {
            if (--followed.Pages == 0)
            {
                _followed.Remove(id);
            }
        }
    }

    /// <summary>One request followed: its pages (counted under the watch's lock) and the version last read (under its own).</summary>
    private sealed class Followed
    {
        private readonly Lock _lock = new();
        private int? _version;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Pages { get; set; }

        /// <summary>The version last read if it is other than <paramref name="known"/>; else null, and the task of the next change.</summary>
        public int? OtherThan(int known, out Task changed)
        {
            lock (_lock)
            {
                changed = _changed.Task;
                return _version is { } version && version != known ? version : null;
            }
        }

        public void Saw(int version)
        {
            TaskCompletionSource woken;
            lock (_lock)
            {
                if (_version == version)
                {
                    return;
                }

                _version = version;
                woken = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            woken.SetResult();
        }
    }
}
