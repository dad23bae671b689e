using Mahalla.Web.Components.Shared;
using Mahalla.Web.Modules.Administration;
using Mahalla.Web.Modules.Territories;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.AspNetCore.Components;

namespace Mahalla.Web.Components.Pages.Admin;

/// <summary>
/// What the administration pages share: data is loaded for every request, a form post included (a
/// form that a page renders only around its record must be rendered for its post to be dispatched);
/// a form post then runs the use case and redirects back with <c>?saved=1</c> (so a reload never
/// posts twice), or shows the page again with the refusal and its status code (400, 404, 409).
/// </summary>
public abstract class AdminPageBase : PageBase
{
    /// <summary><c>?saved=1</c>, as <see cref="ActAsync"/> writes it (a <c>bool?</c> query parameter would refuse "1" and fail the page).</summary>
    [SupplyParameterFromQuery(Name = "saved")] protected int? SavedFlag { get; set; }

    protected bool? Saved => SavedFlag == 1;

    protected bool IsPost => HttpMethods.IsPost(Http.Request.Method);

    protected override Task OnInitializedAsync() => LoadAsync();

    protected abstract Task LoadAsync();

    /// <summary>Runs a write; on success goes to the address it returns, otherwise reloads the page around the refusal.</summary>
    protected async Task ActAsync(Func<Task<string>> write)
    {
        string? next = null;
        if (await RunAsync(async () => next = await write()))
        {
            Nav.NavigateTo(next + (next!.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "saved=1", forceLoad: true);
            return;
        }

        var status = Http.Response.StatusCode;
        var (errors, message) = (Errors, NotFound ? T["admin.error.not_found"] : Message);
        await LoadAsync();
        Http.Response.StatusCode = status;
        SetOutcome(errors, message);
    }

    /// <summary>The page's record does not exist: a 404 with a message, and the page shows what it can.</summary>
    protected void ShowNotFound()
    {
        Http.Response.StatusCode = StatusCodes.Status404NotFound;
        Message = T["admin.error.not_found"];
    }

    /// <summary>A handler's "no such record" (null) becomes the page's 404.</summary>
    protected static T Found<T>(T? value) where T : class => value ?? throw new NotFoundException();

    protected static void Found(bool found)
    {
        if (!found)
        {
            throw new NotFoundException();
        }
    }

    /// <summary>Territories for a select, in tree order, each indented under its parent; mahallas only when asked for.</summary>
    protected async Task<List<(Guid Id, string Label)>> TerritoryChoicesAsync(MahallaDb db, bool withMahallas)
    {
        var all = await TerritoriesModule.TerritoryListAsync(db, T.Culture, null, null, Aborted);
        var children = all.Where(t => withMahallas || t.Kind != "mahalla").ToLookup(t => t.ParentId);
        var result = new List<(Guid, string)>();
        void Add(Guid? parent, int depth)
        {
            foreach (var t in children[parent])
            {
                result.Add((t.Id, new string('\u00A0', depth * 4) + t.Name));
                Add(t.Id, depth + 1);
            }
        }

        Add(null, 0);
        return result;
    }
}

/// <summary>A name in the four languages as a form posts it.</summary>
public sealed class NamesForm
{
    public string? UzLatn { get; set; }

    public string? UzCyrl { get; set; }

    public string? Ru { get; set; }

    public string? En { get; set; }

    public NamesInput ToInput() => new(UzLatn, UzCyrl, Ru, En);

    public static NamesForm From(NamesInput names) => new() { UzLatn = names.UzLatn, UzCyrl = names.UzCyrl, Ru = names.Ru, En = names.En };
}

/// <summary>A rename form: the four names.</summary>
public sealed class RenameForm
{
    public NamesForm Names { get; set; } = new();
}

/// <summary>Activate or deactivate: the form says which, so a repeated post changes nothing more.</summary>
public sealed class ActivationForm
{
    public bool Active { get; set; }
}

/// <summary>Deadline terms as a form posts them, with the request type and category when a policy is created.</summary>
public sealed class TermsForm
{
    public string? RequestType { get; set; }

    public string? CategoryCode { get; set; }

    public int? RegistrationWorkingDays { get; set; }

    public int? AnswerDays { get; set; }

    public int? ExtendedAnswerDays { get; set; }

    public int? ConfirmationDays { get; set; }

    public int? ReopenedAnswerDays { get; set; }

    public int? EscalationWorkingDays { get; set; }

    public Modules.Administration.DeadlinePolicies.TermsInput ToInput() =>
        new(RegistrationWorkingDays, AnswerDays, ExtendedAnswerDays, ConfirmationDays, ReopenedAnswerDays, EscalationWorkingDays);

    public static TermsForm From(Modules.Administration.DeadlinePolicies.TermsInput t) => new()
    {
        RegistrationWorkingDays = t.RegistrationWorkingDays, AnswerDays = t.AnswerDays, ExtendedAnswerDays = t.ExtendedAnswerDays,
        ConfirmationDays = t.ConfirmationDays, ReopenedAnswerDays = t.ReopenedAnswerDays, EscalationWorkingDays = t.EscalationWorkingDays,
    };
}
