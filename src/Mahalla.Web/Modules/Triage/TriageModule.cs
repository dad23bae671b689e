using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Triage.Models;
using Mahalla.Web.Modules.Triage.OnFiling;
using Mahalla.Web.Modules.Triage.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mahalla.Web.Modules.Triage;

/// <summary>
/// Triage in the platform: classifies, flags, summarises and groups every request on filing,
/// routes it when the model is confident, and queues it for staff when not; staff decisions become
/// labelled examples; administrators retrain, compare and promote models.
/// </summary>
public static class TriageModule
{
    public static IServiceCollection AddTriage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TriageOptions>(configuration.GetSection("Triage"));
        services.AddSingleton<ActiveModel>();
        services.AddScoped<IFilingTriage, FilingTriage>();
        services.AddScoped<TriageNotes>();
        services.AddScoped<IAppealTriageNotes>(sp => sp.GetRequiredService<TriageNotes>());
        services.AddScoped<TriageQueue>();
        services.AddScoped<ModelAdmin>();
        return services;
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/triage").WithTags("Triage").RequireAuthorization(p => p.RequireRole(Roles.Staff))
            .RequireRateLimiting(Platform.Web.WebSetup.WriteLimit);
        staff.MapGet("/queue", async Task<Ok<TriageQueuePage>> (int? page, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.ListAsync(Caller.From(http.User), page ?? 1, ct)))
            .WithName("TriageQueue").WithSummary("Requests in your scope waiting for a staff decision on topic and body, most urgent first.");
        staff.MapPost("/assessments/{appealId:guid}/decision", async Task<Ok<TriageDecisionResult>> (Guid appealId, TriageDecisionRequest request, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.DecideAsync(Caller.From(http.User), appealId, request, ct)))
            .WithName("DecideTriage")
            .WithSummary("Decide the topic (and optionally the body; the routing rules give it otherwise). The request leaves the queue; the decision is stored as a labelled example.");
        staff.MapPost("/assessments/{appealId:guid}/urgency", async Task<Ok<AppealTriageNote>> (Guid appealId, UrgencyCorrection request, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.CorrectUrgencyAsync(Caller.From(http.User), appealId, request, ct)))
            .WithName("CorrectUrgency").WithSummary("Correct the urgency level (normal, high, critical); stored as a labelled example.");
        staff.MapGet("/assessments/{appealId:guid}/group", async Task<Ok<GroupView>> (Guid appealId, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.GroupAsync(Caller.From(http.User), appealId, ct)))
            .WithName("DuplicateGroup").WithSummary("The duplicate group of a request: master, people affected, members.");
        staff.MapPost("/assessments/{appealId:guid}/merge", async Task<Ok<GroupView>> (Guid appealId, MergeRequest request, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.MergeAsync(Caller.From(http.User), appealId, request, ct)))
            .WithName("MergeDuplicateGroups").WithSummary("The groups of two requests are one problem: merge them (the earliest request becomes the master).");
        staff.MapPost("/assessments/{appealId:guid}/split", async Task<Ok<GroupView>> (Guid appealId, HttpContext http, TriageQueue queue, CancellationToken ct) =>
            TypedResults.Ok(await queue.SplitAsync(Caller.From(http.User), appealId, ct)))
            .WithName("SplitDuplicateGroup").WithSummary("The request is not a duplicate of its group: it becomes a group of its own.");

        var admin = routes.MapGroup("/api/triage/models").WithTags("Triage").RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .RequireRateLimiting(Platform.Web.WebSetup.WriteLimit);
        admin.MapGet("/", async Task<Ok<ModelsOverview>> (HttpContext http, ModelAdmin models, CancellationToken ct) =>
            TypedResults.Ok(await models.OverviewAsync(Caller.From(http.User), ct)))
            .WithName("TriageModels").WithSummary("The model in use and the stored model versions with their held-out figures.");
        admin.MapPost("/", async Task<Created<ModelView>> (HttpContext http, ModelAdmin models, CancellationToken ct) =>
        {
            var model = await models.RetrainAsync(Caller.From(http.User), ct);
            return TypedResults.Created($"/api/triage/models/{model.Id}", model);
        }).WithName("RetrainTriageModel")
            .WithSummary("Train a candidate on the staff corrections and the seed corpus; evaluates it and the current model on the same held-out examples.");
        admin.MapPost("/{id:guid}/promotion", async Task<Ok<ModelView>> (Guid id, HttpContext http, ModelAdmin models, CancellationToken ct) =>
            TypedResults.Ok(await models.PromoteAsync(Caller.From(http.User), id, ct)))
            .WithName("PromoteTriageModel").WithSummary("Make the candidate the active model (the previous one retires).");
        admin.MapPost("/{id:guid}/discard", async Task<Ok<ModelView>> (Guid id, HttpContext http, ModelAdmin models, CancellationToken ct) =>
            TypedResults.Ok(await models.DiscardAsync(Caller.From(http.User), id, ct)))
            .WithName("DiscardTriageModel").WithSummary("Discard the candidate; the active model stays.");
        return routes;
    }
}
