using System.Net;
using Mahalla.Tests.Infrastructure;

namespace Mahalla.Tests.Appeals;

/// <summary>
/// An inbox page counts the requests that match up to the node's limit (<c>Inbox:CountLimit</c>, ADR 0065), here 3:
/// below it the count is exact, beyond it the page says "more than 3" and still lists and pages everything.
/// </summary>
public abstract class InboxCountLimitTests(MahallaApp app)
{
    private const int Limit = 3;

    [Fact]
    public async Task The_count_stops_at_the_limit_and_says_so_while_the_list_stays_whole()
    {
        var citizen = await app.NewCitizenAsync();
        var mahalla = await app.SignedInAsync("demo-mahalla");
        var district = await app.SignedInAsync("demo-district");
        var answered = await citizen.FileAsync("other");
        await mahalla.ActOkAsync(answered, "answer", new { text = "Chiroq oʻrnatildi." });
        await citizen.FileAsync("other");

        async Task<(int Items, int Total, bool Exact, bool Next)> InboxAsync(HttpClient client, string query)
        {
            var response = await client.GetAsync($"/api/inbox?category=other{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ObjectAsync();
            return (body["items"]!.AsArray().Count, body["total"]!.GetValue<int>(), body["totalIsExact"]!.GetValue<bool>(),
                body["hasNextPage"]!.GetValue<bool>());
        }

        foreach (var (name, client) in new[] { ("demo-mahalla", mahalla), ("demo-district", district) })
        {
            foreach (var status in new[] { "", "&status=all" })
            {
                // Fewer than a page: the list holds everything in scope, and the count is all of it.
                var inbox = await InboxAsync(client, status);
                Assert.True(inbox.Items is >= 1 and <= Limit, $"{name}{status}: {inbox}");
                Assert.Equal((inbox.Items, true, false), (inbox.Total, inbox.Exact, inbox.Next));
            }
        }

        for (var i = 0; i < Limit; i++)
        {
            await citizen.FileAsync("other");
        }

        foreach (var (name, client) in new[] { ("demo-mahalla", mahalla), ("demo-district", district) })
        {
            foreach (var status in new[] { "", "&status=all" })
            {
                // Every request is still listed; the count stops at the limit and says it is not exact.
                var inbox = await InboxAsync(client, status);
                Assert.True(inbox.Items > Limit, $"{name}{status}: {inbox}");
                Assert.Equal((Limit, false, false), (inbox.Total, inbox.Exact, inbox.Next));
            }
        }

        // The page says "more than 3" in the user's language, and lists them all.
        var page = await PageChecks.PageAsync(mahalla, "/inbox?category=other");
        Assert.Contains("3 tadan ortiq murojaat", page.Body!.TextContent);
        Assert.Equal((await InboxAsync(mahalla, "")).Items, page.QuerySelectorAll("tbody tr").Length);
        PageChecks.AssertAccessible("/inbox?category=other", page);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_a_count_limit_below_one()
    {
        await using var misconfigured = new MahallaApp(app.Provider);
        misconfigured.Settings["Inbox:CountLimit"] = "0";
        var refused = Assert.ThrowsAny<Exception>(() => misconfigured.Services);
        Assert.Contains("CountLimit", refused.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The app with an inbox count limit of 3.</summary>
public sealed class CountLimitedSqliteApp : MahallaApp
{
    public CountLimitedSqliteApp()
        : base(Provider.Sqlite) => Settings["Inbox:CountLimit"] = "3";
}

/// <summary>The app with an inbox count limit of 3.</summary>
public sealed class CountLimitedPostgresApp : MahallaApp
{
    public CountLimitedPostgresApp()
        : base(Provider.Postgres) => Settings["Inbox:CountLimit"] = "3";
}

public sealed class InboxCountLimitOnSqlite(CountLimitedSqliteApp app) : InboxCountLimitTests(app), IClassFixture<CountLimitedSqliteApp>;

public sealed class InboxCountLimitOnPostgres(CountLimitedPostgresApp app) : InboxCountLimitTests(app), IClassFixture<CountLimitedPostgresApp>;

public sealed class InboxNextPageTests
{
    [Theory]
    [InlineData(50, 1000, true, 2, true)] // a full page, more counted beyond it
    [InlineData(50, 100, true, 2, false)] // the last full page of an exact count
    [InlineData(50, 1000, false, 20, true)] // the count stopped at 1,000: page 20 is full, so there may be more
    [InlineData(49, 1000, false, 21, false)] // a page that is not full is the last
    public void A_next_page_is_offered_when_this_one_is_full_and_the_count_does_not_rule_it_out(int items, int total, bool exact, int page, bool next)
    {
        var list = Enumerable.Repeat<Mahalla.Web.Modules.Appeals.ViewAppeal.AppealSummary>(null!, items).ToList();
        Assert.Equal(next, new Mahalla.Web.Modules.Appeals.AppealInbox.InboxResult(list, page, 50, total, exact).HasNextPage);
    }
}
