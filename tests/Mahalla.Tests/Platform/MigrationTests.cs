using System.Data;
using System.Data.Common;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
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
        await OnNewDatabaseAsync(provider, async db =>
        {
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
        });
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
        await OnNewDatabaseAsync(provider, async db =>
        {
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
        });
    }

    /// <summary>
    /// M0020 makes four keys unique that only a look before the save kept. What races left behind before it is resolved
    /// as the migration says: the first entered of a day's holidays, of a scope's policies and of a category's default
    /// routes stays and the rest go; of a mahalla's councils the active one stays the council and the other becomes a
    /// service organisation, keeping its row.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task M0020_keeps_the_first_of_each_duplicate_and_makes_a_second_council_a_service_organisation(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await OnNewDatabaseAsync(provider, async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123000019_SweepDue", ct);
            var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
            var ids = Enumerable.Range(0, 12).Select(i => Guid.CreateVersion7(at.AddMilliseconds(i))).ToArray(); // in the order entered
            var (mahalla, other) = (Guid.NewGuid(), Guid.NewGuid());
            object Key(Guid g) => StoredId(provider, g);
            string Table(string schema, string table) => TableName(provider, schema, table);
            const string Names = "'Nom', 'Ном', 'Имя', 'Name'";

            foreach (var (id, date) in new[] { (ids[0], new DateOnly(2030, 3, 21)), (ids[1], new DateOnly(2030, 3, 21)), (ids[2], new DateOnly(2030, 3, 22)) })
            {
                var insert = $$"""
                    insert into {{Table("calendar", "holidays")}} ("Id", "Date", "IsMoving", "NameUzLatn", "NameUzCyrl", "NameRu", "NameEn") values ({0}, {1}, {2}, {{Names}})
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), date, false], ct);
            }

            foreach (var (id, type, category, days) in new (Guid, string?, string?, int)[]
                     { (ids[3], null, null, 15), (ids[4], null, null, 20), (ids[5], "complaint", null, 12), (ids[6], null, "roads", 14), (ids[7], "complaint", "roads", 9) })
            {
                var insert = $$"""
                    insert into {{Table("calendar", "deadline_policies")}} ("Id", "RequestType", "CategoryCode", "RegistrationWorkingDays", "AnswerDays", "ExtendedAnswerDays",
                        "ConfirmationDays", "ReopenedAnswerDays", "EscalationWorkingDays") values ({0}, NULLIF({1}, ''), NULLIF({2}, ''), 1, {3}, 30, 10, 10, 3)
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), type ?? "", category ?? "", days], ct);
            }

            // Two councils of one mahalla, the first entered of them made inactive; a council of another mahalla; a provider.
            foreach (var (id, kind, territory, active) in new[] { (ids[8], 1, mahalla, false), (ids[9], 1, mahalla, true), (ids[10], 1, other, true), (ids[11], 4, mahalla, true) })
            {
                var insert = $$"""
                    insert into {{Table("organizations", "organizations")}} ("Id", "Kind", "TerritoryId", "TerritoryPath", "IsActive", "NameUzLatn", "NameUzCyrl", "NameRu", "NameEn")
                    values ({0}, {1}, {2}, '/1726/', {3}, {{Names}})
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), kind, Key(territory), active], ct);
            }

            // Two defaults of one category, a route of it for a territory, and a default of another category.
            foreach (var (id, category, territory) in new (Guid, string, Guid?)[] { (ids[0], "roads", null), (ids[1], "roads", null), (ids[2], "roads", mahalla), (ids[3], "gas", null) })
            {
                var insert = $$"""
                    insert into {{Table("organizations", "routing_rules")}} ("Id", "CategoryCode", "TerritoryId", "TerritoryPath", "OrganizationId") values ({0}, {1}, {{(territory is null ? "NULL" : "{3}")}}, NULL, {2})
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), category, Key(ids[11]), Key(territory ?? Guid.Empty)], ct);
            }

            // Mahallas of one district: a name, the same name in other capitals, another, one in Cyrillic letters; and a
            // district of the same name as a mahalla (only mahallas have a key).
            var (district, ward) = (Guid.CreateVersion7(at), Guid.CreateVersion7(at.AddMilliseconds(1)));
            var wards = new (Guid Id, string Name)[] { (ward, "Navbahor"), (Guid.CreateVersion7(at.AddMilliseconds(2)), "NAVbahor"),
                (Guid.CreateVersion7(at.AddMilliseconds(3)), "Bogʻbon"), (Guid.CreateVersion7(at.AddMilliseconds(4)), "Ёшлик") };
            foreach (var (id, parentId, kind, name) in wards.Select(w => (w.Id, (Guid?)district, TerritoryKind.Mahalla, w.Name)).Prepend((district, null, TerritoryKind.District, "Navbahor")))
            {
                var insert = $$"""
                    insert into {{Table("territories", "territories")}} ("Id", "ParentId", "Kind", "Path", "NameUzLatn", "NameUzCyrl", "NameRu", "NameEn")
                    values ({0}, {{(parentId is null ? "NULL" : "{1}")}}, {2}, '/', {3}, {3}, {3}, {3})
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), Key(parentId ?? Guid.Empty), (int)kind, name], ct);
            }

            // Three candidates trained at once, and the active model.
            var models = Enumerable.Range(0, 4).Select(i => (Id: Guid.CreateVersion7(at.AddSeconds(i)), Status: i == 0 ? 2 : 1, Trained: at.UtcDateTime.AddSeconds(i))).ToList();
            foreach (var (id, status, trained) in models)
            {
                var insert = $$"""
                    insert into {{Table("triage", "triage_models")}} ("Id", "Name", "Status", "Content", "Examples", "CorrectionExamples", "HeldOutExamples", "Accuracy", "MacroF1",
                        "CalibrationError", "CurrentName", "CurrentAccuracy", "CurrentMacroF1", "CurrentCalibrationError", "CreatedByUserId", "CreatedAtUtc", "Version")
                    values ({0}, 'm', {1}, {2}, 1, 0, 1, 0.9, 0.9, 0.1, 'seed', 0.9, 0.9, 0.1, {0}, {3}, 1)
                    """;
                await db.Database.ExecuteSqlRawAsync(insert, [Key(id), status, new byte[] { 1 }, trained], ct);
            }

            await db.Database.MigrateAsync(ct);

            var decided = await db.Set<TriageModel>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => (m.Status, m.DecidedAtUtc, m.Version), ct);
            Assert.Equal((ModelStatus.Active, null, 1), decided[models[0].Id]);
            Assert.Equal((ModelStatus.Discarded, models[3].Trained, 2), decided[models[1].Id]);
            Assert.Equal((ModelStatus.Discarded, models[3].Trained, 2), decided[models[2].Id]);
            Assert.Equal((ModelStatus.Candidate, null, 1), decided[models[3].Id]);

            var keys = await db.Territories.AsNoTracking().Where(t => t.Id == district || t.ParentId == district).ToDictionaryAsync(t => t.Id, t => t.NameKey, ct);
            Assert.Null(keys[district]);
            Assert.Equal("NAVBAHOR", keys[ward]);
            Assert.Equal(("NAVBAHOR #" + wards[1].Id).ToUpperInvariant(), keys[wards[1].Id]?.ToUpperInvariant()); // the id as each database writes it
            Assert.All(wards.Skip(2), w => Assert.Equal(Territory.KeyOf(w.Name), keys[w.Id]));
            Assert.Equal("BOGʻBON", keys[wards[2].Id]);

            Assert.Equal([ids[0], ids[2]], await db.Holidays.AsNoTracking().OrderBy(h => h.Date).Select(h => h.Id).ToListAsync(ct));
            var policies = await db.DeadlinePolicies.AsNoTracking().ToDictionaryAsync(p => p.Scope, p => (p.Id, p.AnswerDays), ct);
            Assert.Equal(4, policies.Count);
            Assert.Equal((ids[3], 15), policies["*:*"]);
            Assert.Equal((ids[5], 12), policies["complaint:*"]);
            Assert.Equal((ids[6], 14), policies["*:roads"]);
            Assert.Equal((ids[7], 9), policies["complaint:roads"]);
            var kinds = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Kind, ct);
            Assert.Equal(
                [OrganizationKind.ServiceProvider, OrganizationKind.Mahalla, OrganizationKind.Mahalla, OrganizationKind.ServiceProvider],
                ids[8..12].Select(id => kinds[id]));
            Assert.Equal([ids[0], ids[2], ids[3]], (await db.RoutingRules.AsNoTracking().Select(r => r.Id).ToListAsync(ct)).Order());

            // What the indexes now refuse, as the rule the administration pages would have said.
            db.Holidays.Add(new Holiday(Guid.CreateVersion7(), new DateOnly(2030, 3, 22), new("B", "Б", "Б", "B"), isMoving: false));
            Assert.Equal("admin.rule.holiday_on_that_day", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();
            db.DeadlinePolicies.Add(new DeadlinePolicy(Guid.CreateVersion7(), "complaint", null, DeadlineTerms.Law));
            Assert.Equal("admin.rule.deadline_policy_exists", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();
            db.Organizations.Add(new Organization(Guid.CreateVersion7(), OrganizationKind.Mahalla, new("C", "C", "C", "C"), other, "/1726/"));
            Assert.Equal("admin.rule.mahalla_has_a_council", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();
            db.RoutingRules.Add(new RoutingRule(Guid.CreateVersion7(), "gas", null, null, ids[11]));
            Assert.Equal("admin.rule.routing_rule_exists", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();
            db.Add(new TriageModel(Guid.CreateVersion7(), "again", [1], 1, 0, 1, new(0.9, 0.9, 0.1), "seed", new(0.9, 0.9, 0.1), Guid.NewGuid(), at.UtcDateTime));
            Assert.Equal("triage.rule.decide_the_candidate_first", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();
            var parent = await db.Territories.SingleAsync(t => t.Id == district, ct);
            db.Territories.Add(new Territory(Guid.CreateVersion7(), parent, TerritoryKind.Mahalla, null, new("navbahor", "Навбаҳор", "Навбахор", "Navbahor")));
            Assert.Equal("admin.rule.mahalla_name_taken", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();

            // A second service organisation of a mahalla, and a second route of a category for another territory, are not duplicates.
            db.Organizations.Add(new Organization(Guid.CreateVersion7(), OrganizationKind.ServiceProvider, new("D", "D", "D", "D"), mahalla, "/1726/"));
            db.RoutingRules.Add(new RoutingRule(Guid.CreateVersion7(), "roads", other, "/1726/", ids[11]));
            // Nor is a mahalla of another district with a name of this one.
            var otherDistrict = new Territory(Guid.CreateVersion7(), await db.Territories.SingleAsync(t => t.Id == district, ct), TerritoryKind.District, null, LocalizedName.Same("Boshqa"));
            db.Territories.Add(otherDistrict);
            db.Territories.Add(new Territory(Guid.CreateVersion7(), otherDistrict, TerritoryKind.Mahalla, null, LocalizedName.Same("Navbahor")));
            await db.SaveChangesAsync(ct);
        });
    }

    /// <summary>
    /// M0021 writes every apostrophe of a mahalla's name key as ʻ: of the twins that apostrophes hid, the first entered keeps
    /// its key and the others get their ids; the index then refuses a new one typed with yet another apostrophe. Down
    /// gives the keys of M0020 back.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task M0021_makes_the_apostrophes_of_a_mahalla_name_one_and_keeps_the_first_of_the_twins_it_finds(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await OnNewDatabaseAsync(provider, async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124000020_UniqueAdministrativeKeys", ct);
            var at = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
            var district = Guid.CreateVersion7(at);
            // In the order entered: the same name with four apostrophes, a name with the tutuq typed as ', and another name.
            // The keys as M0020 and its build wrote them: ASCII letters in capitals, apostrophes as typed.
            var wards = await InsertMahallasAsync(db, provider, district, at, ["Bogʻbon", "Bog'bon", "BOG‘BON", "bog`bon", "Maʼrifat", "Ma'rifat ", "Gulbogʻ"],
                (_, name) => name.ToUpperInvariant(), ct);

            await migrator.MigrateAsync("20261124000021_MahallaNameApostrophes", ct);

            var keys = await db.Territories.AsNoTracking().Where(t => t.ParentId == district).ToDictionaryAsync(t => t.Id, t => t.NameKey!, ct);
            Assert.Equal("BOGʻBON", keys[wards[0].Id]);
            Assert.All(wards[1..4], w => Assert.Equal(("BOGʻBON #" + w.Id).ToUpperInvariant(), keys[w.Id].ToUpperInvariant())); // the id as each database writes it
            Assert.Equal("MAʻRIFAT", keys[wards[4].Id]);
            Assert.Equal("MAʻRIFAT ", keys[wards[5].Id]); // a trailing space made another key until M0022
            Assert.Equal("GULBOGʻ", keys[wards[6].Id]);

            var parent = await db.Territories.SingleAsync(t => t.Id == district, ct);
            db.Territories.Add(new Territory(Guid.CreateVersion7(), parent, TerritoryKind.Mahalla, null, LocalizedName.Same("Bog’bon")));
            Assert.Equal("admin.rule.mahalla_name_taken", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();

            await migrator.MigrateAsync("20261124000020_UniqueAdministrativeKeys", ct);
            var before = await db.Territories.AsNoTracking().Where(t => t.ParentId == district).ToDictionaryAsync(t => t.Id, t => t.NameKey!, ct);
            Assert.Equal("BOG'BON", before[wards[1].Id]);
            Assert.Equal("BOG‘BON", before[wards[2].Id]);
        });
    }

    /// <summary>
    /// M0022 reads every white space of a mahalla's name key as a space, a run of them as one and none at the ends: of the
    /// twins that spaces hid, the first entered keeps its key and the others get their ids, and the index then refuses a new
    /// one typed with yet other spaces. Down gives the keys of M0021 back.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task M0022_makes_the_spaces_of_a_mahalla_name_one_and_keeps_the_first_of_the_twins_it_finds(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await OnNewDatabaseAsync(provider, async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124000021_MahallaNameApostrophes", ct);
            var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
            var district = Guid.CreateVersion7(at);
            // In the order entered: one name with the spaces people paste, a name with a space at its end, and names of their own.
            // The keys as M0021 and its build wrote them: ASCII letters in capitals, apostrophes as ʻ, spaces as typed; all but the first apart by their ids.
            var wards = await InsertMahallasAsync(db, provider, district, at,
                [
                    "Bogʻbon mahallasi", "Bogʻbon  mahallasi", "Bog'bon\u00A0mahallasi", "bogʻbon \t\r\n mahallasi", "Bogʻbon\u2003\u202F" + new string(' ', 120) + "mahallasi",
                    "Maʻrifat", " Ma'rifat\u3000", "Gulbogʻ", "Gul bogʻ",
                ],
                (i, name) => string.Concat(name.Select(c => Territory.Apostrophes.Contains(c) ? 'ʻ' : c is >= 'a' and <= 'z' ? (char)(c - 32) : c)) + (i == 0 ? "" : " #" + i),
                ct);

            await db.Database.MigrateAsync(ct);

            var keys = await db.Territories.AsNoTracking().Where(t => t.ParentId == district).ToDictionaryAsync(t => t.Id, t => t.NameKey!, ct);
            Assert.Equal("BOGʻBON MAHALLASI", keys[wards[0].Id]);
            Assert.All(wards[1..5], w => Assert.Equal(("BOGʻBON MAHALLASI #" + w.Id).ToUpperInvariant(), keys[w.Id].ToUpperInvariant())); // the id as each database writes it
            Assert.Equal("MAʻRIFAT", keys[wards[5].Id]);
            Assert.Equal(("MAʻRIFAT #" + wards[6].Id).ToUpperInvariant(), keys[wards[6].Id].ToUpperInvariant());
            Assert.Equal("GULBOGʻ", keys[wards[7].Id]);
            Assert.Equal("GUL BOGʻ", keys[wards[8].Id]); // a space inside a word is still a space: another name
            Assert.All(wards, w => Assert.StartsWith(Territory.KeyOf(w.Name), keys[w.Id], StringComparison.Ordinal));

            var parent = await db.Territories.SingleAsync(t => t.Id == district, ct);
            db.Territories.Add(new Territory(Guid.CreateVersion7(), parent, TerritoryKind.Mahalla, null, LocalizedName.Same("Bog’bon\u2009 mahallasi ")));
            Assert.Equal("admin.rule.mahalla_name_taken", (await Assert.ThrowsAsync<BusinessRuleException>(() => db.SaveChangesAsync(ct))).Rule);
            db.ChangeTracker.Clear();

            await migrator.MigrateAsync("20261124000021_MahallaNameApostrophes", ct);
            var before = await db.Territories.AsNoTracking().Where(t => t.ParentId == district).ToDictionaryAsync(t => t.Id, t => t.NameKey!, ct);
            Assert.Equal("BOGʻBON  MAHALLASI", before[wards[1].Id]);
            Assert.Equal(" MAʻRIFAT\u3000", before[wards[6].Id]);
        });
    }

    [Fact]
    public void A_name_key_reads_as_a_space_every_character_dotnet_calls_white_space()
    {
        var white = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace);

        Assert.Equal(Territory.Spaces, string.Concat(white));
        Assert.Equal("OʻZBEKISTON OVOZI", Territory.KeyOf("\u00A0 Oʻzbekiston\t\u2028 ovozi\r\n"));
    }

    /// <summary>
    /// A district and its mahallas, inserted by SQL as an earlier build saved them, in the order given, one millisecond
    /// apart: each mahalla's name in every language, and its name key as <paramref name="keyOf"/> (its place, its name) says.
    /// </summary>
    private static async Task<(Guid Id, string Name)[]> InsertMahallasAsync(MahallaDb db, Provider provider, Guid district, DateTimeOffset at,
        string[] names, Func<int, string, string> keyOf, CancellationToken ct)
    {
        var wards = names.Select((name, i) => (Id: Guid.CreateVersion7(at.AddMilliseconds(i + 1)), Name: name)).ToArray();
        var rows = wards.Select((w, i) => (w.Id, (Guid?)district, TerritoryKind.Mahalla, w.Name, (string?)keyOf(i, w.Name)))
            .Prepend((district, null, TerritoryKind.District, "Tuman", null));
        foreach (var (id, parentId, kind, name, key) in rows)
        {
            var insert = $$"""
                insert into {{TableName(provider, "territories", "territories")}} ("Id", "ParentId", "Kind", "Path", "NameUzLatn", "NameUzCyrl", "NameRu", "NameEn", "NameKey")
                values ({0}, {{(parentId is null ? "NULL" : "{1}")}}, {2}, '/', {3}, {3}, {3}, {3}, {{(key is null ? "NULL" : "{4}")}})
                """;
            await db.Database.ExecuteSqlRawAsync(insert, [StoredId(provider, id), StoredId(provider, parentId ?? Guid.Empty), (int)kind, name, key ?? ""], ct);
        }

        return wards;
    }

    private sealed record GroupCount(Guid Id, int Size, int People);

    /// <summary>An id as EF Core stores it: a uuid on PostgreSQL, upper-case text on SQLite.</summary>
    private static object StoredId(Provider provider, Guid id) => provider == Provider.Postgres ? id : id.ToString().ToUpperInvariant();

    /// <summary>A module's table: in the module's schema on PostgreSQL; SQLite has no schemas.</summary>
    private static string TableName(Provider provider, string schema, string table) => provider == Provider.Postgres ? $"{schema}.{table}" : table;

    private static async Task InsertAssessmentAsync(MahallaDb db, Provider provider, Guid id, Guid group, Guid? applicant)
    {
        object Key(Guid g) => StoredId(provider, g);
        var table = TableName(provider, "triage", "triage_assessments");
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

    /// <summary>Runs a test on a new, empty database of the provider, dropped afterwards.</summary>
    private static async Task OnNewDatabaseAsync(Provider provider, Func<MahallaDb, Task> test)
    {
        var database = NewDatabase(provider);
        try
        {
            await using var db = Context(provider, database);
            await test(db);
        }
        finally
        {
            Drop(provider, database);
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
