using System.Text.Json;
using Mahalla.Triage;
using Mahalla.Triage.Duplicates;
using Mahalla.Triage.Languages;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Modules.Triage.Models;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Triage.OnFiling;

/// <summary>The analysis of one request on its way through filing.</summary>
internal sealed record TriageSuggestion(string CategoryCode, string? ChosenCategoryCode, TriageResult Result, TriageDecision Decision, string ModelName)
    : FilingSuggestion(CategoryCode)
{
    public string PredictedCategoryCode => Result.Categories[0].Label;

    public double Probability => Result.Categories[0].Probability;
}

/// <summary>
/// Triage on filing (ADR 0050). A citizen who leaves the topic open is routed by the model when it
/// is confident (at least <see cref="TriageOptions.AutoRouteConfidence"/>); otherwise the request
/// goes to the fallback category's body (the mahalla council) and waits in the triage queue. A
/// citizen's own category always routes the request; when a confident model disagrees, the request
/// also waits in the queue for staff to look again. The assessment, with urgency, summary and the
/// duplicate group, is written in the filing transaction.
/// </summary>
internal sealed class FilingTriage(MahallaDb db, ActiveModel models, Router router, IOptions<TriageOptions> options) : IFilingTriage
{
    public async ValueTask<FilingSuggestion> SuggestAsync(string text, string? chosenCategoryCode, CancellationToken ct)
    {
        var (_, model) = await models.CurrentAsync(db, ct);
        var result = RequestTriage.Analyse(text, model);
        var top = result.Categories[0];
        var confident = top.Probability >= options.Value.AutoRouteConfidence
            && await db.Categories.AsNoTracking().AnyAsync(c => c.Code == top.Label && c.IsActive, ct);
        var (category, decision) = chosenCategoryCode switch
        {
            null when confident => (top.Label, TriageDecision.AutoRouted),
            null => (options.Value.FallbackCategory, TriageDecision.Waiting),
            _ when confident && top.Label != chosenCategoryCode => (chosenCategoryCode, TriageDecision.Waiting),
            _ => (chosenCategoryCode, TriageDecision.CitizenChose),
        };
        return new TriageSuggestion(category, chosenCategoryCode, result, decision, model.Card.Name);
    }

    public async Task RecordAsync(FilingSuggestion suggestion, Appeal appeal, CancellationToken ct)
    {
        var s = (TriageSuggestion)suggestion;
        var suggestedOrganization = s.PredictedCategoryCode == appeal.CategoryCode
            ? appeal.ResponsibleOrganizationId
            : await SuggestedOrganizationAsync(s.PredictedCategoryCode, appeal, ct);
        var assessment = new TriageAssessment(appeal.Id, appeal.TerritoryId, appeal.ApplicantUserId, appeal.FiledAtUtc, s.ChosenCategoryCode,
            s.PredictedCategoryCode, s.Probability, suggestedOrganization, s.Result.Urgency.Level, TriageJson.Flags(s.Result.Urgency),
            s.Result.Summary, JsonSerializer.Serialize(s.Result.Keywords.Select(k => k.Term)), s.Result.Language.Language.ToTag(),
            s.Result.Signature.ToBase64(), s.ModelName, s.Decision);
        if (await DuplicateGroups.FindGroupAsync(db, assessment, appeal.CategoryCode, options.Value, ct) is { } group)
        {
            assessment.JoinGroup(group);
        }

        db.Add(assessment);
    }

    private async Task<Guid> SuggestedOrganizationAsync(string categoryCode, Appeal appeal, CancellationToken ct)
    {
        var known = await db.Categories.AsNoTracking().AnyAsync(c => c.Code == categoryCode, ct);
        var mahalla = await db.Territories.AsNoTracking().FirstAsync(t => t.Id == appeal.TerritoryId, ct);
        return known ? await router.ResponsibleForAsync(categoryCode, mahalla, ct) : appeal.ResponsibleOrganizationId;
    }
}

/// <summary>
/// Duplicate groups over stored assessments: a new request joins the group of its most similar
/// earlier request in the same mahalla and time window (text similarity by MinHash, same category);
/// staff merge and split groups afterwards. A group is known by its master, the earliest request.
/// </summary>
internal static class DuplicateGroups
{
    private const int MaxCandidates = 5_000;

