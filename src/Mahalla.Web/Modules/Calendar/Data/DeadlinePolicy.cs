namespace Mahalla.Web.Modules.Calendar.Data;

/// <summary>
/// Deadlines for one request type and/or category; the most specific policy wins (type and
/// category, then category, then type, then the default with neither). The defaults follow the
/// appeals law (ZRU-445): registration within one working day, an answer within 15 days, up to
/// one month with a recorded extension. There is one policy for each combination, kept by a unique
/// <see cref="Scope"/> (ADR 0081).
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>The longest scope: a request type (at most 20 characters, as its column), the separator and a category code (at most 40).</summary>
    public const int MaxScopeLength = 61;

    private DeadlinePolicy()
    {
    }

    public DeadlinePolicy(Guid id, string? requestType, string? categoryCode, DeadlineTerms terms)
    {
        Id = id;
        RequestType = requestType;
        CategoryCode = categoryCode;
        Scope = ScopeOf(requestType, categoryCode);
        Change(terms);
    }

    public Guid Id { get; private set; }

    /// <summary>application, proposal, complaint; null for every type.</summary>
    public string? RequestType { get; private set; }

    public string? CategoryCode { get; private set; }

    /// <summary>
    /// The type and category this policy is for, as one key that is never null (<c>complaint:water-supply</c>,
    /// <c>*:roads</c>, <c>*:*</c> for the default), so that the database keeps one policy for each: a unique index over the
    /// two nullable columns would let SQLite hold any number of policies with a null among them.
    /// </summary>
    public string Scope { get; private set; } = null!;

    public static string ScopeOf(string? requestType, string? categoryCode) => $"{requestType ?? "*"}:{categoryCode ?? "*"}";

    public int RegistrationWorkingDays { get; private set; }

    public int AnswerDays { get; private set; }

    public int ExtendedAnswerDays { get; private set; }

    /// <summary>How long the citizen has to confirm or dispute an answer before it closes as answered, not confirmed.</summary>
    public int ConfirmationDays { get; private set; }

    /// <summary>Time the next level gets to answer after a dispute reopens the request.</summary>
    public int ReopenedAnswerDays { get; private set; }

    /// <summary>Working days an escalated request waits at a level before it escalates again.</summary>
    public int EscalationWorkingDays { get; private set; }

    public DeadlineTerms Terms => new(RegistrationWorkingDays, AnswerDays, ExtendedAnswerDays, ConfirmationDays, ReopenedAnswerDays, EscalationWorkingDays);

    public int Specificity => (RequestType is null ? 0 : 1) + (CategoryCode is null ? 0 : 2);

    public void Change(DeadlineTerms terms)
    {
        terms.EnsureValid();
        RegistrationWorkingDays = terms.RegistrationWorkingDays;
        AnswerDays = terms.AnswerDays;
        ExtendedAnswerDays = terms.ExtendedAnswerDays;
        ConfirmationDays = terms.ConfirmationDays;
        ReopenedAnswerDays = terms.ReopenedAnswerDays;
        EscalationWorkingDays = terms.EscalationWorkingDays;
    }
}

public sealed record DeadlineTerms(
    int RegistrationWorkingDays,
    int AnswerDays,
    int ExtendedAnswerDays,
    int ConfirmationDays,
    int ReopenedAnswerDays,
    int EscalationWorkingDays)
{
    public static DeadlineTerms Law { get; } = new(1, 15, 30, 10, 10, 3);

    public void EnsureValid()
    {
        if (RegistrationWorkingDays is < 0 or > 30 || AnswerDays is < 1 or > 90 || ExtendedAnswerDays < AnswerDays || ExtendedAnswerDays > 120
            || ConfirmationDays is < 1 or > 90 || ReopenedAnswerDays is < 1 or > 90 || EscalationWorkingDays is < 1 or > 30)
        {
            throw new ArgumentException("Deadline terms out of range: registration 0–30 working days, answer 1–90 days, extension ≥ answer and ≤ 120.");
        }
    }
}
