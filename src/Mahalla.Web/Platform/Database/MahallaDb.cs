using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// The one DbContext. Each module's tables live in the module's own schema on PostgreSQL
/// (SQLite has no schemas; table names are unique across modules so both look the same).
/// </summary>
public sealed class MahallaDb(DbContextOptions<MahallaDb> options) : IdentityDbContext<User, Role, Guid>(options)
{
    /// <summary>
    /// The first pass of the group commit that this DbContext is saving, if it is (set and cleared by
    /// <see cref="GroupCommit"/>); null everywhere else.
    /// </summary>
    public GroupCommitPass? Pass { get; internal set; }

    /// <summary>
    /// Saves. A change that broke a unique index with a meaning fails with that meaning (<see cref="ConcurrencyGuards.Refusal"/>):
    /// a guard against concurrent changes as a concurrency conflict (ADR 0080), a rule's key as the rule's refusal (ADR 0081).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException failure) when (ConcurrencyGuards.Refusal(failure, Model) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException failure) when (ConcurrencyGuards.Refusal(failure, Model) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// Adds a new row and saves it. With <paramref name="once"/>, its id was derived from a page form's id or an idempotency
    /// key, and it is saved once: when a row with that id is there already (the same form sent twice, even at once),
    /// nothing is added and the saved row is returned (ADR 0083).
    /// </summary>
    public async Task<T> SaveNewAsync<T>(T entity, bool once, CancellationToken ct) where T : class
    {
        var entry = Entry(entity);
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
        if (once && await Set<T>().FindAsync(key, ct) is { } saved)
        {
            return saved;
        }

        entry.State = EntityState.Added;
        try
        {
            await SaveChangesAsync(ct);
            return entity;
        }
        catch (DbUpdateException failure) when (once && ConcurrencyGuards.IsUniqueViolation(failure))
        {
            // Saved by the other sending between the look and this save; a key of another kind broke is not ours to answer.
            entry.State = EntityState.Detached;
            if (await Set<T>().FindAsync(key, ct) is { } meanwhile)
            {
                return meanwhile;
            }

            throw;
        }
    }

    /// <summary>
    /// <see cref="SaveNewAsync{T}(T, bool, CancellationToken)"/>, for a row whose id comes from a caller's idempotency key:
    /// a saved row that differs from the new one in what a request <paramref name="asks"/> for was made by another request
    /// under the same key, and is refused with 409 <c>rule.idempotency_key_reused</c> (ADR 0086).
    /// </summary>
    public async Task<T> SaveNewAsync<T>(T entity, bool once, Func<T, object> asks, CancellationToken ct) where T : class
    {
        var saved = await SaveNewAsync(entity, once, ct);
        return ReferenceEquals(saved, entity) || Equals(asks(saved), asks(entity))
            ? saved
            : throw new BusinessRuleException("rule.idempotency_key_reused");
    }

    /// <summary>
    /// Removes a row that the caller found, and saves. When another removal took it first (a delete pressed twice, two
    /// administrators at once), the row is gone as both asked, and that is not a conflict; a row changed meanwhile still
    /// is one (ADR 0080).
    /// </summary>
    public async Task RemoveFoundAsync<T>(T entity, CancellationToken ct) where T : class
    {
        Remove(entity);
        try
        {
            await SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = Entry(entity);
            if (await entry.GetDatabaseValuesAsync(ct) is not null)
            {
                throw;
            }

            entry.State = EntityState.Detached;
        }
    }

    public DbSet<Territory> Territories => Set<Territory>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<DeadlinePolicy> DeadlinePolicies => Set<DeadlinePolicy>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<AppealEvent> AppealEvents => Set<AppealEvent>();

    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();

    public DbSet<AppealAttachment> AppealAttachments => Set<AppealAttachment>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<TrackingCounter> TrackingCounters => Set<TrackingCounter>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var schemas = new Schemas(Database.ProviderName);
        ModelMapping.Accounts(builder, schemas);
        ModelMapping.Directory(builder, schemas);
        ModelMapping.Appeals(builder, schemas);
        ModelMapping.Notifications(builder, schemas);
        Modules.Transparency.Data.TransparencyMapping.Configure(builder, schemas);
        Modules.Triage.Data.TriageMapping.Configure(builder, schemas);
        Modules.Reports.Data.ReportsMapping.Configure(builder, schemas);
        Modules.Delivery.Data.DeliveryMapping.Configure(builder, schemas);
        Modules.Open311.Data.Open311Mapping.Configure(builder, schemas);
        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys", schemas["platform"]);
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });

        // Instants are UTC everywhere; SQLite hands them back unspecified, so say so on the way in.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(utcNullable);
                }
            }
        }
    }
}

/// <summary>A data-protection key shared by every application node (cookies and tokens survive restarts and load balancing).</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}

/// <summary>Module schemas on PostgreSQL; none on SQLite.</summary>
public sealed class Schemas(string? providerName)
{
    public bool Supported { get; } = providerName is not null && providerName.Contains("Npgsql", StringComparison.Ordinal);

    public string? this[string module] => Supported ? module : null;
}
