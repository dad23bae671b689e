using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Appeals.AppealInbox;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Appeals;

/// <summary>
/// An inbox page is the first requests of the caller's scope in the inbox's order, for every kind of
/// staff scope; on SQLite it is found through an index in that order, never by sorting the whole scope.
/// </summary>
public abstract class InboxOrderTests(MahallaApp app)
{
    [Fact]
    public async Task Each_staff_scope_gets_its_first_page_in_order_and_sqlite_never_sorts_the_scope()
    {
        var citizen = await app.NewCitizenAsync();
        var bodomzor = await app.MahallaIdAsync("bodomzor");
        for (var i = 0; i < 4; i++)
        {
            await citizen.FileAsync(category: "water-supply", mahalla: bodomzor);
        }

        // Different escalation levels and deadlines, so that the order has something to decide.
        var filed = await app.WithDbAsync(db => db.Appeals.OrderBy(a => a.FiledAtUtc).Select(a => a.Id).ToListAsync());
        var start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < filed.Count; i++)
        {
            var (id, level, due) = (filed[i], i % 3, start.AddHours(-i * 7 % 48));
            await app.WithDbAsync(db => db.Appeals.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EscalationLevel, level).SetProperty(a => a.AnswerDueUtc, due)));
        }

        var sample = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Where(a => a.CategoryCode == "water-supply")
            .Select(a => new { a.ResponsibleOrganizationId, a.TerritoryPath }).FirstAsync());
        var region = sample.TerritoryPath[..(sample.TerritoryPath.IndexOf('/', 1) + 1)];
        var callers = new Dictionary<string, Caller>
        {
            ["operator"] = new(Guid.NewGuid(), new HashSet<string> { Roles.OrganizationOperator }, sample.ResponsibleOrganizationId, null),
            ["region"] = new(Guid.NewGuid(), new HashSet<string> { Roles.RegionSupervisor }, null, region),
            ["mahalla"] = new(Guid.NewGuid(), new HashSet<string> { Roles.MahallaStaff }, Guid.NewGuid(), sample.TerritoryPath),
        };

        foreach (var (name, caller) in callers)
        {
            var all = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller))
                .Select(a => new { a.Id, a.EscalationLevel, a.AnswerDueUtc }).ToListAsync());
            Assert.True(all.Count >= 4, $"{name}: {all.Count} requests in scope");
            var page = await app.WithDbAsync(db => Inbox.PageIds(db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller)), 1).ToListAsync());
            // The same keys in the same order as sorting the whole scope (ties between equal keys may fall either way by id).
            var expected = all.OrderByDescending(a => a.EscalationLevel).ThenBy(a => a.AnswerDueUtc).Take(Inbox.PageSize)
                .Select(a => (a.EscalationLevel, a.AnswerDueUtc)).ToList();
            var byId = all.ToDictionary(a => a.Id);
            Assert.Equal(expected, page.Select(id => (byId[id].EscalationLevel, byId[id].AnswerDueUtc)).ToList());
            Assert.Equal(page.Count, page.Distinct().Count());

            if (app.Provider == Provider.Sqlite)
            {
                var plan = await app.WithDbAsync(db => SqlitePlans.ExplainAsync(db,
                    Inbox.PageIds(db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller)), 1)));
                Assert.DoesNotContain("TEMP B-TREE", plan);
                Assert.Contains(name == "operator" ? "IX_appeals_OrganizationInbox" : "IX_appeals_Inbox", plan);
            }
        }
    }
}

public sealed class InboxOrderOnSqlite(SqliteApp app) : InboxOrderTests(app), IClassFixture<SqliteApp>;

public sealed class InboxOrderOnPostgres(PostgresApp app) : InboxOrderTests(app), IClassFixture<PostgresApp>;
