using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Web.Modules.Appeals.Contracts;

/// <summary>
/// What the filing handler asks of triage, if a triage module is registered. Before routing,
/// <see cref="SuggestAsync"/> reads the text and names the category to route by; once the request
/// is routed, and still before the filing transaction, <see cref="PrepareAsync"/> makes the
/// assessment (it may read the database); inside the transaction <see cref="RecordAsync"/> adds it to
/// the unit of work with at most one statement (the count of the duplicate group it joins), so that
/// the transaction (and the tracking-number counter it holds) stays short. Without a triage module a citizen must choose a category, exactly as before.
/// </summary>
public interface IFilingTriage
{
    /// <summary>
    /// Reads the text. <paramref name="chosenCategoryCode"/> is the citizen's category, or null when
    /// the citizen left the topic to the platform; the suggestion names the category to route by.
    /// </summary>
    ValueTask<FilingSuggestion> SuggestAsync(string text, string? chosenCategoryCode, CancellationToken ct);

    /// <summary>Makes the assessment of the request about to be filed; saves nothing.</summary>
    Task<FilingSuggestion> PrepareAsync(FilingSuggestion suggestion, FilingFacts filing, CancellationToken ct);

    /// <summary>
    /// Adds the prepared assessment of the filed request to the unit of work without saving it; may
    /// run one statement in the filing transaction.
    /// </summary>
    Task RecordAsync(FilingSuggestion prepared, Appeal appeal, CancellationToken ct);
}

/// <summary>What is known of a request before it is filed: the facts an assessment is made of.</summary>
public sealed record FilingFacts(Guid AppealId, Guid TerritoryId, Guid? ApplicantUserId, DateTime FiledAtUtc, string CategoryCode, Guid ResponsibleOrganizationId);

/// <summary>The category a request is routed by; triage implementations carry their analysis in a derived record.</summary>
public abstract record FilingSuggestion(string CategoryCode);

/// <summary>What triage adds to a request in the staff inbox and on the request's page.</summary>
public sealed record AppealTriageNote(
    string UrgencyLevel, IReadOnlyList<UrgencyFlagNote> Flags, string Summary, string Decision,
    string? SuggestedCategoryCode, double Probability, Guid GroupMasterId, int GroupSize, int AffectedPeople);

/// <summary>One urgency flag (gas_leak, fire, children…) and the words that raised it.</summary>
public sealed record UrgencyFlagNote(string Kind, bool IsDanger, IReadOnlyList<string> Evidence);

/// <summary>Triage notes for requests the caller already may see (staff only).</summary>
public interface IAppealTriageNotes
{
    Task<IReadOnlyDictionary<Guid, AppealTriageNote>> ForAsync(IReadOnlyCollection<Guid> appealIds, CancellationToken ct);
}
