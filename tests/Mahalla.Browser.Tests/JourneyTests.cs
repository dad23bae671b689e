using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mahalla.Browser.Tests;

/// <summary>User journeys a person would recognise, in a real browser, with axe on every page visited.</summary>
public sealed partial class JourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact(Timeout = 120_000)]
    public async Task Citizen_files_staff_answers_citizen_confirms()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        var (tracking, _, appealUrl) = await FileAsync(citizen, "Ko'chamizdagi chiroq bir haftadan beri yonmayapti.");

        var staff = await app.SignInAsync("demo-mahalla");
        await staff.AssertAccessibleAsync();
        await staff.GotoAsync("/inbox");
        await staff.AssertAccessibleAsync();
        await staff.ClickAsync($"text={tracking}");
        await staff.AssertAccessibleAsync();
        await staff.ClickAsync("#assign");
        await staff.FillAsync("#answer", "Chiroq almashtirildi, tekshirib ko'ring.");
        await staff.ClickAsync("#send-answer");
        await Assertions.Expect(staff.Locator("#status")).ToHaveTextAsync("Javob berilgan");

        await citizen.GotoAsync(appealUrl);
        await Assertions.Expect(citizen.Locator("#answer-text")).ToHaveTextAsync("Chiroq almashtirildi, tekshirib ko'ring.");
        await citizen.AssertAccessibleAsync();
        await citizen.ClickAsync("#confirm");
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("Hal qilingan");
        await citizen.AssertAccessibleAsync();
        await citizen.CheckAsync("#score-5");
        await citizen.ClickAsync("text=Bahoni yuborish");
        await Assertions.Expect(citizen.Locator("text=5 balldan 5 ballga")).ToBeVisibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Citizen_disputes_and_the_district_supervisor_sees_the_escalation()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        var (tracking, _, appealUrl) = await FileAsync(citizen, "Hovlimizdagi ariq to'lib qolgan, suv ko'chaga oqyapti.");
        var staff = await app.SignInAsync("demo-mahalla");
        await staff.GotoAsync(appealUrl);
        await staff.FillAsync("#answer", "Ariq tozalandi.");
        await staff.ClickAsync("#send-answer");

        await citizen.GotoAsync(appealUrl);
        await citizen.FillAsync("#reason", "Yo'q, ariq hali ham to'la.");
        await citizen.ClickAsync("#dispute");
        await Assertions.Expect(citizen.Locator("#status")).ToHaveTextAsync("Qayta ochilgan");

        var district = await app.SignInAsync("demo-district");
        await district.GotoAsync("/inbox?status=reopened");
        var row = district.Locator("tr", new PageLocatorOptions { HasText = tracking });
        await Assertions.Expect(row.Locator(".escalated")).ToContainTextAsync("Tuman hokimligi");
        await district.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Anyone_tracks_an_appeal_by_number_and_code_without_an_account_and_sees_it_change_live()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        var (tracking, code, appealUrl) = await FileAsync(citizen, "Bolalar maydonchasidagi arg'imchoq singan.");

        var anyone = await app.NewPageAsync();
        await anyone.GotoAsync("/track");
        await anyone.AssertAccessibleAsync();
        await anyone.FillAsync("#number", tracking.ToLowerInvariant());
        await anyone.FillAsync("#code", code);
        await anyone.ClickAsync("text=Holatini koʻrsatish");
        await Assertions.Expect(anyone.Locator("#status")).ToHaveTextAsync("Yuborilgan");
        await Assertions.Expect(anyone.Locator("body")).Not.ToContainTextAsync("arg'imchoq");
        await anyone.AssertAccessibleAsync();

        var staff = await app.SignInAsync("demo-mahalla");
        await staff.GotoAsync(appealUrl);
        await staff.ClickAsync("#assign");

        // The tracking page follows the change by itself (Server-Sent Events), no reload.
        await Assertions.Expect(anyone.Locator("#status")).ToHaveTextAsync("Koʻrib chiqilmoqda", new() { Timeout = 15_000 });

        var wrong = await app.NewPageAsync();
        await wrong.GotoAsync("/track");
        await wrong.FillAsync("#number", tracking);
        await wrong.FillAsync("#code", "WRONGCODE9");
        var response = await wrong.RunAndWaitForResponseAsync(() => wrong.ClickAsync("text=Holatini koʻrsatish"), r => r.Url.EndsWith("/track", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        await Assertions.Expect(wrong.Locator(".error-summary")).ToContainTextAsync("Bu raqam va kodga mos murojaat topilmadi");

        // A mistyped address: the error page, in the user's language, with a way home (ADR 0079).
        var lost = await wrong.GotoAsync("/trak");
        Assert.Equal(404, lost!.Status);
        await Assertions.Expect(wrong.Locator("h1")).ToHaveTextAsync("Topilmadi");
        await wrong.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Filing_works_without_javascript()
    {
        var citizen = await app.SignInAsync("demo-citizen", javaScript: false);
        var (tracking, _, _) = await FileAsync(citizen, "JavaScript o'chirilgan telefondan yozyapman.", checkAccessibility: false);
        Assert.Matches(TrackingNumber(), tracking);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_language_switch_works_on_every_page_and_is_remembered()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/track");
        await page.ClickAsync("a[hreflang=ru]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Отслеживание обращения");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Вход");
        await page.ClickAsync("a[hreflang=uz-Cyrl]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Тизимга кириш");
        await page.AssertAccessibleAsync();
        await page.ClickAsync("a[hreflang=en]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    [Fact(Timeout = 120_000)]
    public async Task Errors_on_the_form_are_shown_in_the_users_language_and_nothing_is_filed()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        await citizen.GotoAsync("/language/ru?returnUrl=/appeals/new");
        await citizen.CheckAsync("#type-proposal");
        await citizen.SelectOptionAsync("#categoryCode", "other");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Бодомзор" });
        await citizen.FillAsync("#text", "    "); // passes the browser's own check, not the server's
        var response = await citizen.RunAndWaitForResponseAsync(() => citizen.ClickAsync("text=Отправить обращение"), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Assertions.Expect(citizen.Locator(".error-summary")).ToContainTextAsync("Это поле обязательно.");
        await Assertions.Expect(citizen.Locator("#text-error")).ToBeVisibleAsync();
        await citizen.AssertAccessibleAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task Photos_too_large_for_one_sending_are_refused_with_a_page_that_says_so_and_nothing_is_filed()
    {
        // Five phone photos of 7 MB: each over the form's 5 MB, and together over what the server reads of one request, so
        // the server stops reading before any check of the form. The page said the form had expired.
        var folder = Directory.CreateTempSubdirectory("mahalla-large-").FullName;
        var photos = Enumerable.Range(1, 5).Select(i => Path.Combine(folder, $"IMG_000{i}.jpg")).ToArray();
        foreach (var photo in photos)
        {
            var bytes = new byte[7 * 1024 * 1024];
            Random.Shared.NextBytes(bytes);
            await File.WriteAllBytesAsync(photo, bytes);
        }

        var citizen = await app.SignInAsync("demo-citizen");
        await citizen.GotoAsync("/appeals/new");
        await citizen.CheckAsync("#type-complaint");
        await citizen.SelectOptionAsync("#categoryCode", "other");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Bodomzor" });
        const string text = "Hovlidagi quvur yorilgan, suratlari ilova qilindi.";
        await citizen.FillAsync("#text", text);
        await citizen.SetInputFilesAsync("input[type=file]", photos);
        var response = await citizen.RunAndWaitForResponseAsync(() => citizen.ClickAsync("text=Murojaatni yuborish"), r => r.Request.Method == "POST");

        Assert.Equal(413, response.Status);
        await Assertions.Expect(citizen.Locator("main p").First).ToHaveTextAsync(
            "Soʻrov qabul qilinadigan hajmdan katta. Hech narsa saqlanmadi. Kamroq yoki kichikroq fayl biriktirib, qayta yuboring.");
        await citizen.AssertAccessibleAsync();
        await citizen.GotoAsync("/appeals/mine");
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync(text);
        Directory.Delete(folder, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_appeal_form_and_the_tracking_page_stay_under_100_KB_on_first_load()
    {
        var citizen = await app.SignInAsync("demo-citizen");
        foreach (var path in new[] { "/appeals/new", "/track" })
        {
            var page = await citizen.Context.NewPageAsync();
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            // What the browser itself counts as transferred: the document and every resource it loaded.
            var bytes = await page.EvaluateAsync<long>(
                "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)");
            Assert.True(bytes is > 1000 and < 100 * 1024, $"{path}: {bytes} bytes");
        }
    }

    /// <summary>Files through the form. axe needs JavaScript in the page, so it runs only where the page has it.</summary>
    private static async Task<(string Tracking, string Code, string AppealUrl)> FileAsync(IPage citizen, string text, bool checkAccessibility = true)
    {
        await citizen.GotoAsync("/appeals/new");
        if (checkAccessibility)
        {
            await citizen.AssertAccessibleAsync();
        }

        await citizen.CheckAsync("#type-complaint");
        await citizen.SelectOptionAsync("#categoryCode", "other");
        await citizen.SelectOptionAsync("#territoryId", new SelectOptionValue { Label = "Bodomzor" });
        await citizen.FillAsync("#text", text);
        await citizen.ClickAsync("text=Murojaatni yuborish");
        var tracking = (await citizen.Locator("#tracking-number").TextContentAsync())!.Trim();
        var code = (await citizen.Locator("#access-code").TextContentAsync())!.Trim();
        if (checkAccessibility)
        {
            await citizen.AssertAccessibleAsync();
        }

        await citizen.ClickAsync("text=Murojaatni ochish");
        Assert.Matches(TrackingNumber(), tracking);
        return (tracking, code, citizen.Url);
    }

    [GeneratedRegex(@"^M-\d{4}-\d{6}-\d$")]
    private static partial Regex TrackingNumber();
}
