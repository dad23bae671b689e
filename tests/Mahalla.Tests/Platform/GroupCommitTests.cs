using System.Net;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Notifications.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Platform;

/// <summary>Group commit (ADR 0014): many units of work in one transaction, each kept or dropped on its own.</summary>
public abstract class GroupCommitTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    private GroupCommit Writer => App.Services.GetRequiredService<GroupCommit>();

    [Fact]
    public void Group_commit_is_on_by_default_on_both_databases() => Assert.True(Writer.Enabled);

    [Fact]
    public async Task A_failing_unit_is_rolled_back_alone_its_statements_too_and_every_unit_is_answered_after_the_commit()
    {
        var userId = await CitizenIdAsync();
        var year = Random.Shared.Next(3000, 9999);
        var duplicateId = Guid.CreateVersion7();
        var firstAnsweredEarly = true;
        var failingRuns = 0;

        // Each unit takes a number from a counter (a statement, not a tracked change) and adds a notification.
        Func<IServiceProvider, MahallaDb, Task<string>> Unit(Guid id, bool throwAfterwards = false) => async (_, db) =>
        {
            var number = await TrackingNumbers.NextAsync(db, "GCT", year, CancellationToken.None);
            db.Notifications.Add(new Notification(id, userId, null, "filed", "en", "s", number, null, DateTime.UtcNow));
            if (throwAfterwards)
            {
                failingRuns++;
                throw new InvalidOperationException("the unit's own failure");
            }

            return number;
        };

        var first = new GroupCommit.Unit<string>(Unit(duplicateId), CancellationToken.None);
        // Two units saved before the failures: a rollback goes back to the failing unit's savepoint, not to an earlier one of the same name.
        var second = new GroupCommit.Unit<string>(Unit(Guid.CreateVersion7()), CancellationToken.None);
        var failing = new GroupCommit.Unit<string>(Unit(Guid.CreateVersion7(), throwAfterwards: true), CancellationToken.None);
        var clashing = new GroupCommit.Unit<string>(Unit(duplicateId), CancellationToken.None); // same key as the first: fails in SaveChanges
        var last = new GroupCommit.Unit<string>(async (services, db) =>
        {
            firstAnsweredEarly = first.Task.IsCompleted;
            return await Unit(Guid.CreateVersion7())(services, db);
        }, CancellationToken.None);

        await Writer.SaveBatchAsync([first, second, failing, clashing, last]);

        Assert.False(firstAnsweredEarly);
        Assert.Equal(TrackingNumbers.Format("GCT", year, 1), await first.Task);
        Assert.Equal(TrackingNumbers.Format("GCT", year, 2), await second.Task);
        Assert.Equal("the unit's own failure", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Task)).Message);
        Assert.Equal(1, failingRuns); // the batch is saved again without it, not with it
        await Assert.ThrowsAsync<DbUpdateException>(() => clashing.Task);
        // The failed units' numbers were rolled back with them: the last unit gets the next one.
        Assert.Equal(TrackingNumbers.Format("GCT", year, 3), await last.Task);
        var kept = await App.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Body.StartsWith($"GCT-{year}")).Select(n => n.Body).OrderBy(b => b).ToListAsync());
        Assert.Equal([.. Enumerable.Range(1, 3).Select(n => TrackingNumbers.Format("GCT", year, n))], kept);
    }

    [Fact]
    public async Task A_batch_takes_its_numbers_in_one_block_and_leaves_no_gap_after_it()
    {
        var userId = await CitizenIdAsync();
        var year = Random.Shared.Next(3000, 9999);
        var unitsWithoutPass = 0;

        // Units that take a number, and some that do not (the block is one number for each unit left, so some go unused).
        Func<IServiceProvider, MahallaDb, Task<string?>> Unit(bool takesNumber) => async (_, db) =>
        {
            string? number = null;
            if (takesNumber)
            {
                unitsWithoutPass += db.Pass is null ? 1 : 0;
                number = await TrackingNumbers.NextAsync(db, "GCB", year, CancellationToken.None);
            }

            db.Notifications.Add(new Notification(Guid.CreateVersion7(), userId, null, "filed", "en", "s", number ?? "none", null, DateTime.UtcNow));
            return number;
        };

        var units = new[] { false, true, true, false, true, false, false }
            .Select(takes => new GroupCommit.Unit<string?>(Unit(takes), CancellationToken.None)).ToList();
        await Writer.SaveBatchAsync(units);

        Assert.Equal(0, unitsWithoutPass); // every unit ran in the first pass, with its block
        string?[] expected = [null, TrackingNumbers.Format("GCB", year, 1), TrackingNumbers.Format("GCB", year, 2), null,
            TrackingNumbers.Format("GCB", year, 3), null, null];
        Assert.Equal(expected, await Task.WhenAll(units.Select(u => u.Task)));
        // The block had six numbers (the units left when the second unit asked); three were used, and the counter was set back.
        Assert.Equal(TrackingNumbers.Format("GCB", year, 4),
            await App.InTransactionAsync(db => TrackingNumbers.NextAsync(db, "GCB", year, CancellationToken.None)));
        Assert.Null(await App.WithDbAsync(db => Task.FromResult(db.Pass))); // the pooled DbContext does not keep the pass

        // A second batch goes on from there.
        var next = new[] { true, true }.Select(takes => new GroupCommit.Unit<string?>(Unit(takes), CancellationToken.None)).ToList();
        await Writer.SaveBatchAsync(next);
        string?[] following = [TrackingNumbers.Format("GCB", year, 5), TrackingNumbers.Format("GCB", year, 6)];
        Assert.Equal(following, await Task.WhenAll(next.Select(u => u.Task)));
    }

    [Fact]
    public async Task A_tracking_number_is_taken_only_inside_a_transaction()
    {
        var year = Random.Shared.Next(3000, 9999);

        // Outside one the number could not roll back with a failed filing: refused, and the counter does not move.
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(db => TrackingNumbers.NextAsync(db, "GCT", year, CancellationToken.None)));
        var number = await App.InTransactionAsync(db => TrackingNumbers.NextAsync(db, "GCT", year, CancellationToken.None));

        Assert.Equal(TrackingNumbers.Format("GCT", year, 1), number);
    }

    [Fact]
    public async Task A_unit_whose_caller_gave_up_before_its_turn_is_not_run()
    {
        var userId = await CitizenIdAsync();
        var id = Guid.CreateVersion7();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var answer = Writer.SaveAsync((_, db) =>
        {
            db.Notifications.Add(new Notification(id, userId, null, "filed", "en", "s", "b", null, DateTime.UtcNow));
            return Task.FromResult(true);
        }, cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
        Assert.False(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Id == id)));
    }

    [Fact]
    public async Task Concurrent_filings_each_get_their_own_number_event_and_log_entry()
    {
        var citizens = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => App.NewCitizenAsync()));
        var before = Writer.UnitsCommitted;

        var filed = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => citizens[i % 4].FileAsync(text: $"Ko'cha chirog'i {i}-uy oldida yonmayapti.")));

        var ids = filed.Select(f => Guid.Parse(f.Str("id"))).ToList();
        Assert.Equal(24, filed.Select(f => f.Str("trackingNumber")).Distinct().Count());
        Assert.True(Writer.UnitsCommitted - before >= 24);
        var (events, entries) = await App.WithDbAsync(async db => (
            await db.AppealEvents.CountAsync(e => ids.Contains(e.AppealId)),
            await db.Set<Mahalla.Web.Modules.Transparency.Data.LogEntry>().CountAsync(e => ids.Contains(e.SubjectId))));
        Assert.Equal(24, events);
        Assert.Equal(24, entries);
    }

    [Fact]
    public async Task Two_retries_of_one_filing_at_the_same_moment_create_one_appeal()
    {
        var citizen = await App.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => citizen.PostFileAsync(idempotencyKey: key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.ObjectAsync()).Str("id")));
        Assert.Single(ids.Distinct());
        Assert.Single(await (await citizen.GetAsync("/api/appeals/mine")).ArrayAsync());
    }

    private Task<Guid> CitizenIdAsync() =>
        App.WithDbAsync(db => db.Users.Where(u => u.UserName == "demo-citizen").Select(u => u.Id).SingleAsync());
}

