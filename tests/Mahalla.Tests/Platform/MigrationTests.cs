using System.Data;
using System.Data.Common;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Mahalla.Tests.Platform;

/// <summary>
/// The hand-written migrations, applied to an empty database, give exactly the schema the model
/// itself would create (tables, columns, store types, nullability, primary keys and indexes) — on
/// SQLite and on PostgreSQL.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_on_sqlite_create_the_schema_of_the_model() =>
        await CompareAsync(Provider.Sqlite);

    [Fact]
    public async Task Migrations_on_postgres_create_the_schema_of_the_model() =>
        await CompareAsync(Provider.Postgres);

    /// <summary>Each migration's Down undoes its Up: all of them, taken down to an empty database and up again, give the model's schema.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Every_migration_goes_down_to_an_empty_database_and_up_again_to_the_model(Provider provider) =>
        await CompareAsync(provider, async (db, ct) =>
        {
            await db.Database.MigrateAsync(ct);
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase, ct);
            Assert.Empty(await DescribeAsync(provider, db.Database.GetConnectionString()!));
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync(ct));
            await db.Database.MigrateAsync(ct);
        });

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task M0014_counts_the_duplicate_groups_that_already_exist_on_their_masters(Provider provider)
    {
        var database = NewDatabase(provider);
        try
        {
            await using var db = Context(provider, database);
            await db.GetService<IMigrator>().MigrateAsync("20261122000013_DuplicateMasters", TestContext.Current.CancellationToken);
            var (master, alone) = (Guid.CreateVersion7(), Guid.CreateVersion7());
            var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
            // The master and a later request by one applicant, one by another, one without an applicant; and a request alone.
            foreach (var (id, group, applicant) in new (Guid, Guid, Guid?)[]
                     { (master, master, a), (Guid.CreateVersion7(), master, a), (Guid.CreateVersion7(), master, b), (Guid.CreateVersion7(), master, null), (alone, alone, c) })
            {
                await InsertAssessmentAsync(db, provider, id, group, applicant);
            }

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            var counts = await db.Database.SqlQueryRaw<GroupCount>(provider == Provider.Postgres
                    ? "select \"AppealId\" as \"Id\", \"GroupSize\" as \"Size\", \"GroupPeople\" as \"People\" from triage.triage_assessments where \"GroupId\" = \"AppealId\""
                    : "select \"AppealId\" as \"Id\", \"GroupSize\" as \"Size\", \"GroupPeople\" as \"People\" from triage_assessments where \"GroupId\" = \"AppealId\"")
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new GroupCount(master, 4, 3), counts.Single(x => x.Id == master));
            Assert.Equal(new GroupCount(alone, 1, 1), counts.Single(x => x.Id == alone));
        }
        finally
        {
            Drop(provider, database);
        }
    }

    /// <summary>
    /// M0019 fills the sweeper's due time of the requests that exist in SQL; it must be the time their transitions would
    /// have given them. Requests in every state, made by the entity's verbs, are saved; the migration is taken down (the
    /// column goes) and up again.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task M0019_gives_the_requests_that_exist_the_sweep_due_time_their_transitions_gave_them(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = NewDatabase(provider);
        try
        {
            await using var db = Context(provider, database);
            await db.Database.MigrateAsync(ct);
            var random = new Random(19);
            var filed = new DateTime(2026, 11, 3, 5, 0, 0, DateTimeKind.Utc);
            var appeals = Enumerable.Range(0, 200).Select(i => Domain.AppealWalks.Walk(random, $"M-2026-{i:D6}-0", filed.AddHours(i))).ToList();
            db.Appeals.AddRange(appeals);
            await db.SaveChangesAsync(ct);
            // Every kind of state the rule tells apart is among them.
            Assert.All(Enum.GetValues<AppealStatus>(), status => Assert.Contains(appeals, a => a.Status == status));
            Assert.Contains(appeals, a => a.Status.IsOpen() && a.EscalationLevel == Appeal.MaxEscalationLevel);
            Assert.Contains(appeals, a => a.Status.IsOpen() && a.NextEscalationAtUtc is not null && a.SweepDueUtc == a.NextEscalationAtUtc);
            Assert.Contains(appeals, a => a.Status == AppealStatus.Submitted && a.SweepDueUtc == a.RegistrationDueUtc);

            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261123000018_PendingEmail", ct);
            await migrator.MigrateAsync(null, ct);

            var stored = await db.Appeals.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.SweepDueUtc, ct);
            Assert.All(appeals, a => Assert.Equal(a.SweepDueUtc, stored[a.Id]));
        }
        finally
        {
            Drop(provider, database);
        }
    }

    private sealed record GroupCount(Guid Id, int Size, int People);

    private static async Task InsertAssessmentAsync(MahallaDb db, Provider provider, Guid id, Guid group, Guid? applicant)
    {
        object Key(Guid g) => provider == Provider.Postgres ? g : g.ToString().ToUpperInvariant();
        var table = provider == Provider.Postgres ? "triage.triage_assessments" : "triage_assessments";
        var insert = $$"""
            insert into {{table}} ("AppealId", "TerritoryId", "ApplicantUserId", "FiledAtUtc", "PredictedCategoryCode", "Probability", "SuggestedOrganizationId",
                "UrgencyLevel", "UrgencyCorrected", "Flags", "Summary", "Keywords", "Language", "Signature", "GroupId", "ModelName", "Decision", "Version")
            values ({0}, {1}, {{(applicant is null ? "NULL" : "{2}")}}, {3}, 'water-supply', 0.9, {1}, 0, {4}, '[]', '', '[]', 'uz-Latn', '', {5}, 'seed', 1, 0)
            """;
        await db.Database.ExecuteSqlRawAsync(insert, [Key(id), Key(Guid.Empty), Key(applicant ?? Guid.Empty), DateTime.UtcNow, false, Key(group)]);
    }

    private static async Task CompareAsync(Provider provider, Func<MahallaDb, CancellationToken, Task>? migrate = null)
    {
        var migrated = NewDatabase(provider);
        var created = NewDatabase(provider);
        try
        {
            await using (var db = Context(provider, migrated))
            {
                await (migrate ?? ((d, ct) => d.Database.MigrateAsync(ct)))(db, TestContext.Current.CancellationToken);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            }

            await using (var db = Context(provider, created))
            {
                await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
            }

            var fromMigrations = await DescribeAsync(provider, migrated);
            var fromModel = await DescribeAsync(provider, created);
            Assert.NotEmpty(fromModel);
            Assert.Equal(fromModel, fromMigrations);
        }
        finally
        {
            Drop(provider, migrated);
            Drop(provider, created);
        }
    }

    private static string NewDatabase(Provider provider) => provider == Provider.Postgres
        ? Postgres.CreateDatabase()
        : $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("mahalla-migration-").FullName, "m.db")};Pooling=false";

    /// <summary>Drops a PostgreSQL database, or deletes a SQLite file's folder.</summary>
    private static void Drop(Provider provider, string connectionString)
    {
        if (provider == Provider.Postgres)
        {
            Postgres.DropDatabase(connectionString);
        }
        else
        {
            Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!, recursive: true);
        }
    }

    private static MahallaDb Context(Provider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<MahallaDb>();
        if (provider == Provider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }

        return new MahallaDb(options.Options);
    }

    /// <summary>One sorted line per column, key and index, read from the database's own catalogue.</summary>
    private static async Task<List<string>> DescribeAsync(Provider provider, string connectionString)
    {
        await using DbConnection connection = provider == Provider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        if (provider == Provider.Postgres)
        {
            await ReadAsync(connection, lines, """
                select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || coalesce(' collate ' || collation_name, '') || ' ' || is_nullable || ' ' || coalesce(is_identity, '')
                from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema') and table_name not like '__EFMigrations%'
                """);
            await ReadAsync(connection, lines, """
                select schemaname || '.' || tablename || ' ' || regexp_replace(indexdef, '^.* USING ', '')
                from pg_indexes where schemaname not in ('pg_catalog') and tablename not like '__EFMigrations%'
                """);
        }
        else
        {
            var tables = new List<string>();
            await ReadAsync(connection, tables, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__EFMigrations%'");
            foreach (var table in tables)
            {
                await ReadAsync(connection, lines, $"select '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk from pragma_table_info('{table}')");
                await ReadAsync(connection, lines, $"select '{table} index ' || il.\"unique\" || ' ' || group_concat(ii.name, ',') from pragma_index_list('{table}') il join pragma_index_info(il.name) ii group by il.name");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task ReadAsync(DbConnection connection, List<string> into, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default);
        while (await reader.ReadAsync())
        {
            into.Add(reader.GetString(0));
        }
    }
}
