using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Delivery.DeliveryLog;
using Mahalla.Web.Modules.Delivery.Planning;
using Mahalla.Web.Modules.Delivery.Rerouting;
using Mahalla.Web.Modules.Delivery.Sending;
using Mahalla.Web.Modules.Delivery.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Delivery;

/// <summary>
/// Report delivery: each organisation's method (the platform's inbox, e-mail, a signed webhook, or its own
/// Open311 server), deliveries planned in the transaction of the filing, re-routing or status change that calls
/// for them, a worker that sends them with retries and pulls Open311 statuses back, the delivery log for staff
/// (API and pages), and re-routing a report when staff change its category. See docs/delivery.md, ADR 0062 and 0063.
/// </summary>
public static class DeliveryModule
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IInterceptor, DeliveryPlanner>();
        services.AddDeliveryHttp();
        services.AddSingleton<SecretBox>();
        services.AddScoped<ReportFactsReader>();
        services.AddScoped<IDeliveryChannel, EmailDeliveryChannel>();
        services.AddScoped<IDeliveryChannel, WebhookChannel>();
        services.AddScoped<Open311Channel>();
        services.AddScoped<IDeliveryChannel>(sp => sp.GetRequiredService<Open311Channel>());
        services.AddScoped<DeliverySettingsAdmin>();
        services.AddScoped<DeliveryLogQueries>();
        services.AddScoped<ReportRerouting>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin/organizations/{id:guid}/delivery").WithTags("Administration")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator)).RequireRateLimiting(Platform.Web.WebSetup.WriteLimit);
        admin.MapGet("/", async Task<Ok<DeliverySettingsView>> (Guid id, DeliverySettingsAdmin settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.GetAsync(id, ct))).WithName("GetDeliverySettings")
            .WithSummary("How an organisation receives its reports: inbox, e-mail, webhook or Open311. Secrets are never returned, only whether they are set.");
        admin.MapPut("/", async Task<Ok<DeliverySettingsView>> (Guid id, DeliverySettingsRequest request, DeliverySettingsAdmin settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.PutAsync(id, request, ct))).WithName("ChangeDeliverySettings")
            .WithSummary("Set an organisation's delivery method and its addresses.")
            .WithDescription("Replaces the settings. An absent webhookSecret or open311ApiKey keeps the stored one. A webhook without a secret, or rotateWebhookSecret, gets a generated secret, returned once as newWebhookSecret.");

        var log = routes.MapGroup("/api/deliveries").WithTags("Deliveries")
            .RequireAuthorization(p => p.RequireRole([Roles.Administrator, .. Roles.Staff]));
        log.MapGet("/", async Task<Ok<DeliveryPage>> (string? status, Guid? organizationId, Guid? reportId, int? page, HttpContext http, DeliveryLogQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.ListAsync(Caller.From(http.User), new DeliveryFilter(status, organizationId, reportId, page ?? 1), ct)))
            .WithName("ListDeliveries")
            .WithSummary("Deliveries of reports to your organisation (all organisations for administrators), newest first; ?status=pending|delivered|failed|cancelled.");
        log.MapGet("/{id:guid}", async Task<Ok<DeliveryDetail>> (Guid id, HttpContext http, DeliveryLogQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.GetAsync(Caller.From(http.User), id, ct)))
            .WithName("GetDelivery").WithSummary("One delivery with every attempt: time, duration, status code, error.");
        log.MapPost("/{id:guid}/retry", async Task<Ok<DeliveryDetail>> (Guid id, HttpContext http, DeliveryLogQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.RetryAsync(Caller.From(http.User), id, ct)))
            .WithName("RetryDelivery").RequireRateLimiting(Platform.Web.WebSetup.WriteLimit)
            .WithSummary("Send a failed (or waiting) delivery again now, with a fresh retry budget.");

        routes.MapPost("/api/reports/{id:guid}/category", async Task<Ok<CategoryChangeResult>> (Guid id, CategoryChangeRequest request, HttpContext http, ReportRerouting rerouting, CancellationToken ct) =>
            TypedResults.Ok(await rerouting.ChangeCategoryAsync(Caller.From(http.User), id, request, ct)))
            .WithName("ChangeReportCategory").WithTags("Reports")
            .RequireAuthorization(p => p.RequireRole(Roles.Staff)).RequireRateLimiting(Platform.Web.WebSetup.WriteLimit)
            .WithSummary("Change a report's category (staff in scope); the routing rules re-route it and the previous organisation is told.");
        return routes;
    }
}
