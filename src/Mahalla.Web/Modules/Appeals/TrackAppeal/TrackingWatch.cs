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

    /// <summary>Waits until the node has read a version of the request other than <paramref name="known"/>.</summary>
    public async Task ChangedFromAsync(Guid id, int known, CancellationToken ct)
    {
        var followed = Enter(id);
        try
        {
            while (true)
            {
                Task next;
                lock (_gate)
                {
                    if (followed.Version is { } version && version != known)
                    {
                        return;
                    }

                    next = followed.Changed.Task;
                }

                await next.WaitAsync(ct);
            }
        }
        finally
        {
            Leave(id, followed);
        }
    }

    /// <summary>One look: reads the versions of every request followed and wakes the pages of those that changed.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        Guid[] ids;
        lock (_gate)
        {
            ids = [.. _followed.Keys];
        }

        foreach (var chunk in ids.Chunk(ReadSize))
        {
            List<KeyValuePair<Guid, int>> versions;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
                versions = await db.Appeals.AsNoTracking().Where(a => chunk.Contains(a.Id))
                    .Select(a => new KeyValuePair<Guid, int>(a.Id, a.Version)).ToListAsync(ct);
            }

            List<TaskCompletionSource> woken = [];
            lock (_gate)
            {
                foreach (var (id, version) in versions)
                {
                    if (_followed.TryGetValue(id, out var followed) && followed.Version != version)
                    {
                        followed.Version = version;
                        woken.Add(followed.Changed);
                        followed.Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }

            foreach (var changed in woken)
            {
                changed.SetResult();
            }
        }
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

    /// <summary>One request followed (read and changed under the watch's lock): its pages, the version last read, and the next change.</summary>
    private sealed class Followed
    {
        public int Pages { get; set; }

        public int? Version { get; set; }

        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
