using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace Mahalla.Web.Components.Shared;

/// <summary>
/// What every page shares: the caller, and running a use case so that a refusal becomes a page
/// with the right status code (400, 403, 404, 409) and a message in the user's language, the same
/// outcomes the API gives as ProblemDetails.
/// </summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter] public HttpContext Http { get; set; } = null!;

    [Inject] protected Texts T { get; set; } = null!;

    [Inject] protected NavigationManager Nav { get; set; } = null!;

    protected Caller Caller => Caller.From(Http.User);

    protected Validation? Errors { get; private set; }

    protected string? Message { get; set; }

    protected bool NotFound { get; private set; }

    protected CancellationToken Aborted => Http.RequestAborted;

    protected async Task<bool> RunAsync(Func<Task> action)
    {
        Errors = null;
        Message = null;
        try
        {
            await action();
            return true;
        }
        catch (InvalidInputException invalid)
        {
            Errors = invalid.Validation;
            Http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (Exception refused) when (Problems.Refusal(refused) is { } refusal)
        {
            Message = T[refusal.Code];
            NotFound = refusal.Status == StatusCodes.Status404NotFound;
            Http.Response.StatusCode = refusal.Status;
        }

        return false;
    }

    /// <summary>Keeps a refusal's outcome when the page reloads its data after it.</summary>
    protected void SetOutcome(Validation? errors, string? message)
    {
        Errors = errors;
        Message = message;
    }

    protected static string Local(DateTime utc) => Modules.Appeals.ViewAppeal.Tashkent.Show(utc);

    protected static string Local(DateTime? utc) => utc is { } v ? Local(v) : "—";
}
