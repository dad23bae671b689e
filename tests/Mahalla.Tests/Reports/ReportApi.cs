using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mahalla.Tests.Infrastructure;

namespace Mahalla.Tests.Reports;

/// <summary>Speaks the reports API the way the page and outside systems do.</summary>
public static class ReportApi
{
    public const double BodomzorLat = 41.3390, BodomzorLon = 69.2840;

    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient citizen, object body) =>
        citizen.PostAsJsonAsync("/api/reports", body);

    public static async Task<JsonObject> ReportAtAsync(this HttpClient citizen, double lat, double lon, string category = "street-lighting",
        string description = "Ko'cha chirog'i uch kundan beri yonmayapti.", Dictionary<string, string[]>? answers = null, bool showName = false)
    {
        var response = await citizen.PostReportAsync(new
        {
            categoryCode = category,
            description,
            latitude = lat,
            longitude = lon,
            locationSource = "map",
            answers = answers ?? DefaultAnswers(category),
            showName,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ObjectAsync();
    }

    public static Dictionary<string, string[]> DefaultAnswers(string category) => category switch
    {
        "street-lighting" => new() { ["extent"] = ["one"] },
        "roads" or "gas-supply" or "greenery" => new() { ["danger"] = ["no"] },
        "water-supply" => new() { ["danger"] = ["no"], ["problem"] = ["burst"] },
        "electricity" => new() { ["danger"] = ["no"], ["wires_down"] = ["no"] },
        _ => [],
    };

    public static async Task<JsonObject> PublicReportAsync(this HttpClient anyone, JsonNode filed)
    {
        var response = await anyone.GetAsync($"/api/reports/{filed.Str("id")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ObjectAsync();
    }
}
