using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Platform;

/// <summary>
/// DbContexts come from a pool (ADR 0041 addendum). One given back in the middle of a unit of work, with a transaction
/// open and changes unsaved, must come out of the pool clean, and must not keep SQLite's write gate (which would make
/// every other writer wait out <see cref="SqliteWriteGate.MaxWait"/>).
/// </summary>
public sealed class PooledDbContextTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_context_given_back_mid_transaction_comes_out_clean_and_keeps_no_write_turn()
    {
        MahallaDb abandoned;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            abandoned = scope.ServiceProvider.GetRequiredService<MahallaDb>();
            abandoned.Database.AutoSavepointsEnabled = false;
            await abandoned.Database.BeginTransactionAsync(); // on SQLite this takes the write gate
            var territory = await abandoned.Territories.OrderBy(t => t.Path).FirstAsync();
            territory.Rename(territory.Name with { UzLatn = territory.Name.UzLatn + " (never saved)" });
            abandoned.Add(new Holiday(Guid.CreateVersion7(), new DateOnly(2031, 1, 2), territory.Name, isMoving: true));
            // The scope ends here: no commit, no rollback, no SaveChanges.
        }

        // Another unit of work writes at once: the abandoned one did not keep the write gate.
        var write = app.WithDbAsync(async db =>
        {
            db.Add(new Holiday(Guid.CreateVersion7(), new DateOnly(2031, 1, 3), (await db.Territories.FirstAsync()).Name, isMoving: true));
            return await db.SaveChangesAsync();
        });
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(1, await write);

        // Find the abandoned context again in the pool (other scopes may be holding some of the pool's contexts).
        var scopes = new List<AsyncServiceScope>();
        try
        {
            MahallaDb? reused = null;
            for (var i = 0; i < 64 && reused is null; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                scopes.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
                reused = ReferenceEquals(db, abandoned) ? db : null;
            }

            Assert.NotNull(reused);
            Assert.Empty(reused.ChangeTracker.Entries());
            Assert.Null(reused.Database.CurrentTransaction);
            Assert.True(reused.Database.AutoSavepointsEnabled);
            Assert.True(reused.ChangeTracker.AutoDetectChangesEnabled);
            Assert.DoesNotContain(await reused.Territories.AsNoTracking().Select(t => t.Name.UzLatn).ToListAsync(), n => n.EndsWith("(never saved)"));
            Assert.False(await reused.Set<Holiday>().AnyAsync(h => h.Date == new DateOnly(2031, 1, 2)));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
