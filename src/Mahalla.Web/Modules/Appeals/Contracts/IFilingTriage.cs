using Mahalla.Web.Modules.Appeals.Data;

namespace Mahalla.Web.Modules.Appeals.Contracts;

/// <summary>
/// What the filing handler asks of triage, if a triage module is registered. Before routing,
/// <see cref="SuggestAsync"/> reads the text and names the category to route by; inside the filing
/// transaction, before it is saved,, <see cref="RecordAsync"/> records the assessment. Without a
/// triage module a citizen must choose a category, exactly as before.
/// </summary>
public interface IFilingTriage
{
    /// <summary>
    /// Reads the text. <paramref name="chosenCategoryCode"/> is the citizen's category, or null when
    /// the citizen left the topic to the platform; the suggestion names the category to route by.
    /// </summary>
    ValueTask<FilingSuggestion> SuggestAsync(string text, string? chosenCategoryCode, CancellationToken ct);

    /// <summary>Records the assessment of a filed request; adds to the unit of work without saving it.</summary>
    Task RecordAsync(FilingSuggestion suggestion, Appeal appeal, CancellationToken ct);
}

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
