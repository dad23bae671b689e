using System.Net;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Appeals.AppealInbox;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Appeals;

/// <summary>
/// An inbox page is the first requests of the caller's scope in the inbox's order, for every kind of
/// staff scope; on SQLite a large scope's page is found through an index in that order, never by sorting the whole
/// scope, and a small scope's open work through its path (ADR 0066).
/// </summary>
public abstract class InboxOrderTests(MahallaApp app)
{
    [Fact]
    public async Task Each_staff_scope_gets_its_first_page_in_order_and_sqlite_sorts_only_a_small_scope()
    {
        var citizen = await app.NewCitizenAsync();
        var bodomzor = await app.MahallaIdAsync("bodomzor");
        for (var i = 0; i < 6; i++)
        {
            await citizen.FileAsync(category: "water-supply", mahalla: bodomzor);
        }

        // Different escalation levels and deadlines, so that the order has something to decide. The first two are closed
        // and answered, with the highest level and the earliest deadlines: first of all, but not open work.
        var filed = await app.WithDbAsync(db => db.Appeals.Where(a => a.CategoryCode == "water-supply").OrderBy(a => a.FiledAtUtc).Select(a => a.Id).ToListAsync());
        var start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < filed.Count; i++)
        {
            var (id, level, due) = (filed[i], i < 2 ? 3 : i % 3, i < 2 ? start.AddDays(-30 - i) : start.AddHours(-i * 7 % 48));
            var status = i switch { 0 => AppealStatus.Resolved, 1 => AppealStatus.Answered, _ => AppealStatus.Submitted };
            await app.WithDbAsync(db => db.Appeals.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.EscalationLevel, level).SetProperty(a => a.AnswerDueUtc, due).SetProperty(a => a.Status, status)));
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
        var open = Enum.GetValues<AppealStatus>().Where(s => s.IsOpen()).ToArray();

        foreach (var (name, caller) in callers)
        {
            // Everything in scope; the open work of a large scope, walked in order; the open work of a small one, by path (ADR 0066).
            foreach (var (openOnly, small) in new[] { (true, false), (true, true), (false, false) })
            {
                IQueryable<Appeal> InScope(MahallaDb db)
                {
                    var scope = db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller));
                    return openOnly ? Inbox.OpenWorkToPage(scope, small, db) : scope;
                }

                // The open work is counted by parts of the scope that do not overlap, each in the form its index needs.
                IEnumerable<IQueryable<Appeal>> ToCount(MahallaDb db) => openOnly
                    ? Scope.CountedParts(caller).Select(p => p.ByOrganization
                        ? Inbox.OpenWork(db.Appeals.AsNoTracking().Where(p.Part))
                        : Inbox.OpenWorkInOrder(db.Appeals.AsNoTracking().Where(p.Part)))
                    : [db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller))];

                var what = $"{name}, {(openOnly ? small ? "open work of a small scope" : "open work" : "everything")}";
                var all = await app.WithDbAsync(db => db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller))
                    .Select(a => new { a.Id, a.EscalationLevel, a.AnswerDueUtc, a.Status }).ToListAsync());
                var listed = openOnly ? all.Where(a => open.Contains(a.Status)).ToList() : all;
                Assert.True(listed.Count >= 4, $"{what}: {listed.Count} requests in scope");
                var page = await app.WithDbAsync(db => Inbox.PageIds(InScope(db), 1).ToListAsync());
                // The same keys in the same order as sorting the whole scope (ties between equal keys may fall either way by id).
                var expected = listed.OrderByDescending(a => a.EscalationLevel).ThenBy(a => a.AnswerDueUtc).Take(Inbox.PageSize)
                    .Select(a => (a.EscalationLevel, a.AnswerDueUtc)).ToList();
                var byId = all.ToDictionary(a => a.Id);
                Assert.Equal(expected, page.Select(id => (byId[id].EscalationLevel, byId[id].AnswerDueUtc)).ToList());
                Assert.Equal(page.Count, page.Distinct().Count());
                Assert.Equal(!openOnly, page.Contains(filed[0]));
                Assert.Equal(!openOnly, page.Contains(filed[1]));
                Assert.Equal(listed.Count, await app.WithDbAsync(db => InScope(db).CountAsync()));
                Assert.Equal(listed.Count, await app.WithDbAsync(async db =>
                {
                    var total = 0;
                    foreach (var part in ToCount(db))
                    {
                        total += await part.WithPathRanges(db).CountAsync();
                    }

                    return total;
                }));

                if (app.Provider == Provider.Sqlite)
                {
                    var plan = await app.WithDbAsync(db => SqlitePlans.ExplainAsync(db, Inbox.PageIds(InScope(db), 1)));
                    if (small && name != "operator")
                    {
                        // A small scope's open work is searched by its path range (and a mahalla's by its council too), then sorted.
                        Assert.Contains("INDEX IX_appeals_OpenByTerritory (TerritoryPath>? AND TerritoryPath<?)", plan);
                        Assert.Equal(name == "mahalla", plan.Contains("INDEX IX_appeals_OrganizationOpenInbox (ResponsibleOrganizationId=?)", StringComparison.Ordinal));
                        Assert.DoesNotContain("IX_appeals_OpenInbox", plan);
                    }
                    else
                    {
                        Assert.DoesNotContain("TEMP B-TREE", plan);
                        var index = (name == "operator", openOnly) switch
                        {
                            (true, true) => "IX_appeals_OrganizationOpenInbox",
                            (true, false) => "IX_appeals_OrganizationInbox",
                            (false, true) => "IX_appeals_OpenInbox",
                            (false, false) => "IX_appeals_Inbox",
                        };
                        Assert.Contains($"INDEX {index} ", plan + " ");
                    }

                    if (openOnly && !small)
                    {
                        // An organisation's count seeks its three open statuses; a territory's reads its range of the open work's
                        // path index, and nothing else. Neither reads a closed request or a table row.
                        var counts = await app.WithDbAsync(async db =>
                        {
                            var plans = new List<string>();
                            foreach (var part in ToCount(db))
                            {
                                // As the page counts: up to its limit (ADR 0065), from the same covering index.
                                plans.Add(await SqlitePlans.ExplainAsync(db, Inbox.UpTo(part.WithPathRanges(db), 1001).Select(a => 1)));
                            }

                            return plans;
                        });
                        Assert.Equal(name == "mahalla" ? 2 : 1, counts.Count);
                        foreach (var count in counts)
                        {
                            Assert.True(count.Contains("COVERING INDEX IX_appeals_ResponsibleOrganizationId_Status (ResponsibleOrganizationId=? AND Status=?)")
                                || count.Contains("COVERING INDEX IX_appeals_OpenByTerritory (TerritoryPath>? AND TerritoryPath<?)"), $"{what}: {count}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task The_inbox_holds_the_open_work_unless_asked_for_everything_or_one_status()
    {
        var citizen = await app.NewCitizenAsync();
        var staff = await app.SignedInAsync("demo-mahalla");
        var waiting = await citizen.FileAsync("other");
        var answered = await citizen.FileAsync("other");
        var resolved = await citizen.FileAsync("other");
        var reopened = await citizen.FileAsync("other");
        foreach (var appeal in new[] { answered, resolved, reopened })
        {
            await staff.ActOkAsync(appeal, "answer", new { text = "Chiroq oʻrnatildi." });
        }

        await citizen.ActOkAsync(resolved, "confirmation", new { });
        await citizen.ActOkAsync(reopened, "dispute", new { reason = "Chiroq hali ham yonmayapti." });

        async Task<(List<string> Ids, int Total)> InboxAsync(HttpClient client, string query)
        {
            var response = await client.GetAsync($"/api/inbox?category=other{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ObjectAsync();
            return (body["items"]!.AsArray().Select(i => i!.Str("id")).ToList(), body["total"]!.GetValue<int>());
        }

        var district = await app.SignedInAsync("demo-district"); // the dispute escalated the reopened one to the district
        foreach (var client in new[] { staff, district })
        {
            var byDefault = await InboxAsync(client, "");
            Assert.Contains(reopened.Str("id"), byDefault.Ids);
            Assert.DoesNotContain(answered.Str("id"), byDefault.Ids);
            Assert.DoesNotContain(resolved.Str("id"), byDefault.Ids);
            Assert.Equal(byDefault.Ids.Count, byDefault.Total);
            var open = await InboxAsync(client, "&status=open");
            Assert.Equal(byDefault.Ids, open.Ids);
            Assert.Equal(byDefault.Total, open.Total);

            var everything = await InboxAsync(client, "&status=all");
            Assert.Superset(new HashSet<string> { waiting.Str("id"), answered.Str("id"), resolved.Str("id"), reopened.Str("id") }, everything.Ids.ToHashSet());
            Assert.Equal(byDefault.Total + 2, everything.Total);
            Assert.Equal([resolved.Str("id")], (await InboxAsync(client, "&status=resolved")).Ids);
        }

        Assert.Contains(waiting.Str("id"), (await InboxAsync(staff, "")).Ids);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/inbox?status=everything")).StatusCode);

        // The page: the default filter is the open work, and "any status" shows the closed work too.
        var page = await PageChecks.PageAsync(staff, "/inbox?category=other");
        var options = page.QuerySelectorAll("#f-status option").ToList();
        Assert.Equal(["", "all"], options.Take(2).Select(o => o.GetAttribute("value")));
        Assert.True(options[0].HasAttribute("selected") || options.All(o => !o.HasAttribute("selected")));
        Assert.Contains(waiting.Str("trackingNumber"), page.Body!.TextContent);
        Assert.DoesNotContain(resolved.Str("trackingNumber"), page.Body!.TextContent);
        var all = await PageChecks.PageAsync(staff, "/inbox?category=other&status=all");
        Assert.True(all.QuerySelector("#f-status option[value='all']")!.HasAttribute("selected"));
        Assert.Contains(resolved.Str("trackingNumber"), all.Body!.TextContent);
        PageChecks.AssertAccessible("/inbox?status=all", all);
    }
}

public sealed class InboxOrderOnSqlite(SqliteApp app) : InboxOrderTests(app), IClassFixture<SqliteApp>;

public sealed class InboxOrderOnPostgres(PostgresApp app) : InboxOrderTests(app), IClassFixture<PostgresApp>;
