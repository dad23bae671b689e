using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Platform;

/// <summary>A prefix search of territory paths, also given as a range where the column compares by bytes, finds exactly what the prefix finds.</summary>
public abstract class PathRangesTests(MahallaApp app)
{
    [Fact]
    public async Task The_range_finds_exactly_the_requests_under_the_territory_and_the_index_is_searched()
    {
        var citizen = await app.NewCitizenAsync();
        await citizen.FileAsync(mahalla: await app.MahallaIdAsync("bodomzor"));
        await citizen.FileAsync(mahalla: await app.MahallaIdAsync("bodomzor"));

        var paths = await app.WithDbAsync(db => db.Territories.AsNoTracking().Select(t => t.Path).ToListAsync());
        var appealPaths = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Select(a => a.TerritoryPath).ToListAsync());
        // Every territory, a prefix that ends inside a segment, and prefixes that match nothing (also LIKE's wildcards).
        var prefixes = paths.Concat([paths[0][..10], "/", "/%", "/_", "/zz", ""]).ToList();
        foreach (var prefix in prefixes)
        {
            var (plain, ranged, sql) = await app.WithDbAsync(async db =>
            {
                var query = db.Appeals.AsNoTracking().Where(a => a.TerritoryPath.StartsWith(prefix));
                return (await query.CountAsync(), await query.WithPathRanges(db).CountAsync(), query.WithPathRanges(db).ToQueryString());
            });
            Assert.Equal(appealPaths.Count(p => p.StartsWith(prefix, StringComparison.Ordinal)), plain);
            Assert.Equal(plain, ranged);
            // On both databases the range replaces the LIKE (on PostgreSQL the column compares by bytes, M0017), which
            // matched every row of the range against the pattern again.
            Assert.Contains(">=", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("LIKE", sql, StringComparison.Ordinal);
        }

        // A column that compares by a language's rules on PostgreSQL keeps its prefix search: a range would follow those rules.
        var territories = await app.WithDbAsync(async db =>
        {
            var query = db.Territories.AsNoTracking().Where(t => t.Path.StartsWith(paths[0])).WithPathRanges(db);
            return (await query.CountAsync(), query.ToQueryString());
        });
        Assert.Equal(paths.Count(p => p.StartsWith(paths[0], StringComparison.Ordinal)), territories.Item1);
        Assert.Equal(app.Provider == Provider.Postgres, territories.Item2.Contains("LIKE", StringComparison.Ordinal));

        if (app.Provider == Provider.Sqlite)
        {
            var plan = await app.WithDbAsync(db => SqlitePlans.ExplainAsync(db,
                db.Appeals.Where(a => a.TerritoryPath.StartsWith(paths[0])).WithPathRanges(db).Select(a => a.Id)));
            Assert.Contains("SEARCH", plan);
            Assert.Contains("TerritoryPath", plan);
        }
    }
}

public sealed class PathRangesOnSqlite(SqliteApp app) : PathRangesTests(app), IClassFixture<SqliteApp>;

public sealed class PathRangesOnPostgres(PostgresApp app) : PathRangesTests(app), IClassFixture<PostgresApp>;
