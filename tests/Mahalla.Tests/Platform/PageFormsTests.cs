using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Mahalla.Tests.Appeals;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tests.Reports;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;

namespace Mahalla.Tests.Platform;

/// <summary>
/// Every form on every page that a role reaches by following links, posted as a person or a hand-made request could
/// post it: each field given twice, each field 300,000 characters long, each field empty, control characters and
/// markup, and bytes that are not UTF-8. Pages are found by crawling rather than listed, so that a new page's forms are
/// covered the day it is linked. Whatever the page makes of it, the answer is never a 500 and nothing is logged as an
/// error.
/// </summary>
public sealed partial class PageFormsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int MaxPagesPerRole = 80;

    [Theory]
    [InlineData("demo-citizen", "/")]
    [InlineData("demo-mahalla", "/inbox")]
    [InlineData("demo-district", "/inbox")]
    [InlineData("demo-admin", "/admin")]
    public async Task Every_form_a_role_reaches_answers_hostile_input_without_a_500(string userName, string start)
    {
        var ct = TestContext.Current.CancellationToken;
        // Work in the role's reach: an appeal and a report of the demo mahalla, filed by the demo citizen.
        var citizen = await app.SignedInAsync("demo-citizen");
        await citizen.FileAsync();
        await citizen.ReportAtAsync(ReportApi.BodomzorLat, ReportApi.BodomzorLon);
        var browser = await app.PagesAsync(userName, "uz-Latn");
        var me = (await (await browser.GetAsync("/api/me", ct)).ObjectAsync()).Str("userId");
        var errorsBefore = app.Log.Errors.Count;
        var failures = new List<string>();
        var forms = 0;
        var catalog = new TextCatalog();
        var expired = catalog.Get("uz-Latn", "error.form_expired")[..40];
        var garbage = string.Join("&", ReadableQueries.Typed.Keys.Select(name => $"{name}=x"));

        // One page of each kind: /appeals/{id} once, whichever appeal it shows.
        var seen = new HashSet<string>(StringComparer.Ordinal) { Kind(start) };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && seen.Count <= MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            var response = await browser.GetAsync(url, ct);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            // The same page with every value that a page reads from its query unreadable (ADR 0090): refused, never a 500.
            var unreadable = await browser.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + garbage, ct);
            if (unreadable.StatusCode != HttpStatusCode.BadRequest
                || new HtmlParser().ParseDocument(await unreadable.Content.ReadAsStringAsync(ct)).QuerySelector("main p")?.TextContent != catalog.Get("uz-Latn", "error.address_unreadable"))
            {
                failures.Add($"GET {url} with {garbage}: {(int)unreadable.StatusCode}, not 400 with error.address_unreadable");
            }

            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));
            // Not the role's own account page: its forms (a role, a password, a lock) would end the session the crawl uses.
            foreach (var link in Links(page).Where(l => !l.Contains(me, StringComparison.Ordinal) && seen.Add(Kind(l))))
            {
                queue.Enqueue(link);
            }

            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                forms++;
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
                foreach (var (variant, content, refusal) in HostileSendings(form))
                {
                    using (content)
                    {
                        var answer = await browser.PostAsync(action, content, ct);
                        var text = await answer.Content.ReadAsStringAsync(ct);
                        if ((int)answer.StatusCode >= 500)
                        {
                            failures.Add($"POST {action} ({Name(form)}, {variant}) from {url}: {(int)answer.StatusCode}");
                        }
                        else if (answer.StatusCode == HttpStatusCode.BadRequest && text.Contains(expired, StringComparison.Ordinal))
                        {
                            // The form's token was refused: the sending never reached the page, and it says the wrong thing.
                            failures.Add($"POST {action} ({Name(form)}, {variant}) from {url}: refused as an expired form");
                        }
                        else if (refusal is var (status, key)
                            && (answer.StatusCode != status || new HtmlParser().ParseDocument(text).QuerySelector("main p")?.TextContent != catalog.Get("uz-Latn", key)))
                        {
                            failures.Add($"POST {action} ({Name(form)}, {variant}) from {url}: {(int)answer.StatusCode}, not {(int)status} with {key}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(start, ct)).StatusCode); // still signed in: no page went unvisited for that
        Assert.True(forms >= 10, $"{userName} reached only {forms} forms from {start}: {string.Join(", ", seen)}");
        Assert.True(app.Log.Errors.Count == errorsBefore, string.Join("\n", app.Log.Errors.Skip(errorsBefore)));
    }

    private static string Kind(string url) => Guids().Replace(url, "{id}");

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex Guids();

    /// <summary>
    /// The pages a link leads to: the site's own, not the API, the log, Open311 or a file, and neither signing out nor
    /// choosing a language (a link that sets a cookie and goes back).
    /// </summary>
    private static IEnumerable<string> Links(IDocument page) =>
        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Select(href => href.Split('#')[0])
            .Where(href => href.Length > 0 && !href.StartsWith("/api/", StringComparison.Ordinal) && !href.StartsWith("/tlog", StringComparison.Ordinal)
                && !href.StartsWith("/open311", StringComparison.Ordinal) && !href.Contains("logout", StringComparison.OrdinalIgnoreCase)
                && !href.StartsWith("/language/", StringComparison.Ordinal) && !href.Contains("/photos/", StringComparison.Ordinal) && !href.Contains("/attachments/", StringComparison.Ordinal)
                && !href.EndsWith(".xml", StringComparison.Ordinal) && !href.EndsWith(".json", StringComparison.Ordinal));

    private static string Name(IHtmlFormElement form) =>
        form.QuerySelector("input[name='_handler']")?.GetAttribute("value") ?? form.GetAttribute("action") ?? "form";

    /// <summary>
    /// The form as the page shows it, each time with every field the person fills in changed the same way; then the form
    /// whole but cut short, and named in another charset, which must be refused with that status and text (ADR 0089).
    /// </summary>
    private static IEnumerable<(string Variant, HttpContent Content, (HttpStatusCode, string)? Refusal)> HostileSendings(IHtmlFormElement form)
    {
        var fields = PageChecks.FormFields(form);
        var hidden = form.QuerySelectorAll("input[type=hidden][name]").Select(i => i.GetAttribute("name")!).ToHashSet(StringComparer.Ordinal);
        var multipart = string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        HttpContent Send(Func<string, string, IEnumerable<byte[]>> values)
        {
            var parts = fields.SelectMany(f => hidden.Contains(f.Key) ? [Encoding.UTF8.GetBytes(f.Value)] : values(f.Key, f.Value).ToArray(),
                (f, bytes) => (f.Key, Bytes: bytes)).ToList();
            if (multipart)
            {
                var content = new MultipartFormDataContent();
                foreach (var (name, bytes) in parts)
                {
                    content.Add(new ByteArrayContent(bytes), name);
                }

                return content;
            }

            // URL-encoded by hand, so that bytes that are not UTF-8 stay as they are.
            var body = string.Join("&", parts.Select(p => Uri.EscapeDataString(p.Key) + "=" + string.Concat(p.Bytes.Select(b => $"%{b:X2}"))));
            return new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        // First what changes nothing (a sending that changes a role or a password can end the session that the rest uses).
        // A multipart form cut short; a URL-encoded one has no end to miss, so it gets more fields than the framework reads.
        using var whole = Send((_, value) => [Utf8(value)]);
        var bytes = whole.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var damaged = multipart ? new ByteArrayContent(bytes[..(bytes.Length * 2 / 3)])
            : new ByteArrayContent([.. bytes, .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 1_100).Select(i => $"&extra{i}=1")))]);
        damaged.Headers.ContentType = whole.Headers.ContentType;
        yield return (multipart ? "cut short" : "1,100 fields", damaged, (HttpStatusCode.BadRequest, "error.form_unreadable"));

        var named = new ByteArrayContent(bytes);
        named.Headers.TryAddWithoutValidation("Content-Type", whole.Headers.ContentType!.MediaType
            + (multipart ? $"; boundary={whole.Headers.ContentType.Parameters.Single(p => p.Name == "boundary").Value}" : "") + "; charset=windows-1251");
        yield return ("named windows-1251", named, (HttpStatusCode.UnsupportedMediaType, "error.unsupported_charset"));

        yield return ("each field twice", Send((_, value) => [Utf8(value), Utf8(value + "2")]), null);
        yield return ("each field 300,000 characters", Send((_, _) => [Utf8(new string('я', 300_000))]), null);
        yield return ("each field empty", Send((_, _) => [[]]), null);
        yield return ("control characters and markup", Send((_, value) => [Utf8(value + "\u0000\u0007<script>alert(1)</script>\uFFFF")]), null);
        yield return ("bytes that are not UTF-8", Send((_, value) => [[.. Utf8(value), 0xC3, 0x28, 0xFF]]), null);

    }
}
