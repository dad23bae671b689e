using Mahalla.Tests.Infrastructure;

namespace Mahalla.Tests.Platform;

/// <summary>A first start on an empty database, as an installation's first: migrated, seeded, ready, and nothing in the log to alarm an operator.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_first_start_on_an_empty_database_logs_no_error(Provider provider)
    {
        await using var app = new MahallaApp(provider);
        var health = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(app.Log.Errors);
    }
}
