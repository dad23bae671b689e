using System.Text.Json;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.ViewAppeal;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Platform;

/// <summary>A list page's reads by id as prepared statements (ADR 0012, session 15), against what EF Core reads, on both databases.</summary>
public abstract class ReadsByIdsTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task A_pages_rows_by_id_are_the_rows_ef_core_reads_and_unknown_ids_read_nothing()
    {
        var citizen = await App.NewCitizenAsync();
        var staff = await App.SignedInAsync("demo-mahalla");
        var assigned = await citizen.FileAsync("other", text: "Ko'cha chirog'i yonmayapti, kechasi juda qorong'i. " + new string('x', 300));
        await staff.ActOkAsync(assigned, "assignment", new { });
        var filed = new List<Guid> { Guid.Parse(assigned.Str("id")) };
        foreach (var text in new[] { "Suv yo'q.", "Водопровод сломан, нет воды третий день." })
        {
            filed.Add(Guid.Parse((await citizen.FileAsync("water-supply", text: text)).Str("id")));
        }

        var ids = filed.Append(Guid.CreateVersion7()).ToList();
        using var scope = App.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<AppealQueries>();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();

        var plain = (await queries.SummaryRowsAsync(ids, CancellationToken.None)).OrderBy(r => r.Id).ToList();
        var ef = await AppealQueries.SummaryRows(db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id)).ToListAsync();

        Assert.Equal(3, plain.Count);
        Assert.Equal(ef, plain); // every column, the instants to the tick
        Assert.All(plain, r => Assert.Equal(DateTimeKind.Utc, r.FiledAtUtc.Kind));
        Assert.NotNull(plain.Single(r => r.Id == filed[0]).AssigneeUserId);
        Assert.Equal(141, plain.Single(r => r.Id == filed[0]).TextStart.Length);
        Assert.Empty(await queries.SummaryRowsAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task Triage_notes_by_id_carry_the_assessment_and_the_group_counted_on_its_master()
    {
        var mahalla = await App.MahallaIdAsync("qatortol");
        var text = "Ko'chamizda uch kundan beri suv yo'q, bosim juda past. Bolalar bilan qiynalyapmiz, iltimos yordam bering.";
        var first = Guid.Parse((await (await App.NewCitizenAsync()).FileAsync("water-supply", mahalla, text)).Str("id"));
        var second = Guid.Parse((await (await App.NewCitizenAsync()).FileAsync("water-supply", mahalla, text)).Str("id"));
        using var scope = App.Services.CreateScope();
        var notes = await scope.ServiceProvider.GetRequiredService<IAppealTriageNotes>().ForAsync([first, second, Guid.CreateVersion7()], CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var stored = await db.Set<TriageAssessment>().AsNoTracking().Where(x => x.AppealId == first || x.AppealId == second).ToDictionaryAsync(x => x.AppealId);
        var master = stored[first].GroupId == first ? stored[first] : await db.Set<TriageAssessment>().AsNoTracking().SingleAsync(x => x.AppealId == stored[first].GroupId);

        Assert.Equal(2, notes.Count);
        foreach (var (id, note) in notes)
        {
            var x = stored[id];
            Assert.Equal(x.Summary, note.Summary);
            Assert.Equal(x.PredictedCategoryCode, note.SuggestedCategoryCode);
            Assert.Equal(x.Probability, note.Probability);
            Assert.Equal(x.GroupId, note.GroupMasterId);
            Assert.Equal(x.UrgencyLevel.ToString(), note.UrgencyLevel, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(JsonSerializer.Deserialize<JsonElement[]>(x.Flags)!.Length, note.Flags.Count);
        }

        // The second joined the first's group (the same text, place and category): both notes show the master's counts.
        Assert.Equal(stored[first].GroupId, stored[second].GroupId);
        Assert.Equal(master.GroupSize, notes[second].GroupSize);
        Assert.True(notes[second].GroupSize >= 2);
        Assert.Contains(notes[first].Flags, f => f.Kind == "children");
    }
}

public sealed class ReadsByIdsOnSqlite(SqliteApp app) : ReadsByIdsTests(app), IClassFixture<SqliteApp>;

public sealed class ReadsByIdsOnPostgres(PostgresApp app) : ReadsByIdsTests(app), IClassFixture<PostgresApp>;

/// <summary>The values a read by id binds and reads on SQLite.</summary>
public sealed class SqliteReadValuesTests
{
    [Fact]
    public void Sqlite_ids_are_a_json_array_of_upper_case_guids()
    {
        var ids = new[] { Guid.CreateVersion7(), Guid.NewGuid(), Guid.Empty };
        var json = ReadsByIds.SqliteIds(ids);

        Assert.Equal(ids.Select(i => i.ToString().ToUpperInvariant()), JsonSerializer.Deserialize<string[]>(json)!);
        Assert.Equal("[]", ReadsByIds.SqliteIds([]));
    }

    [Fact]
    public void Sqlite_instants_parse_as_ef_core_writes_them_and_anything_else_is_left_to_the_general_parser()
    {
        var random = new Random(15);
        for (var i = 0; i < 2_000; i++)
        {
            var utc = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            if (i % 3 == 0)
            {
                utc = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc); // no fraction: no dot
            }

            var text = utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DbValues.TryParseSqliteInstant(text, out var parsed), text);
            Assert.Equal(utc, parsed);
            Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        }

        Assert.True(DbValues.TryParseSqliteInstant("2026-11-23T09:02:13.5", out var t));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 2, 13, 500, DateTimeKind.Utc), t);
        foreach (var other in new[]
        {
            "", "2026-11-23", "2026-11-23 09:02", "2026-13-01 00:00:00", "2026-02-29 00:00:00", "2026-01-01 24:00:00", "2026-01-01 00:60:00",
            "2026-01-01 00:00:00.", "2026-01-01 00:00:00.12345678", "2026-01-01 00:00:00Z", "2026-01-01 00:00:00+05:00", "2026/01/01 00:00:00",
            "2O26-01-01 00:00:00", "0000-01-01 00:00:00", "2026-01-01 00:00:00.1x",
        })
        {
            Assert.False(DbValues.TryParseSqliteInstant(other, out _), other);
        }
    }
}

