using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Infrastructure;

namespace Mahalla.Tests.Appeals;

/// <summary>Small helpers that speak the public API the way an outside system would.</summary>
public static class AppealApi
{
    public static async Task<JsonObject> FileAsync(this HttpClient citizen, string category = "other", Guid? mahalla = null,
        string text = "Ko'chamizda chiroq yo'q, kechasi juda qorong'i.", string type = "complaint", string? idempotencyKey = null)
    {
        var response = await citizen.PostFileAsync(category, mahalla, text, type, idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ObjectAsync();
    }

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient citizen, string category = "other", Guid? mahalla = null,
        string text = "Ko'chamizda chiroq yo'q.", string type = "complaint", string? idempotencyKey = null) =>
        citizen.PostJsonAsync("/api/appeals", new
        {
            type,
            categoryCode = category,
            territoryId = mahalla ?? Web.Modules.Territories.TerritorySeed.IdFor("mahalla:bodomzor"),
            text,
        }, idempotencyKey);

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, JsonNode appeal, string verb, object body) =>
        client.PostAsJsonAsync($"/api/appeals/{appeal.Str("id")}/{verb}", body);

    public static async Task<JsonObject> ActOkAsync(this HttpClient client, JsonNode appeal, string verb, object body)
    {
        var response = await client.ActAsync(appeal, verb, body);
        Assert.True(response.IsSuccessStatusCode, $"{verb}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ObjectAsync();
    }

    public static async Task<JsonObject> GetAppealAsync(this HttpClient client, JsonNode appeal)
    {
        var response = await client.GetAsync($"/api/appeals/{appeal.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ObjectAsync();
    }

    public static async Task<JsonObject> TrackAsync(this HttpClient anyone, JsonNode filed)
    {
        var response = await anyone.GetAsync($"/api/track/{filed.Str("trackingNumber")}?code={filed.Str("accessCode")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ObjectAsync();
    }
}
