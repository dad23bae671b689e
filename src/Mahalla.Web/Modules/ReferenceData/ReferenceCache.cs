using System.Runtime.CompilerServices;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.ReferenceData;

/// <summary>Reference-data cache settings (section <c>ReferenceData</c>).</summary>
public sealed class ReferenceDataOptions
{
    /// <summary>
    /// How long a node trusts its copy before it reads the tables again. An edit on this node takes
    /// effect at once; on other nodes within this time (ADR 0011).
    /// </summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The reference data the request engine runs on — categories, territories, organisations, routing
/// rules, deadline policies and holidays — read in one go and shared by every request of this node
/// (ADR 0011). Each of these tables changes only when an administrator (or the seeding) saves a
/// change, and every such save through the DbContext drops this node's copy
/// (<see cref="ReferenceDataChanges"/>); other nodes reload within <see cref="ReferenceDataOptions.CacheFor"/>.
/// </summary>
/// <remarks>
/// Guarantee: the snapshot is immutable and loaded with no tracking; nothing in it is ever attached
/// to a DbContext, so sharing it between requests cannot leak a change into a unit of work.
/// </remarks>
public sealed class ReferenceCache(TimeProvider clock, IOptions<ReferenceDataOptions> options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;
    private long _generation;

    public async ValueTask<ReferenceSnapshot> GetAsync(MahallaDb db, CancellationToken ct)
    {
        if (Fresh(_entry) is { } hit)
        {
            return hit;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_entry) is { } again)
            {
                return again;
            }

            // A change saved while this load runs bumps the generation; the load is then used once but not kept.
            var generation = Interlocked.Read(ref _generation);
            var snapshot = await ReferenceSnapshot.LoadAsync(db, ct);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _entry = new Entry(snapshot, clock.GetTimestamp(), generation);
            }

            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>This node's copy when it is current, without touching the database; otherwise null (then use <see cref="GetAsync"/>).</summary>
    public ReferenceSnapshot? Current => Fresh(_entry);

    /// <summary>Drops this node's copy: the next request reads the tables again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entry = null;
    }

    private ReferenceSnapshot? Fresh(Entry? entry) =>
        entry is not null && entry.Generation == Interlocked.Read(ref _generation)
        && clock.GetElapsedTime(entry.LoadedAt) < options.Value.CacheFor
            ? entry.Snapshot
            : null;

    private sealed record Entry(ReferenceSnapshot Snapshot, long LoadedAt, long Generation);
}

/// <summary>One consistent copy of the reference data.</summary>
public sealed class ReferenceSnapshot
{
    private readonly Dictionary<string, Category> _categories;
    private readonly Dictionary<Guid, Territory> _territories;
    private readonly Dictionary<Guid, Organization> _organizations;
    private readonly Dictionary<string, List<RoutingRule>> _rulesByCategory;
    private readonly Dictionary<Guid, Guid> _councilOfMahalla;

    private ReferenceSnapshot(List<Category> categories, List<Territory> territories, List<Organization> organizations,
        List<RoutingRule> rules, List<DeadlinePolicy> policies, List<DateOnly> holidays)
    {
        _categories = categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _territories = territories.ToDictionary(t => t.Id);
        _organizations = organizations.ToDictionary(o => o.Id);
        _rulesByCategory = rules.GroupBy(r => r.CategoryCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _councilOfMahalla = organizations.Where(o => o.Kind == OrganizationKind.Mahalla && o.IsActive)
            .GroupBy(o => o.TerritoryId).ToDictionary(g => g.Key, g => g.First().Id);
        DeadlinePolicies = policies;
        Holidays = holidays.ToHashSet();
    }

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public static async Task<ReferenceSnapshot> LoadAsync(MahallaDb db, CancellationToken ct) =>
        new(await db.Categories.AsNoTracking().ToListAsync(ct),
            await db.Territories.AsNoTracking().ToListAsync(ct),
            await db.Organizations.AsNoTracking().ToListAsync(ct),
            await db.RoutingRules.AsNoTracking().ToListAsync(ct),
            await db.DeadlinePolicies.AsNoTracking().ToListAsync(ct),
            await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    public Category? Category(string code) => _categories.GetValueOrDefault(code);

    public Category? ActiveCategory(string? code) => code is not null && Category(code) is { IsActive: true } c ? c : null;

    public IEnumerable<Category> Categories => _categories.Values;

    public Territory? Territory(Guid id) => _territories.GetValueOrDefault(id);

    public Territory? Mahalla(Guid id) => Territory(id) is { Kind: TerritoryKind.Mahalla } t ? t : null;

    public Organization? Organization(Guid id) => _organizations.GetValueOrDefault(id);

    /// <summary>The rules of a category whose organisation is active.</summary>
    public IEnumerable<RoutingRule> ActiveRules(string categoryCode) =>
        _rulesByCategory.GetValueOrDefault(categoryCode)?.Where(r => Organization(r.OrganizationId)?.IsActive == true) ?? [];

    public Guid? MahallaCouncil(Guid mahallaId) => _councilOfMahalla.TryGetValue(mahallaId, out var id) ? id : null;
}

/// <summary>
/// Drops the node's reference-data copy whenever a unit of work saves a change to one of its tables:
/// at once after SaveChanges, and again when an explicit transaction around it commits (so that a
/// reload between the two cannot keep what the transaction had not yet made visible).
/// </summary>
internal sealed class ReferenceDataChanges(ReferenceCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Tracked =
        [typeof(Category), typeof(Territory), typeof(Organization), typeof(RoutingRule), typeof(DeadlinePolicy), typeof(Holiday)];

    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context, committed: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: false);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null || !TracksReferenceRows(db.ChangeTracker))
        {
            return;
        }

        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Tracked.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(db, this);
        }
    }

    /// <summary>
    /// Whether any reference row is tracked at all, read without comparing every row with its snapshot: only a
    /// tracked row can have changed, and most units of work (every filing) track none, so they skip that comparison.
    /// </summary>
    private static bool TracksReferenceRows(ChangeTracker tracker)
    {
        using var paused = tracker.PauseDetection();
        return tracker.Entries().Any(e => Tracked.Contains(e.Metadata.ClrType));
    }

    private void Flush(DbContext? db, bool committed)
    {
        if (db is null || !_pending.TryGetValue(db, out _))
        {
            return;
        }

        cache.Invalidate();
        if (committed || db.Database.CurrentTransaction is null)
        {
            _pending.Remove(db);
        }
    }
}
