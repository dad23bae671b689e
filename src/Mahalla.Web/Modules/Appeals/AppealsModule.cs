using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Appeals.AppealInbox;
using Mahalla.Web.Modules.Appeals.Escalation;
using Mahalla.Web.Modules.Appeals.FileAppeal;
using Mahalla.Web.Modules.Appeals.TrackAppeal;
using Mahalla.Web.Modules.Appeals.Transitions;
using Mahalla.Web.Modules.Appeals.ViewAppeal;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Mahalla.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mahalla.Web.Modules.Appeals;

public static class AppealsModule
{
    public static IServiceCollection AddAppeals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FileAppealHandler>();
        services.AddScoped<AppealWork>();
        services.AddScoped<Transitions.Transitions>();
        services.AddScoped<AppealQueries>();
        services.AddScoped<Inbox>();
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, InboxJson.Default));
        services.AddScoped<Tracking>();
        services.AddOptions<TrackingOptions>().Bind(configuration.GetSection(TrackingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TrackingWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackingWatch>());
        services.AddOptions<SweeperOptions>().Bind(configuration.GetSection("Deadlines:Sweeper")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeadlineSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweeper>());
        return services;
    }

    public static IEndpointRouteBuilder MapAppeals(this IEndpointRouteBuilder routes)
    {
        var appeals = routes.MapGroup("/api/appeals").WithTags("Appeals").RequireAuthorization().RequireRateLimiting(Platform.Web.WebSetup.WriteLimit);
        appeals.MapPost("/", FileAsync).WithName("FileAppeal").RequireAuthorization(p => p.RequireRole(Roles.Citizen))
            .Accepts<FileAppealRequest>("application/json", "multipart/form-data")
            .WithSummary("File an appeal (citizen).")
            .WithDescription("JSON body, or multipart/form-data with the same fields and up to 5 attachments (JPEG, PNG, WebP, PDF; 5 MB each). An Idempotency-Key header makes retries safe: the first result is returned and nothing new is created.")
            .TakesIdempotencyKey("A retry gets the first answer again (with \"replayed\": true) and files nothing new.");
        appeals.MapGet("/mine", async Task<Ok<IReadOnlyList<AppealSummary>>> (HttpContext http, AppealQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.MineAsync(Caller.From(http.User), ct))).WithName("MyAppeals").WithSummary("The signed-in citizen's appeals.");
        appeals.MapGet("/{id:guid}", async Task<Ok<AppealView>> (Guid id, HttpContext http, AppealQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.GetAsync(Caller.From(http.User), id, ct))).WithName("GetAppeal")
            .WithSummary("One appeal, if it is yours or in your scope (404 otherwise). Internal notes only for staff.");
        appeals.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async Task<FileContentHttpResult> (Guid id, Guid attachmentId, HttpContext http, AppealQueries q, CancellationToken ct) =>
        {
            var (content, type, name) = await q.AttachmentAsync(Caller.From(http.User), id, attachmentId, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(content, type, name);
        }).WithName("GetAppealAttachment").WithSummary("Download an attachment of an appeal in your scope.");

        // Taking work to oneself needs nothing but the address: {}, {"userName": ""} or no body at all.
        TransitionWithOptionalBody(appeals, "assignment", "AssignAppeal", "Take into work and assign to yourself (empty userName, or no body) or a colleague.",
            (Transitions.Transitions t, Caller c, Guid id, AssignmentRequest? r, CancellationToken ct) => t.AssignAsync(c, id, r ?? new AssignmentRequest(null), ct));
        Transition(appeals, "answer", "AnswerAppeal", "Answer the appeal; the citizen then confirms or disputes.",
            (Transitions.Transitions t, Caller c, Guid id, AnswerRequest r, CancellationToken ct) => t.AnswerAsync(c, id, r, ct));
        Transition(appeals, "forwarding", "ForwardAppeal", "Forward to the competent organisation with a reason (the citizen is told).",
            (Transitions.Transitions t, Caller c, Guid id, ForwardingRequest r, CancellationToken ct) => t.ForwardAsync(c, id, r, ct));
        Transition(appeals, "extension", "ExtendAppealDeadline", "Extend the answer deadline once, up to the legal maximum, with a reason.",
            (Transitions.Transitions t, Caller c, Guid id, ExtensionRequest r, CancellationToken ct) => t.ExtendAsync(c, id, r, ct));
        // The confirmation carries nothing yet ({}), so a request without a body confirms as well.
        TransitionWithOptionalBody(appeals, "confirmation", "ConfirmResolution", "The applicant confirms the problem is solved (resolved).",
            (Transitions.Transitions t, Caller c, Guid id, ConfirmationRequest? _, CancellationToken ct) => t.ConfirmAsync(c, id, ct));
        Transition(appeals, "dispute", "DisputeAnswer", "The applicant disputes the answer: it reopens one level up.",
            (Transitions.Transitions t, Caller c, Guid id, DisputeRequest r, CancellationToken ct) => t.DisputeAsync(c, id, r, [], ct));
        Transition(appeals, "rating", "RateAnswer", "The applicant rates a closed appeal 1–5 with an optional comment.",
            (Transitions.Transitions t, Caller c, Guid id, RatingRequest r, CancellationToken ct) => t.RateAsync(c, id, r, ct));
        appeals.MapPost("/{id:guid}/notes", async Task<NoContent> (Guid id, NoteRequest request, HttpContext http, Transitions.Transitions t, CancellationToken ct) =>
        {
            await t.AddNoteAsync(Caller.From(http.User), id, request, IdempotencyKeys.Of(http.Request), ct);
            return TypedResults.NoContent();
        }).WithName("AddInternalNote").WithSummary("Add an internal note (staff only; never shown to the citizen).")
            .WithDescription("An Idempotency-Key header makes retries safe: the note is saved once, and the same key with another text is refused (409).")
            .TakesIdempotencyKey("A retry saves nothing and answers 204 again.");

        var inbox = routes.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization(p => p.RequireRole(Roles.Staff));
        inbox.MapGet("/", async Task<GeneratedJson<InboxResult>> ([AsParameters] InboxQuery query, HttpContext http, Inbox inbox, CancellationToken ct) =>
            new GeneratedJson<InboxResult>(await inbox.ListAsync(Caller.From(http.User), query.ToFilter(), ct), InboxJson.Default.InboxResult))
            .WithName("Inbox").WithSummary("Requests in your scope, with filters.")
            .WithDescription("Without `status`, the open work: submitted, in progress and reopened requests (`status=open`). "
                + "`status=all` lists everything in scope, answered and closed included; any other value is one status. "
                + "`total` counts the matching requests up to the node's `Inbox:CountLimit` (1,000 by default); beyond it `totalIsExact` is false.");
        inbox.MapPost("/assignment", async Task<Ok<BulkAssignmentResult>> (BulkAssignmentRequest request, HttpContext http, Transitions.Transitions t, CancellationToken ct) =>
        {
            var ids = request.Ids ?? [];
            if (ids.Count is 0 or > 200)
            {
                throw new InvalidInputException(Validation.Of("ids", "validation.bulk_ids"));
            }

            return TypedResults.Ok(new BulkAssignmentResult(await t.AssignManyAsync(Caller.From(http.User), ids, request.UserName, ct)));
        }).WithName("BulkAssign").WithSummary("Assign several requests at once (up to 200).");

        var track = routes.MapGroup("/api/track").WithTags("Tracking").AllowAnonymous();
        track.MapGet("/{trackingNumber}", async Task<Results<Ok<TrackingView>, NotFound<ProblemDetails>>> (string trackingNumber, string? code, Tracking tracking, Texts texts, CancellationToken ct) =>
            await tracking.FindAsync(trackingNumber, code, ct) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.NotFound(Problems.Create(texts, StatusCodes.Status404NotFound, "error.tracking_not_found")))
            .WithName("TrackAppeal").WithSummary("Status and timeline by tracking number and access code; no personal data.");
        track.MapGet("/stream", StreamAsync).WithName("TrackAppealStream")
            .WithSummary("Server-Sent Events: a 'status' event whenever the tracked request changes. The token comes from the tracking page.");
        return routes;
    }

    public sealed record BulkAssignmentRequest(List<Guid>? Ids, string? UserName);

    public sealed record BulkAssignmentResult(int Assigned);

    public sealed record InboxQuery(
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "type")] string? Type,
        [FromQuery(Name = "category")] string? Category,
        [FromQuery(Name = "overdue")] bool? Overdue,
        [FromQuery(Name = "territoryId")] Guid? TerritoryId,
        [FromQuery(Name = "assignee")] string? Assignee,
        [FromQuery(Name = "page")] int? Page)
    {
        public InboxFilter ToFilter() => new(Status, Type, Category, Overdue, TerritoryId, Assignee, Page ?? 1);
    }

    // TRequest is a class (not an unconstrained generic, which minimal APIs read as "may be null"): a missing body or
    // a JSON null is then a 400 before the handler runs, never a null handed to it.
    private static void Transition<TRequest>(RouteGroupBuilder group, string verb, string name, string summary,
        Func<Transitions.Transitions, Caller, Guid, TRequest, CancellationToken, Task<TransitionResult>> handle) where TRequest : class =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Ok<TransitionResult>> (Guid id, TRequest request, HttpContext http, Transitions.Transitions t, CancellationToken ct) =>
            TypedResults.Ok(await handle(t, Caller.From(http.User), id, request, ct)))
            .WithName(name).WithSummary(summary);

    /// <summary>A transition whose body may be left out (or be <c>null</c>): the handler gets null and supplies what it means.</summary>
    private static void TransitionWithOptionalBody<TRequest>(RouteGroupBuilder group, string verb, string name, string summary,
        Func<Transitions.Transitions, Caller, Guid, TRequest?, CancellationToken, Task<TransitionResult>> handle) where TRequest : class =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Ok<TransitionResult>> (Guid id,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TRequest? request, HttpContext http, Transitions.Transitions t, CancellationToken ct) =>
            TypedResults.Ok(await handle(t, Caller.From(http.User), id, request, ct)))
            .WithName(name).WithSummary(summary);

    private static async Task<Created<FiledAppeal>> FileAsync(HttpContext http, FileAppealHandler handler, CancellationToken ct)
    {
        FileAppealRequest request;
        IReadOnlyList<IFormFile> files = [];
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            var validation = new Validation();
            FormBodies.RefuseUnknownOrRepeated<FileAppealRequest>(http.Request, form, validation);
            var anonymous = FormBodies.Flag(form, "isAnonymous", validation);
            validation.ThrowIfInvalid();
            request = new FileAppealRequest(form["type"], form["categoryCode"],
                Guid.TryParse(form["territoryId"], out var t) ? t : null, form["text"], form["language"].FirstOrDefault(), anonymous);
            files = form.Files.ToList();
        }
        else if (http.Request.HasJsonContentType())
        {
            request = await JsonBodies.ReadAsync<FileAppealRequest>(http.Request, ct);
        }
        else
        {
            throw new InvalidInputException(Validation.Of("body", "validation.content_type"));
        }

        var key = IdempotencyKeys.Of(http.Request);
        var filed = await handler.HandleAsync(Caller.From(http.User), request, files, key, ct);
        return TypedResults.Created($"/api/appeals/{filed.Id}", filed);
    }

    private static async Task<Results<ServerSentEventsResult<TrackingView>, NotFound>> StreamAsync(string? t, Tracking tracking, TrackingWatch watch,
        IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        var id = Contracts.TrackingTokens.Read(protection, Contracts.TrackingTokens.Stream, t, clock);
        if (id is null || await tracking.FindByIdAsync(id.Value, ct) is not { } view)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.ServerSentEvents(Changes(id.Value, view, tracking, watch, clock, ct), "status");
    }

    /// <summary>The view as it is, then again at each change the node's watch sees (ADR 0071), for at most half an hour.</summary>
    private static async IAsyncEnumerable<TrackingView> Changes(Guid id, TrackingView first, Tracking tracking, TrackingWatch watch, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var expiry = new CancellationTokenSource(TimeSpan.FromMinutes(30), clock);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
        yield return first;
        var known = first.Version;
        while (true)
        {
            try
            {
                await watch.ChangedFromAsync(id, known, until.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                yield break; // half an hour: the page reconnects with its token while that is valid, or shows the last status
            }

            if (await tracking.FindByIdAsync(id, ct) is not { } view)
            {
                yield break;
            }

            known = view.Version;
            yield return view;
        }
    }
}
