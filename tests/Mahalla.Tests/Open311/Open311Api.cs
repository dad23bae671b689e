using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Mahalla.Tests.Infrastructure;

namespace Mahalla.Tests.Open311;

/// <summary>Speaks the GeoReport API the way a client application would: form posts, .xml and .json resources.</summary>
public static class Open311Api
{
    public const string Base = "/open311/v2";

    /// <summary>The centre of Bodomzor mahalla (Yunusobod district, inside its demo boundary).</summary>
    public static readonly (string Lat, string Long) Bodomzor = ("41.3390", "69.2840");

    /// <summary>The centre of Chorsu mahalla (Shayxontohur district).</summary>
    public static readonly (string Lat, string Long) Chorsu = ("41.3262", "69.2362");

    public const string YunusobodSoato = "1726266";

    /// <summary>Issues a fresh client key through the administration API.</summary>
    public static async Task<(string Id, string Key)> IssueKeyAsync(this MahallaApp app, string name = "Test client")
    {
        var admin = await app.SignedInAsync("demo-admin");
        var response = await admin.PostAsJsonAsync("/api/admin/open311/clients", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.ObjectAsync();
        return (issued.Str("id"), issued.Str("apiKey"));
    }

    public static Task<HttpResponseMessage> PostRequestAsync(this HttpClient client, string format, params (string Name, string Value)[] arguments) =>
        client.PostAsync($"{Base}/requests.{format}", new FormUrlEncodedContent(arguments.Select(a => KeyValuePair.Create(a.Name, a.Value))));

    /// <summary>A valid realtime report (a pothole in Bodomzor) with the given key; extra arguments are added or replace those of the same name.</summary>
    public static (string, string)[] Pothole(string key, params (string Name, string Value)[] extra) =>
    [
        .. new (string Name, string Value)[]
        {
            ("api_key", key), ("service_code", "roads"), ("lat", Bodomzor.Lat), ("long", Bodomzor.Long),
            ("description", "Yoʻlda katta chuqur bor, mashinalar aylanib oʻtyapti."), ("attribute[danger]", "no"), ("attribute[size]", "large"),
        }.Where(a => extra.All(e => e.Name != a.Name)),
        .. extra,
    ];

    /// <summary>Posts a pothole and returns its service_request_id (the tracking number).</summary>
    public static async Task<string> FilePotholeAsync(this HttpClient client, string key, params (string, string)[] extra)
    {
        var response = await client.PostRequestAsync("json", Pothole(key, extra));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ArrayAsync())[0]!.Str("service_request_id");
    }

    public static async Task<XElement> XmlAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return XDocument.Parse(text).Root!;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The error list of a refusal, in either format, after checking the status and that each error's code is a number.</summary>
    public static async Task<IReadOnlyList<(int Code, string Description)>> ErrorsAsync(this HttpResponseMessage response, HttpStatusCode status, string format)
    {
        Assert.Equal(status, response.StatusCode);
        if (format == "xml")
        {
            var root = await response.XmlAsync();
            Assert.Equal("errors", root.Name.LocalName);
            var errors = root.Elements().Select(e =>
            {
                Assert.Equal("error", e.Name.LocalName);
                Assert.Equal(["code", "description"], e.Elements().Select(x => x.Name.LocalName));
                return (int.Parse(e.Element("code")!.Value, System.Globalization.CultureInfo.InvariantCulture), e.Element("description")!.Value);
            }).ToList();
            Assert.NotEmpty(errors);
            return errors;
        }

        var array = (await response.JsonAsync()).AsArray();
        Assert.NotEmpty(array);
        return array.Select(e => (e!["code"]!.GetValue<int>(), e["description"]!.GetValue<string>())).ToList();
    }

    /// <summary>A 1×1 PNG, for a report filed with a photo.</summary>
    public static byte[] TinyPng => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>Files a report on the web (a resident with an account, with a photo), as the public map's reports are filed.</summary>
    public static async Task<string> FileOnTheWebAsync(this MahallaApp app, string category = "street-lighting")
    {
        var citizen = await app.CitizenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(category), "categoryCode" },
            { new StringContent("Koʻchada chiroq yonmayapti, kechasi qorongʻi."), "description" },
            { new StringContent(Bodomzor.Lat), "latitude" },
            { new StringContent(Bodomzor.Long), "longitude" },
            { new StringContent("several"), "answers[extent]" },
            { new ByteArrayContent(TinyPng), "photos", "photo.png" },
        };
        var response = await citizen.PostAsync("/api/reports", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ObjectAsync()).Str("trackingNumber");
    }

    public static StringContent Form(string body, string contentType = "application/x-www-form-urlencoded") =>
        new(body, Encoding.UTF8, contentType);
}
