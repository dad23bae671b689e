using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mahalla.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a real port on 127.0.0.1, a fresh SQLite database with demo data) and a
/// real headless Chromium from Debian driven by Playwright. Chromium must be at /usr/bin/chromium
/// (test.sh installs it); without it these tests fail, they are never skipped.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Browser-pass-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("mahalla-browser-").FullName;
    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Mahalla", $"Data Source={Path.Combine(_folder, "mahalla.db")}");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Deadlines:Sweeper:Enabled", "false");
        builder.UseSetting("Email:SenderEnabled", "false");
        builder.UseSetting("Email:OutboxFolder", Path.Combine(_folder, "outbox"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Maps without tiles: a tile server that refuses at once (the pages must work when no tiles load).
        builder.UseSetting("Reports:TileUrl", NoTiles);
    }

    /// <summary>Where the maps ask for tiles in these tests: a closed port on this machine.</summary>
    public const string NoTiles = "http://127.0.0.1:9/{z}/{x}/{y}.png";

    public async ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            Locale = locale ?? "uz-UZ",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form; returns once the sign-in was accepted and the page it leads to has loaded.</summary>
    public async Task<IPage> SignInAsync(string userName, bool javaScript = true)
    {
        var page = await NewPageAsync(javaScript);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", userName);
        await page.FillAsync("#password", Password);
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.form button[type=submit]"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/account/login");
        // A refused sign-in shows the form again (200); an accepted one redirects away from it.
        Assert.True(answer.Status is >= 300 and < 400, $"signing in as {userName} answered {answer.Status}");
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage);
        await LoadedAsync(page);
        return page;
    }

    /// <summary>
    /// Waits for the page's <c>load</c> event in short rounds. Playwright for .NET can miss a load state that
    /// arrives while it subscribes to the event and then waits out its whole timeout (microsoft/playwright-dotnet#3364,
    /// which also gives this workaround); a state it missed is still recorded, so the next round finds it at once.
    /// </summary>
    public static async Task LoadedAsync(IPage page)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (round < 15)
            {
                // Look again: either the event was missed, or the page is still loading.
            }
        }
    }

    private static readonly Regex LoginPage = new("/account/login");

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
            // Best effort; the temp folder is the OS's to clean.
        }
    }
}

public static class Accessibility
{
    /// <summary>Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page and fails on any violation, naming it.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }
}
