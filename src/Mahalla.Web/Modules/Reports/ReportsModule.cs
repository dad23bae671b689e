using System.Globalization;
using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.FileReport;
using Mahalla.Web.Modules.Reports.FixedCheck;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Reports.PublicMap;
using Mahalla.Web.Modules.Reports.Settings;
using Mahalla.Web.Modules.Reports.ViewReport;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Reports;

/// <summary>
/// Local problem reports on a map: requests of the request engine (type <c>report</c>) with a place, photos,
/// category questions, neighbours' support, followers and area alerts; the point decides the territory.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Platform.Web.ContentSecurity>().Configure<Microsoft.Extensions.Options.IOptions<ReportsOptions>>((csp, reports) =>
        {
            if (ReportsOptions.TileOrigin(reports.Value.TileUrl) is { } origin)
            {
                csp.ImageSources.Add(origin);
            }
        });
        services.AddMemoryCache();
        services.AddSingleton<IInterceptor, ReportSync>();
        services.AddScoped<Locator>();
        services.AddScoped<FileReportHandler>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<MapQueries>();
        services.AddScoped<MapCells>();
        services.AddScoped<Nearby>();
        services.AddScoped<Support.Support>();
        services.AddScoped<ReportSettings>();
        services.AddScoped<ReportWatch>();
        services.AddHostedService<ReportWatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/reports").WithTags("Reports");
        reports.MapPost("/", FileAsync).WithName("FileReport")
            .RequireAuthorization(p => p.RequireRole(Roles.Citizen)).RequireRateLimiting(Platform.Web.WebSetup.WriteLimit)
            .Accepts<FileReportRequest>("application/json", "multipart/form-data")
            .WithSummary("Report a local problem at a place (resident).")
            .WithDescription("JSON, or multipart/form-data with the same fields, answers as answers[code] (repeat for several values) and up to 5 photos (JPEG, PNG, WebP; metadata stripped). The place is latitude/longitude, or territoryId (a mahalla) and address.")
            .TakesIdempotencyKey("A retry gets the first answer again and reports nothing new.");
        reports.MapGet("/categories", async Task<Ok<IReadOnlyList<ReportCategoryView>>> (ReportSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.CategoriesAsync(ct))).WithName("ReportCategories")
            .WithSummary("Categories residents can report on the map, with their questions and nearby radius.");
        reports.MapGet("/nearby", async Task<Ok<IReadOnlyList<Nearby.NearbyReport>>> (string? categoryCode, double? latitude, double? longitude, Nearby nearby, CancellationToken ct) =>
            TypedResults.Ok(await nearby.FindAsync(categoryCode, latitude, longitude, ct))).WithName("NearbyReports")
            .WithSummary("Open reports of the same category within the category's radius: support one instead of filing a duplicate.");
        reports.MapGet("/map", async Task<Ok<MapData>> ([AsParameters] FilterQuery query, MapQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.MapAsync(query.ToFilter(), ct))).WithName("ReportMap")
            .WithSummary("Reports in a viewport (bbox=minLon,minLat,maxLon,maxLat): points, or grid clusters when there are many.");
        reports.MapGet("/", async Task<Ok<ReportList>> ([AsParameters] FilterQuery query, MapQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.ListAsync(query.ToFilter(), ct))).WithName("ListReports")
            .WithSummary("The public list of reports, newest first, with the map's filters.");
        reports.MapGet("/{id:guid}", async Task<Ok<PublicReport>> (Guid id, ReportQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.GetAsync(id, ct))).WithName("GetReport")
            .WithSummary("A report as the public sees it: no contact data, the name only if the reporter chose so.");
        reports.MapPost("/{id:guid}/support", async Task<Ok<Support.SupportResult>> (Guid id, HttpContext http, Support.Support s, CancellationToken ct) =>
            TypedResults.Ok(await s.SupportAsync(Caller.From(http.User), id, ct))).WithName("SupportReport")
            .RequireAuthorization().RequireRateLimiting(Platform.Web.WebSetup.WriteLimit)
            .WithSummary("\"Me too\": one more affected resident; you follow the report from then on.");
        reports.MapPut("/{id:guid}/follow", async Task<NoContent> (Guid id, HttpContext http, Support.Support s, CancellationToken ct) =>
        {
            await s.FollowAsync(Caller.From(http.User), id, true, ct);
            return TypedResults.NoContent();
        }).WithName("FollowReport").RequireAuthorization().WithSummary("Be notified of the report's updates.");
        reports.MapDelete("/{id:guid}/follow", async Task<NoContent> (Guid id, HttpContext http, Support.Support s, CancellationToken ct) =>
        {
            await s.FollowAsync(Caller.From(http.User), id, false, ct);
            return TypedResults.NoContent();
        }).WithName("UnfollowReport").RequireAuthorization().WithSummary("Stop following the report.");

        var alerts = routes.MapGroup("/api/alerts").WithTags("Reports").RequireAuthorization();
        alerts.MapGet("/", async Task<Ok<IReadOnlyList<Guid>>> (HttpContext http, Support.Support s, CancellationToken ct) =>
            TypedResults.Ok(await s.AlertsAsync(Caller.From(http.User), ct))).WithName("MyAreaAlerts").WithSummary("The territories you get alerts for.");
        alerts.MapPut("/{territoryId:guid}", async Task<NoContent> (Guid territoryId, HttpContext http, Support.Support s, CancellationToken ct) =>
        {
            await s.AlertAsync(Caller.From(http.User), territoryId, true, ct);
            return TypedResults.NoContent();
        }).WithName("AddAreaAlert").WithSummary("Be told about every new report in a mahalla, district or city.");
        alerts.MapDelete("/{territoryId:guid}", async Task<NoContent> (Guid territoryId, HttpContext http, Support.Support s, CancellationToken ct) =>
        {
            await s.AlertAsync(Caller.From(http.User), territoryId, false, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveAreaAlert").WithSummary("Stop the alerts for a territory.");

        routes.MapGet("/reports/photos/{photoId:guid}", async (Guid photoId, HttpContext http, ReportQueries q, CancellationToken ct) =>
        {
            var (content, type) = await q.PhotoAsync(photoId, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
            return TypedResults.File(content, type);
        }).WithName("ReportPhoto").WithTags("Reports").ExcludeFromDescription();
        routes.MapGet("/api/territories/{territoryId:guid}/boundary", async Task<Results<ContentHttpResult, NotFound>> (Guid territoryId, ReportSettings s, CancellationToken ct) =>
            await s.BoundaryGeoJsonAsync(territoryId, ct) is { } json ? TypedResults.Content(json, "application/geo+json") : TypedResults.NotFound())
            .WithName("TerritoryBoundary").WithTags("Reports").WithSummary("A territory's boundary as GeoJSON (MultiPolygon), if one was imported.");

        var admin = routes.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapGet("/boundaries", async Task<Ok<IReadOnlyList<BoundaryView>>> (ReportSettings s, CancellationToken ct) =>
            TypedResults.Ok(await s.BoundariesAsync(ct))).WithName("ListBoundaries").WithSummary("Imported territory boundaries.");
        admin.MapPost("/boundaries", async Task<Ok<BoundaryImportResult>> (JsonElement body, ReportSettings s, CancellationToken ct) =>
            TypedResults.Ok(await s.ImportAsync(body, null, ct))).WithName("ImportBoundaries")
            .WithSummary("Import a GeoJSON FeatureCollection of Polygon/MultiPolygon features naming properties.territoryId or properties.soato; all or nothing.");
        admin.MapPut("/boundaries/{id:guid}", async Task<Ok<BoundaryImportResult>> (Guid id, JsonElement body, ReportSettings s, CancellationToken ct) =>
            TypedResults.Ok(await s.ImportAsync(body, id, ct))).WithName("PutBoundary")
            .WithSummary("Set one territory's boundary from a GeoJSON Polygon, MultiPolygon or Feature.");
        admin.MapDelete("/boundaries/{id:guid}", async Task<NoContent> (Guid id, ReportSettings s, CancellationToken ct) =>
            await s.DeleteBoundaryAsync(id, ct) ? TypedResults.NoContent() : throw new NotFoundException())
            .WithName("DeleteBoundary").WithSummary("Remove a territory's boundary; its reports fall back to the nearest mahalla centre.");
        admin.MapPut("/report-categories/{code}", async Task<NoContent> (string code, ReportCategoryRequest request, ReportSettings s, CancellationToken ct) =>
        {
            await s.SaveCategoryAsync(code, request, ct);
            return TypedResults.NoContent();
        }).WithName("SaveReportCategory").WithSummary("Make a category reportable on the map, with its nearby radius, realtime flag and questions.");
        return routes;
    }

    public sealed record FilterQuery(
        [FromQuery(Name = "bbox")] string? Bbox,
        [FromQuery(Name = "category")] string? Category,
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "territoryId")] Guid? TerritoryId,
        [FromQuery(Name = "from")] string? From,
        [FromQuery(Name = "to")] string? To,
        [FromQuery(Name = "zoom")] int? Zoom,
        [FromQuery(Name = "page")] int? Page)
    {
        public ReportFilter ToFilter()
        {
            var validation = new Validation();
            var from = Date(From, "from", validation);
            var to = Date(To, "to", validation);
            validation.ThrowIfInvalid();
            return new ReportFilter(Bbox, Category, Status, TerritoryId, from, to, Zoom, Page);
        }

        private static DateOnly? Date(string? text, string field, Validation validation)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            validation.Add(field, "reports.validation.date");
            return null;
        }
    }

    private static async Task<Created<FiledReport>> FileAsync(HttpContext http, FileReportHandler handler, CancellationToken ct)
    {
        FileReportRequest request;
        var photos = new List<PhotoUpload>();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            var validation = new Validation();
            FormBodies.RefuseUnknownOrRepeated<FileReportRequest>(http.Request, form, validation);
            validation.ThrowIfInvalid();
            request = FromForm(form);
            photos = await PhotosFromFormAsync(form, ct);
        }
        else if (http.Request.HasJsonContentType())
        {
            request = await JsonBodies.ReadAsync<FileReportRequest>(http.Request, ct);
        }
        else
        {
            throw new InvalidInputException(Validation.Of("body", "validation.content_type"));
        }

        var caller = Caller.From(http.User);
        var filed = await handler.HandleAsync(new ReportIntake(caller, ReportChannel.Web), request, photos, ct,
            IdempotencyKeys.Of(http.Request));
        return TypedResults.Created($"/api/reports/{filed.Id}", filed);
    }

    /// <summary>The photos of a report form, read into memory (the page's form and multipart API calls share it); the handler checks them.</summary>
    public static async Task<List<PhotoUpload>> PhotosFromFormAsync(IFormCollection form, CancellationToken ct)
    {
        var photos = new List<PhotoUpload>();
        foreach (var file in form.Files.Where(f => f.Length > 0))
        {
            if (file.Length > 50_000_000)
            {
                throw new InvalidInputException(Validation.Of("photos", "reports.validation.photo_too_large"));
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            photos.Add(new PhotoUpload(file.FileName, buffer.ToArray()));
        }

        return photos;
    }

    /// <summary>Reads the form fields of a report (the page's form and multipart API calls share it).</summary>
    public static FileReportRequest FromForm(IFormCollection form)
    {
        var validation = new Validation();
        var lat = Number(form["latitude"], "latitude", validation);
        var lon = Number(form["longitude"], "longitude", validation);
        var showName = FormBodies.Flag(form, "showName", validation);
        validation.ThrowIfInvalid();
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (key.StartsWith("answers[", StringComparison.Ordinal) && key.EndsWith(']'))
            {
                answers[key[8..^1]] = values.Where(v => v is not null).Select(v => v!).ToList();
            }
        }

        return new FileReportRequest(form["categoryCode"], form["title"], form["description"], lat, lon,
            form["locationSource"].FirstOrDefault(), Guid.TryParse(form["territoryId"], out var t) ? t : null, form["address"],
            answers, showName, form["language"].FirstOrDefault());
    }

    private static double? Number(string? text, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        validation.Add(field, "reports.validation.location");
        return null;
    }
}