public sealed class GroupCommitOnSqlite(SqliteApp app) : GroupCommitTests(app), IClassFixture<SqliteApp>;

public sealed class GroupCommitOnPostgres(PostgresApp app) : GroupCommitTests(app), IClassFixture<PostgresApp>;

/// <summary>With <c>Database:GroupCommit=false</c> every filing commits its own transaction, with the same results.</summary>
public abstract class FilingAloneTests : IDisposable
{
    private readonly MahallaApp _app;

    protected FilingAloneTests(MahallaApp app)
    {
        _app = app;
        _app.Settings["Database:GroupCommit"] = "false";
    }

    [Fact]
    public async Task Filing_and_its_idempotent_retry_work_without_group_commit()
    {
        Assert.False(_app.Services.GetRequiredService<GroupCommit>().Enabled);
        var citizen = await _app.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => citizen.PostFileAsync(idempotencyKey: key)));
        var other = await citizen.FileAsync(text: "Boshqa muammo: ariq tozalanmagan.");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single((await Task.WhenAll(answers.Select(async a => (await a.ObjectAsync()).Str("id")))).Distinct());
        Assert.Equal(2, (await (await citizen.GetAsync("/api/appeals/mine")).ArrayAsync()).Count);
        Assert.Equal(0, _app.Services.GetRequiredService<GroupCommit>().UnitsCommitted);
        Assert.NotNull(other.Str("trackingNumber"));
    }

    public void Dispose() => _app.Dispose();
}

public sealed class FilingAloneOnSqlite() : FilingAloneTests(new SqliteApp());

public sealed class FilingAloneOnPostgres() : FilingAloneTests(new PostgresApp());
