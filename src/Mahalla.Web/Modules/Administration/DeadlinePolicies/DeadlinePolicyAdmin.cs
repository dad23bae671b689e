using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.DeadlinePolicies;

public sealed record DeadlinePolicyView(Guid Id, string? RequestType, string? CategoryCode, string? CategoryName, TermsInput Terms);

/// <summary>Deadline terms in days; see <see cref="DeadlineTerms"/> for what each one governs.</summary>
public sealed record TermsInput(int? RegistrationWorkingDays, int? AnswerDays, int? ExtendedAnswerDays, int? ConfirmationDays,
    int? ReopenedAnswerDays, int? EscalationWorkingDays)
{
    public static TermsInput From(DeadlineTerms t) =>
        new(t.RegistrationWorkingDays, t.AnswerDays, t.ExtendedAnswerDays, t.ConfirmationDays, t.ReopenedAnswerDays, t.EscalationWorkingDays);
}

public sealed record NewDeadlinePolicyRequest(string? RequestType, string? CategoryCode, TermsInput? Terms);

/// <summary>
/// Deadline policies per request type and/or category. The policy with neither is the default
/// (the law's terms) and always stays; a more specific one overrides it for its requests.
/// </summary>
internal sealed class DeadlinePolicyAdmin(MahallaDb db, Texts texts)
{
    public static readonly IReadOnlyList<string> RequestTypes = ["application", "proposal", "complaint"];

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/deadline-policies");
        group.MapGet("/", async Task<Ok<IReadOnlyList<DeadlinePolicyView>>> (DeadlinePolicyAdmin a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(ct)))
            .WithName("AdminDeadlinePolicies").WithSummary("Every deadline policy, the default first.");
        group.MapRead("/{id:guid}", (DeadlinePolicyAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminDeadlinePolicy").WithSummary("One deadline policy.");
        group.MapCreate("/", (DeadlinePolicyAdmin a, NewDeadlinePolicyRequest r, CancellationToken ct) => a.CreateAsync(r, ct), p => $"/api/admin/deadline-policies/{p.Id}")
            .WithName("AdminCreateDeadlinePolicy").WithSummary("Create a policy for a request type and/or a category (one per combination).");
        group.MapChange("/{id:guid}/terms", (DeadlinePolicyAdmin a, Caller _, Guid id, TermsInput r, CancellationToken ct) => a.ChangeAsync(id, r, ct))
            .WithName("AdminChangeDeadlineTerms").WithSummary("Change a policy's terms; requests filed from now on get them.");
        group.MapRemove((DeadlinePolicyAdmin a, Guid id, CancellationToken ct) => a.DeleteAsync(id, ct))
            .WithName("AdminDeleteDeadlinePolicy").WithSummary("Delete a specific policy (the default stays).");
    }

    public async Task<IReadOnlyList<DeadlinePolicyView>> ListAsync(CancellationToken ct) =>
        await ViewsAsync(await db.DeadlinePolicies.AsNoTracking().ToListAsync(ct), ct);

    public async Task<DeadlinePolicyView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.DeadlinePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p ? (await ViewsAsync([p], ct))[0] : null;

    public async Task<DeadlinePolicyView> CreateAsync(NewDeadlinePolicyRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var type = string.IsNullOrWhiteSpace(request.RequestType) ? null : request.RequestType.Trim();
        if (type is not null && !RequestTypes.Contains(type))
        {
            validation.Add("requestType", "validation.type");
        }

        var category = string.IsNullOrWhiteSpace(request.CategoryCode) ? null : request.CategoryCode.Trim();
        if (category is not null && !await db.Categories.AnyAsync(c => c.Code == category, ct))
        {
            validation.Add("categoryCode", "validation.category");
        }

        var terms = Terms(request.Terms, validation);
        validation.ThrowIfInvalid();
        var scope = DeadlinePolicy.ScopeOf(type, category);
        if (await db.DeadlinePolicies.AnyAsync(p => p.Scope == scope, ct))
        {
            throw new BusinessRuleException("admin.rule.deadline_policy_exists");
        }

        var policy = new DeadlinePolicy(Guid.CreateVersion7(), type, category, terms!);
        db.DeadlinePolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([policy], ct))[0];
    }

    public async Task<DeadlinePolicyView?> ChangeAsync(Guid id, TermsInput request, CancellationToken ct)
    {
        if (await db.DeadlinePolicies.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return null;
        }

        var validation = new Validation();
        var terms = Terms(request, validation);
        validation.ThrowIfInvalid();
        policy.Change(terms!);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([policy], ct))[0];
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.DeadlinePolicies.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } policy)
        {
            return false;
        }

        if (policy is { RequestType: null, CategoryCode: null })
        {
            throw new BusinessRuleException("admin.rule.default_policy_stays");
        }

        await db.RemoveFoundAsync(policy, ct);
        return true;
    }

    /// <summary>Every term is required; the ranges and their relations are the entity's own rule (<see cref="DeadlineTerms.EnsureValid"/>).</summary>
    private static DeadlineTerms? Terms(TermsInput? input, Validation validation)
    {
        var fields = new (string Field, int? Value)[]
        {
            ("terms.registrationWorkingDays", input?.RegistrationWorkingDays), ("terms.answerDays", input?.AnswerDays),
            ("terms.extendedAnswerDays", input?.ExtendedAnswerDays), ("terms.confirmationDays", input?.ConfirmationDays),
            ("terms.reopenedAnswerDays", input?.ReopenedAnswerDays), ("terms.escalationWorkingDays", input?.EscalationWorkingDays),
        };
        foreach (var (field, _) in fields.Where(f => f.Value is null))
        {
            validation.Add(field, "validation.required");
        }

        if (input is null || fields.Any(f => f.Value is null))
        {
            return null;
        }

        var terms = new DeadlineTerms(input.RegistrationWorkingDays!.Value, input.AnswerDays!.Value, input.ExtendedAnswerDays!.Value,
            input.ConfirmationDays!.Value, input.ReopenedAnswerDays!.Value, input.EscalationWorkingDays!.Value);
        try
        {
            terms.EnsureValid();
            return terms;
        }
        catch (ArgumentException)
        {
            validation.Add("terms", "admin.validation.deadline_terms");
            return null;
        }
    }

    private async Task<List<DeadlinePolicyView>> ViewsAsync(IReadOnlyList<DeadlinePolicy> policies, CancellationToken ct)
    {
        var codes = policies.Where(p => p.CategoryCode is not null).Select(p => p.CategoryCode!).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        return policies
            .OrderBy(p => p.Specificity).ThenBy(p => p.CategoryCode).ThenBy(p => p.RequestType)
            .Select(p => new DeadlinePolicyView(p.Id, p.RequestType, p.CategoryCode,
                p.CategoryCode is { } code ? categories.GetValueOrDefault(code)?.Name.In(texts.Culture) ?? code : null, TermsInput.From(p.Terms)))
            .ToList();
    }
}
