using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Platform;

/// <summary>The SaveChanges interceptors read the change tracker after one detection, and leave detection on behind them.</summary>
public sealed class DetectedChangesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Changes_are_detected_once_then_again_once_the_reading_is_done()
    {
        await app.WithDbAsync(async db =>
        {
            var (first, second) = (await db.Territories.OrderBy(t => t.Path).FirstAsync(), await db.Territories.OrderByDescending(t => t.Path).FirstAsync());
            var before = first.Name;
            first.Rename(before with { UzLatn = before.UzLatn + " (1)" });

            using (db.ChangeTracker.DetectOnce())
            {
                Assert.Equal(EntityState.Modified, db.Entry(first).State);
                Assert.False(db.ChangeTracker.AutoDetectChangesEnabled);
                // Inside, a change made after the detection is not looked for again.
                second.Rename(second.Name with { UzLatn = second.Name.UzLatn + " (2)" });
                Assert.DoesNotContain(db.ChangeTracker.Entries(), e => ReferenceEquals(e.Entity, second) && e.State == EntityState.Modified);
            }

            // Behind it, detection is on again, so SaveChanges and the next interceptor see that change too.
            Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
            Assert.Contains(db.ChangeTracker.Entries(), e => ReferenceEquals(e.Entity, second) && e.State == EntityState.Modified);
            return 0;
        });
    }
}
