using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Mahalla.Tests.Infrastructure;

/// <summary>What every server-rendered page is held to, and its forms as a browser would post them.</summary>
public static class PageChecks
{
    /// <summary>GETs a page, checks that it answered 200, and parses it.</summary>
    public static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>One heading, every field labelled (or named by aria-label), unique ids, tables with a caption and scoped headers.</summary>
    public static void AssertAccessible(string url, IDocument page)
    {
        Assert.Single(page.QuerySelectorAll("h1"));
        foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            // A <label for> or an accessible name of its own (the inbox's row checkboxes: "Select M-2026-…").
            var labelled = (field.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null)
                || !string.IsNullOrWhiteSpace(field.GetAttribute("aria-label"))
                || (field.GetAttribute("aria-labelledby") is { Length: > 0 } by && page.GetElementById(by) is not null);
            Assert.True(labelled, $"{url}: {field.OuterHtml} has no label");
        }

        Assert.Equal(page.QuerySelectorAll("[id]").Length, page.QuerySelectorAll("[id]").Select(e => e.Id).Distinct().Count());
        foreach (var table in page.QuerySelectorAll("table"))
        {
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
        }
    }

    /// <summary>The hidden fields of a named form (antiforgery token, handler), as the browser would post them.</summary>
    public static Dictionary<string, string> HiddenFields(IDocument page, string formName) =>
        page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            .QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

    /// <summary>Every field of a named form with the value the page shows, as a browser would post it unchanged.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IDocument page, string formName) =>
        FormFields(page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null));

    /// <summary>Every field of a named form as a browser would post it after the person filled in <paramref name="filledIn"/>.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IDocument page, string formName, IReadOnlyDictionary<string, string> filledIn) =>
        [.. FormFields(page, formName).Where(f => !filledIn.ContainsKey(f.Key)), .. filledIn];

    /// <summary>Every field of a form with the value the page shows, as a browser would post it unchanged.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(KeyValuePair.Create(name, box.Value));
                    }

                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.Add(KeyValuePair.Create(name, select.Value ?? ""));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(KeyValuePair.Create(name, area.Value));
                    break;
            }
        }

        return fields;
    }
}
