using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mahalla.Browser.Tests;

/// <summary>
/// Local problem reports in a real browser: on the map, without the map by keyboard only, without JavaScript, and the
/// nearby check with "me too"; axe on every page visited with JavaScript. No tiles load in these tests (see
/// <see cref="BrowserApp.NoTiles"/>): the maps must work without them.
/// </summary>
public sealed partial class ReportJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact(Timeout = 120_000)]
    public async Task A_report_on_the_map_is_marked_fixed_and_the_reporter_says_not_fixed_so_it_reopens()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        await citizen.GotoAsync("/report");
        await citizen.AssertAccessibleAsync();
        await citizen.CheckAsync("#category-water-supply");
        await citizen.ClickAsync("#next");
        await Assertions.Expect(citizen.Locator("#report-map")).ToBeVisibleAsync();

        await citizen.ClickAsync("#report-map");
        await Assertions.Expect(citizen.Locator("#point-lat")).ToHaveValueAsync(Coordinate());
        await Assertions.Expect(citizen.Locator("#point-status")).ToContainTextAsync("Tanlangan nuqta");
        await citizen.CheckAsync("#answer-danger-no");
        await citizen.CheckAsync("#answer-problem-burst");
        await citizen.FillAsync("#description", "Ko'chada quvur yorilgan, suv oqyapti.");
        await citizen.FillAsync("#title", "Yorilgan quvur");
        await citizen.AssertAccessibleAsync();
        await citizen.ClickAsync("#send-report");
        var tracking = (await citizen.Locator("#tracking-number").TextContentAsync())!.Trim();
        Assert.Matches(TrackingNumber(), tracking);
        await citizen.AssertAccessibleAsync();
        await citizen.ClickAsync("#open-report");
        var reportUrl = citizen.Url;
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Yorilgan quvur");
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("Xabar berilgan");
        await Assertions.Expect(citizen.Locator("#place-point")).ToContainTextAsync("41.");
        await Assertions.Expect(citizen.Locator("#report-view-map")).ToBeVisibleAsync();
        await citizen.AssertAccessibleAsync();

        // The water utility's operator marks it fixed by answering it in the inbox.
        var staff = await app.SignInAsync("demo-operator");
        await staff.GotoAsync("/inbox?type=report");
        await staff.AssertAccessibleAsync();
        await staff.ClickAsync($"text={tracking}");
        await Assertions.Expect(staff.Locator("#place-mahalla")).Not.ToBeEmptyAsync();
        await staff.AssertAccessibleAsync();
        await staff.FillAsync("#answer", "Quvur almashtirildi, suv toʻxtatildi.");
        await staff.ClickAsync("#send-answer");
        await Assertions.Expect(staff.Locator("#status")).ToHaveTextAsync("Javob berilgan");

        await citizen.GotoAsync(reportUrl);
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("Bartaraf etildi deb belgilangan");
        await Assertions.Expect(citizen.Locator("#updates")).ToContainTextAsync("Quvur almashtirildi");
        await citizen.AssertAccessibleAsync();
        await citizen.FillAsync("#reason", "Yoʻq, suv hali ham oqyapti.");
        await citizen.ClickAsync("#fixed-no");
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("Qayta ochilgan");
        await Assertions.Expect(citizen.Locator("#done")).ToContainTextAsync("qayta ochildi");
        await Assertions.Expect(citizen.Locator("#fixed-question")).ToHaveCountAsync(0);
        await citizen.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_same_report_is_made_without_the_map_with_the_keyboard_only()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        await citizen.GotoAsync("/report");
        await citizen.AssertAccessibleAsync();

        // The kind of problem: into the radio group, the arrow keys choose, Enter on "Next".
        await TabToAsync(citizen, "input[name=category]");
        while (!await citizen.EvaluateAsync<bool>("() => document.activeElement.id === 'category-water-supply'"))
        {
            await citizen.Keyboard.PressAsync("ArrowDown");
        }

        await TabToAsync(citizen, "#next");
        await citizen.Keyboard.PressAsync("Enter");
        await Assertions.Expect(citizen.Locator("#territoryId")).ToBeVisibleAsync();
        await citizen.AssertAccessibleAsync();

        // The place without the map: the mahalla by typing its name into the list, then the address.
        await TabToAsync(citizen, "#territoryId");
        await citizen.Keyboard.TypeAsync("Minor");
        await Assertions.Expect(citizen.Locator("#territoryId option:checked")).ToHaveTextAsync("Minor");
        await TabToAsync(citizen, "#address");
        await citizen.Keyboard.TypeAsync("Minor koʻchasi 7-uy, dorixona roʻparasida");

        await TabToAsync(citizen, "#answer-danger-yes");
        await citizen.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(citizen.Locator("#answer-danger-no")).ToBeCheckedAsync();
        await TabToAsync(citizen, "input[name='answers[problem]']");
        await citizen.Keyboard.PressAsync("Space");
        await Assertions.Expect(citizen.Locator("#answer-problem-burst")).ToBeCheckedAsync();
        await TabToAsync(citizen, "#description");
        await citizen.Keyboard.TypeAsync("Dorixona oldida quvur yorilgan.");
        await TabToAsync(citizen, "#send-report");
        await citizen.Keyboard.PressAsync("Enter");

        await Assertions.Expect(citizen.Locator("#tracking-number")).ToHaveTextAsync(TrackingNumber());
        Assert.Equal("", await citizen.EvaluateAsync<string>("() => document.getElementById('point-lat')?.value ?? ''"));
        await citizen.AssertAccessibleAsync();
        await TabToAsync(citizen, "#open-report");
        await citizen.Keyboard.PressAsync("Enter");
        await Assertions.Expect(citizen.Locator("#place-mahalla")).ToHaveTextAsync("Minor");
        await Assertions.Expect(citizen.Locator("#place-address")).ToHaveTextAsync("Minor koʻchasi 7-uy, dorixona roʻparasida");
        await Assertions.Expect(citizen.Locator("#place-point")).ToHaveCountAsync(0);
        await citizen.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task A_report_is_filed_without_javascript_by_mahalla_and_address()
    {
        var citizen = await app.SignInAsync("demo-citizen", javaScript: false);
        await citizen.GotoAsync("/report");
        await citizen.CheckAsync("#category-street-lighting");
        await citizen.ClickAsync("#next");
        await Assertions.Expect(citizen.Locator("#map-picker")).ToBeHiddenAsync();
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Oybek" });
        await citizen.FillAsync("#address", "Oybek metrosi chiqishi, 3-ustun yonida");
        await citizen.FillAsync("#answers\\.pole_number", "17-B");
        await citizen.CheckAsync("#answer-extent-several");
        await citizen.FillAsync("#description", "Metro yonidagi chiroqlar yonmayapti.");

        // Checking for similar reports posts the form and brings it back filled in, with the result.
        await citizen.ClickAsync("#check-similar");
        await Assertions.Expect(citizen.Locator("#nearby-none")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("#description")).ToHaveValueAsync("Metro yonidagi chiroqlar yonmayapti.");
        await Assertions.Expect(citizen.Locator("#answer-extent-several")).ToBeCheckedAsync();
        await Assertions.Expect(citizen.Locator("#territoryId option:checked")).ToHaveTextAsync("Oybek");

        await citizen.ClickAsync("#send-report");
        await Assertions.Expect(citizen.Locator("#tracking-number")).ToHaveTextAsync(TrackingNumber());
        await citizen.ClickAsync("#open-report");
        await Assertions.Expect(citizen.Locator("#place-mahalla")).ToHaveTextAsync("Oybek");
        await Assertions.Expect(citizen.Locator("#answers")).ToContainTextAsync("17-B");
        await Assertions.Expect(citizen.Locator("#answers")).ToContainTextAsync("Bir nechtasi");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_report_near_an_open_one_of_the_same_kind_shows_it_and_me_too_raises_its_supporters()
    {
        var first = await app.SignInAsync("demo-citizen");
        await ReportOnTheMapAsync(first, "roads", "Chorsu", "Chorsu bozori yonida katta chuqur");
        var firstUrl = first.Url;

        var neighbour = await RegisterAsync();
        await neighbour.GotoAsync("/report?category=roads");
        await neighbour.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Chorsu" });
        await neighbour.ClickAsync("#report-map");
        var nearby = neighbour.Locator("#nearby-list li", new PageLocatorOptions { HasText = "Chorsu bozori yonida katta chuqur" });
        await Assertions.Expect(nearby).ToBeVisibleAsync();
        await Assertions.Expect(neighbour.Locator("#nearby-notice")).ToContainTextAsync("1");
        await neighbour.AssertAccessibleAsync();

        await nearby.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Menga ham taalluqli" }).ClickAsync();
        Assert.Equal(firstUrl + "?done=support", neighbour.Url);
        await Assertions.Expect(neighbour.Locator("#supporters")).ToHaveTextAsync("1");
        await Assertions.Expect(neighbour.Locator("#done")).ToContainTextAsync("ovozingiz qoʻshildi");
        await Assertions.Expect(neighbour.Locator("#follow")).ToHaveTextAsync("Kuzatishni toʻxtatish");
        await neighbour.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task The_public_list_filters_reports_and_a_resident_gets_alerts_for_a_mahalla()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        await citizen.GotoAsync("/report?category=waste");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Qatortol" });
        await citizen.FillAsync("#address", "Qatortol koʻchasi 12-uy orqasi");
        await citizen.CheckAsync("#answer-kind-construction");
        await citizen.FillAsync("#description", "Hovli orqasida qurilish chiqindisi uyilib yotibdi.");
        await citizen.FillAsync("#title", "Qatortolda qurilish chiqindisi");
        // A photo larger than the page sends: the script makes it a JPEG of at most 1600 px before upload.
        await citizen.SetInputFilesAsync("#photos", new FilePayload { Name = "chiqindi.png", MimeType = "image/png", Buffer = TestImages.Png(2400, 1800) });
        await Assertions.Expect(citizen.Locator("#photos-status")).ToContainTextAsync("Yuborishga tayyor suratlar: 1");
        await citizen.ClickAsync("#send-report");
        await Assertions.Expect(citizen.Locator("#tracking-number")).ToHaveTextAsync(TrackingNumber());
        await citizen.ClickAsync("#open-report");
        var photo = citizen.Locator(".photos img");
        await Assertions.Expect(photo).ToHaveAttributeAsync("alt", "Muammo surati (1 tadan 1-si): Qatortolda qurilish chiqindisi");
        var uploaded = await (await citizen.APIRequest.GetAsync((await photo.GetAttributeAsync("src"))!)).BodyAsync();
        Assert.Equal((1600, 1200), TestImages.JpegSize(uploaded));

        await citizen.GotoAsync("/reports");
        await Assertions.Expect(citizen.Locator("#reports-map")).ToBeVisibleAsync();
        await citizen.AssertAccessibleAsync();
        await citizen.SelectOptionAsync("#category", "waste");
        await citizen.SelectOptionAsync("#status", "open");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Qatortol" });
        await citizen.ClickAsync("form.filters button[type=submit]");
        Assert.Contains("category=waste", citizen.Url, StringComparison.Ordinal);
        await Assertions.Expect(citizen.Locator("#reports-list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(citizen.Locator("#reports-list")).ToContainTextAsync("Qatortolda qurilish chiqindisi");
        await Assertions.Expect(citizen.Locator("#reports-list")).ToContainTextAsync("Qatortol koʻchasi 12-uy orqasi");
        await Assertions.Expect(citizen.Locator("#map-count")).ToContainTextAsync("0");
        await citizen.AssertAccessibleAsync();
        await citizen.SelectOptionAsync("#status", "fixed");
        await citizen.ClickAsync("form.filters button[type=submit]");
        await Assertions.Expect(citizen.Locator("#reports-empty")).ToBeVisibleAsync();

        await citizen.SelectOptionAsync("#alert-territory", new SelectOptionValue { Label = "Bodomzor" });
        await citizen.ClickAsync("#add-alert");
        await Assertions.Expect(citizen.Locator("#done")).ToContainTextAsync("bildirishnomalaringiz yangilandi");
        await Assertions.Expect(citizen.Locator(".alerts")).ToContainTextAsync("Bodomzor");
        await citizen.AssertAccessibleAsync();
        await citizen.ClickAsync("text=Bodomzor boʻyicha bildirishnomalarni toʻxtatish");
        await Assertions.Expect(citizen.Locator(".alerts")).ToHaveCountAsync(0);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_report_form_stays_under_100_KB_on_first_load_without_tiles()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        foreach (var path in new[] { "/report", "/report?category=water-supply", "/reports" })
        {
            var page = await citizen.Context.NewPageAsync();
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            // What the browser itself counts as transferred: the document and every resource it loaded (tiles never arrive here).
            var bytes = await page.EvaluateAsync<long>(
                "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)");
            output.WriteLine($"{path}: {bytes} bytes");
            Assert.True(bytes is > 1000 and < 100 * 1024, $"{path}: {bytes} bytes");
        }
    }

    private static async Task ReportOnTheMapAsync(IPage citizen, string category, string mahalla, string title)
    {
        await citizen.GotoAsync($"/report?category={category}");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = mahalla });
        await citizen.ClickAsync("#report-map");
        await Assertions.Expect(citizen.Locator("#point-lat")).ToHaveValueAsync(Coordinate());
        if (await citizen.Locator("#answer-danger-no").CountAsync() > 0)
        {
            await citizen.CheckAsync("#answer-danger-no");
        }

        await citizen.FillAsync("#description", title + ". Mashinalar aylanib oʻtyapti.");
        await citizen.FillAsync("#title", title);
        await citizen.ClickAsync("#send-report");
        await Assertions.Expect(citizen.Locator("#tracking-number")).ToHaveTextAsync(TrackingNumber());
        await citizen.ClickAsync("#open-report");
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(title);
    }

    /// <summary>A new resident with their own account (the reporter cannot say "me too" to their own report).</summary>
    private async Task<IPage> RegisterAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.FillAsync("#login", $"+99890{Random.Shared.Next(1_000_000, 9_999_999)}");
        await page.FillAsync("#displayName", "Qoʻshni");
        await page.FillAsync("#password", BrowserApp.Password);
        await page.ClickAsync("form.form button[type=submit]");
        // An assertion the page answers, not WaitForURLAsync, which can miss its event (see BrowserApp.LoadedAsync).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/appeals/new$"));
        await BrowserApp.LoadedAsync(page);
        return page;
    }

    /// <summary>Presses Tab until the focus is on an element matching <paramref name="selector"/>: the keyboard's own way there.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    [GeneratedRegex(@"^R-\d{4}-\d{6}-\d$")]
    private static partial Regex TrackingNumber();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex Coordinate();
}
