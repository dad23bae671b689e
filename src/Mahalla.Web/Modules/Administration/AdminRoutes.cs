using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Mahalla.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mahalla.Web.Modules.Administration;

/// <summary>
/// The shapes every admin resource shares: read one, create, change, act, remove. A handler answers
/// null (or false) for an unknown id, which becomes a 404 ProblemDetails that names no entity kind;
/// refusals travel as exceptions to the one problem handler (400, 409). A request body's type is a class, so that a
/// missing body or a JSON null is a 400 before the handler runs (an unconstrained generic would let null through).
/// </summary>
internal static class AdminRoutes
{
    public static RouteHandlerBuilder MapRead<TAdmin, TView>(this RouteGroupBuilder group, string pattern,
        Func<TAdmin, Guid, CancellationToken, Task<TView?>> read) where TAdmin : notnull where TView : class =>
        group.MapGet(pattern, async Task<Results<Ok<TView>, ProblemHttpResult>> (Guid id, HttpContext http, Texts texts, CancellationToken ct) =>
            OkOrNotFound(await read(Handler<TAdmin>(http), id, ct), texts));

    /// <summary>A creation; the pattern is a parameter like the others' (a constant one makes the route analyzer fail on the generic body type).</summary>
    public static RouteHandlerBuilder MapCreate<TAdmin, TRequest, TView>(this RouteGroupBuilder group, string pattern,
        Func<TAdmin, TRequest, CancellationToken, Task<TView>> create, Func<TView, string> location) where TAdmin : notnull where TRequest : class =>
        group.MapPost(pattern, async Task<Created<TView>> (TRequest request, HttpContext http, CancellationToken ct) =>
        {
            var created = await create(Handler<TAdmin>(http), request, ct);
            return TypedResults.Created(location(created), created);
        });

    /// <summary>
    /// A creation that a retry makes once: under the caller's <c>Idempotency-Key</c> the handler is given the id of what it
    /// makes (ADR 0086), and answers a retry with what the first request made, or 409 when the key comes with another request.
    /// </summary>
    public static RouteHandlerBuilder MapCreateOnce<TAdmin, TRequest, TView>(this RouteGroupBuilder group, string pattern,
        Func<TAdmin, TRequest, Guid?, CancellationToken, Task<TView>> create, Func<TView, string> location) where TAdmin : notnull where TRequest : class =>
        group.MapPost(pattern, async Task<Created<TView>> (TRequest request, HttpContext http, CancellationToken ct) =>
        {
            var created = await create(Handler<TAdmin>(http), request, IdempotencyKeys.IdOf(http), ct);
            return TypedResults.Created(location(created), created);
        }).TakesIdempotencyKey("A retry gets what the first request created, and creates nothing new.");

    /// <summary>A change with a body (PUT of a sub-resource), for the caller.</summary>
    public static RouteHandlerBuilder MapChange<TAdmin, TRequest, TView>(this RouteGroupBuilder group, string pattern,
        Func<TAdmin, Caller, Guid, TRequest, CancellationToken, Task<TView?>> change) where TAdmin : notnull where TRequest : class where TView : class =>
        group.MapPut(pattern, async Task<Results<Ok<TView>, ProblemHttpResult>> (Guid id, TRequest request, HttpContext http, Texts texts, CancellationToken ct) =>
            OkOrNotFound(await change(Handler<TAdmin>(http), Caller.From(http.User), id, request, ct), texts));

    /// <summary>A state change without a body (POST or DELETE of a sub-resource such as /deactivation or /lockout).</summary>
    public static RouteHandlerBuilder MapAct<TAdmin, TView>(this RouteGroupBuilder group, string method, string pattern,
        Func<TAdmin, Caller, Guid, CancellationToken, Task<TView?>> act) where TAdmin : notnull where TView : class =>
        group.MapMethods(pattern, new[] { method }, async Task<Results<Ok<TView>, ProblemHttpResult>> (Guid id, HttpContext http, Texts texts, CancellationToken ct) =>
            OkOrNotFound(await act(Handler<TAdmin>(http), Caller.From(http.User), id, ct), texts));

    public static RouteHandlerBuilder MapRemove<TAdmin>(this RouteGroupBuilder group, Func<TAdmin, Guid, CancellationToken, Task<bool>> remove)
        where TAdmin : notnull =>
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, HttpContext http, Texts texts, CancellationToken ct) =>
            await remove(Handler<TAdmin>(http), id, ct) ? TypedResults.NoContent() : NotFound(texts));

    // The handler comes from the request's services rather than as a lambda parameter: the route handler
    // analyzer cannot inspect a service parameter whose type is a generic type parameter.
    private static TAdmin Handler<TAdmin>(HttpContext http) where TAdmin : notnull => http.RequestServices.GetRequiredService<TAdmin>();

    public static Results<Ok<T>, ProblemHttpResult> OkOrNotFound<T>(T? value, Texts texts) where T : class =>
        value is not null ? TypedResults.Ok(value) : NotFound(texts);

    public static ProblemHttpResult NotFound(Texts texts) =>
        TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "admin.error.not_found"));
}
