using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Modules.Territories;

namespace Mahalla.Tests.Administration;

/// <summary>The admin API as an administrator's script would use it.</summary>
public static class AdminApi
{
    public static readonly Guid Yunusobod = TerritorySeed.IdFor("1726266");
    public static readonly Guid Shayxontohur = TerritorySeed.IdFor("1726277");
    public static readonly Guid TashkentCity = TerritorySeed.IdFor("1726");

    public static object Names(string name) => new { uzLatn = name, uzCyrl = name + " (кир)", ru = name + " (рус)", en = name + " (en)" };

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<JsonObject> CreatedAsync(this HttpClient admin, string url, object body)
    {
        var response = await admin.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ObjectAsync();
    }

    public static async Task<(Guid Mahalla, Guid Council)> AddMahallaAsync(this HttpClient admin, string name, Guid? district = null)
    {
        var created = await admin.CreatedAsync("/api/admin/territories/mahallas", new { parentId = district ?? Yunusobod, names = Names(name), latitude = 41.35, longitude = 69.29 });
        return (Guid.Parse(created["territory"]!.Str("id")), Guid.Parse(created.Str("councilOrganizationId")));
    }

    public static async Task<Guid> AddProviderAsync(this HttpClient admin, string name, Guid? territory = null) =>
        Guid.Parse((await admin.CreatedAsync("/api/admin/organizations",
            new { kind = "service_provider", names = Names(name), territoryId = territory ?? TashkentCity })).Str("id"));

    public static async Task<string> AddCategoryAsync(this HttpClient admin)
    {
        var code = Unique("cat-");
        await admin.CreatedAsync("/api/admin/categories", new { code, names = Names("Mavzu " + code) });
        return code;
    }

    public static async Task<Guid> AddRuleAsync(this HttpClient admin, string category, Guid? territory, Guid organization) =>
        Guid.Parse((await admin.CreatedAsync("/api/admin/routing-rules", new { categoryCode = category, territoryId = territory, organizationId = organization })).Str("id"));

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ObjectAsync();
    }
}