    public static async Task<Guid?> FindGroupAsync(MahallaDb db, TriageAssessment request, string categoryCode, TriageOptions options, CancellationToken ct)
    {
        var since = request.FiledAtUtc - options.DuplicateWindow;
        var earlier = await (from x in db.Set<TriageAssessment>().AsNoTracking()
                             join a in db.Appeals on x.AppealId equals a.Id
                             where x.TerritoryId == request.TerritoryId && x.FiledAtUtc >= since && x.AppealId != request.AppealId
                             orderby x.FiledAtUtc descending
                             select new { x.AppealId, x.Signature, x.FiledAtUtc, x.ApplicantUserId, x.GroupId, a.CategoryCode })
            .Take(MaxCandidates).ToListAsync(ct);
        if (earlier.Count == 0)
        {
            return null;
        }

        var grouper = new DuplicateGrouper(new DuplicateOptions { MinSimilarity = options.DuplicateSimilarity, Window = options.DuplicateWindow });
        foreach (var e in earlier.OrderBy(e => e.FiledAtUtc))
        {
            grouper.Add(Candidate(e.AppealId, e.Signature, e.FiledAtUtc, request.TerritoryId, e.CategoryCode, e.ApplicantUserId));
        }

        var best = grouper.FindDuplicates(Candidate(request.AppealId, request.Signature, request.FiledAtUtc, request.TerritoryId, categoryCode, request.ApplicantUserId))
            .FirstOrDefault();
        return best.Id is null ? null : earlier.First(e => e.AppealId.ToString("N") == best.Id).GroupId;
    }

    private static DuplicateCandidate Candidate(Guid id, string signature, DateTime atUtc, Guid territoryId, string category, Guid? applicant) =>
        new(id.ToString("N"), TextSignature.FromBase64(signature), atUtc, null, territoryId.ToString("N"), category, applicant?.ToString("N"));
}

internal static class TriageJson
{
    public static string Flags(Mahalla.Triage.Urgency.UrgencyAssessment urgency) =>
        JsonSerializer.Serialize(urgency.Flags.Select(f => new UrgencyFlagNote(FlagCode(f.Kind), f.IsDanger, f.Evidence)), JsonSerializerOptions.Web);

    public static IReadOnlyList<UrgencyFlagNote> ReadFlags(string json) =>
        JsonSerializer.Deserialize<List<UrgencyFlagNote>>(json, JsonSerializerOptions.Web) ?? [];

    public static string FlagCode(Mahalla.Triage.Urgency.FlagKind kind) => kind switch
    {
        Mahalla.Triage.Urgency.FlagKind.GasLeak => "gas_leak",
        Mahalla.Triage.Urgency.FlagKind.Fire => "fire",
        Mahalla.Triage.Urgency.FlagKind.ElectricalHazard => "electrical_hazard",
        Mahalla.Triage.Urgency.FlagKind.Flooding => "flooding",
        Mahalla.Triage.Urgency.FlagKind.Collapse => "collapse",
        Mahalla.Triage.Urgency.FlagKind.Disability => "disability",
        Mahalla.Triage.Urgency.FlagKind.LonelyElderly => "lonely_elderly",
        Mahalla.Triage.Urgency.FlagKind.Children => "children",
        Mahalla.Triage.Urgency.FlagKind.Pregnancy => "pregnancy",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string LevelCode(Mahalla.Triage.Urgency.UrgencyLevel level) => level.ToString().ToLowerInvariant();

    public static Mahalla.Triage.Urgency.UrgencyLevel? ParseLevel(string? code) =>
        Enum.GetValues<Mahalla.Triage.Urgency.UrgencyLevel>().Cast<Mahalla.Triage.Urgency.UrgencyLevel?>().FirstOrDefault(l => LevelCode(l!.Value) == code);

    public static string DecisionCode(TriageDecision decision) => decision switch
    {
        TriageDecision.AutoRouted => "auto_routed",
        TriageDecision.CitizenChose => "citizen_chose",
        TriageDecision.Waiting => "waiting",
        TriageDecision.Decided => "decided",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
