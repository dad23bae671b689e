using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Appeals.Data;

/// <summary>Who did something: a user in a role, or the system (escalation, auto-closure).</summary>
public sealed record Actor(Guid? UserId, string Role)
{
    public static Actor System { get; } = new(null, "system");
}

/// <summary>
/// A request of the request engine (an appeal: application, proposal or complaint). Every change
/// of its workflow state goes through a method named for the business verb, which checks its rules
/// and appends an <see cref="AppealEvent"/>: nothing changes state without an event, and the event
/// is saved in the same transaction as the change. <see cref="Version"/> is a concurrency token, so
/// two nodes (or a replayed form) can never both apply a transition to the same state.
/// </summary>
public sealed class Appeal
{
    public const int MaxTextLength = 10_000;
    public const int MaxReasonLength = 2_000;
    public const int MaxEscalationLevel = 2;

    private readonly List<AppealEvent> _events = [];

    private Appeal()
    {
    }

    public Guid Id { get; private set; }

    public string TrackingNumber { get; private set; } = "";

    /// <summary>SHA-256 of the secret access code; the code itself is shown once and never stored.</summary>
    public string AccessCodeHash { get; private set; } = "";

    public AppealType Type { get; private set; }

    public string CategoryCode { get; private set; } = "";

    public Guid TerritoryId { get; private set; }

    public string TerritoryPath { get; private set; } = "";

    /// <summary>The citizen's text, stored as given and always rendered escaped. Personal data.</summary>
    public string Text { get; private set; } = "";

    public string Language { get; private set; } = "";

    public bool IsAnonymous { get; private set; }

    public Guid? ApplicantUserId { get; private set; }

    public Guid ResponsibleOrganizationId { get; private set; }

    public Guid? AssigneeUserId { get; private set; }

    public AppealStatus Status { get; private set; }

    /// <summary>0 at the responsible body, 1 at the district, 2 at the region.</summary>
    public int EscalationLevel { get; private set; }

    public int EscalationCount { get; private set; }

    public DateTime FiledAtUtc { get; private set; }

    public DateTime RegistrationDueUtc { get; private set; }

    public DateTime AnswerDueUtc { get; private set; }

    public DateTime? RegisteredAtUtc { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>When an answered request closes as unconfirmed if the citizen says nothing.</summary>
    public DateTime? ConfirmationDueUtc { get; private set; }

    /// <summary>Earliest time the next escalation may happen; holds an escalated request at its level for a while.</summary>
    public DateTime? NextEscalationAtUtc { get; private set; }

    /// <summary>
    /// When the deadline sweeper next has something to do with this request: escalate it (open, below the top level,
    /// once it is overdue and no longer held at its level) or close it unconfirmed (answered, once the confirmation
    /// period is over). Null when there is nothing for it to do. Kept by every transition (<see cref="Record"/>), so that
    /// the sweeper reads only the due requests, in a partial index of this column (M0019), however many wait.
    /// </summary>
    public DateTime? SweepDueUtc { get; private set; }

    public string? ExtensionReason { get; private set; }

    public string? AnswerText { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public string? DisputeReason { get; private set; }

    public int? RatingScore { get; private set; }

    public string? RatingComment { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AppealEvent> Events => _events;

    public static Appeal File(
        Guid id, string trackingNumber, string accessCodeHash, AppealType type, string categoryCode,
        Guid territoryId, string territoryPath, string text, string language, bool isAnonymous,
        Actor applicant, Guid responsibleOrganizationId, DateTime registrationDueUtc, DateTime answerDueUtc, DateTime nowUtc)
    {
        TextMustBeGiven(text, MaxTextLength);
        var appeal = new Appeal
        {
            Id = id,
            TrackingNumber = trackingNumber,
            AccessCodeHash = accessCodeHash,
            Type = type,
            CategoryCode = categoryCode,
            TerritoryId = territoryId,
            TerritoryPath = territoryPath,
            Text = text,
            Language = language,
            IsAnonymous = isAnonymous,
            ApplicantUserId = applicant.UserId,
            ResponsibleOrganizationId = responsibleOrganizationId,
            Status = AppealStatus.Submitted,
            FiledAtUtc = nowUtc,
            RegistrationDueUtc = registrationDueUtc,
            AnswerDueUtc = answerDueUtc,
        };
        appeal.Record(EventKind.Filed, null, applicant, nowUtc, organizationId: responsibleOrganizationId);
        return appeal;
    }

    public bool IsOverdue(DateTime nowUtc) => Overdue(Status, RegistrationDueUtc, AnswerDueUtc, nowUtc);

    /// <summary>Open and past its answer deadline, or still waiting for registration past that deadline.</summary>
    public static bool Overdue(AppealStatus status, DateTime registrationDueUtc, DateTime answerDueUtc, DateTime nowUtc) =>
        status.IsOpen() && (nowUtc > answerDueUtc || (status == AppealStatus.Submitted && nowUtc > registrationDueUtc));

    /// <summary>
    /// Takes the request into work (registering it if it was waiting) and gives it to a person. Given again to the person
    /// who has it, nothing changes and nothing is recorded (a second click, a bulk assignment that includes it): false.
    /// </summary>
    public bool Assign(Guid assigneeUserId, Actor actor, DateTime nowUtc)
    {
        Rule(Status.IsOpen(), "rule.only_open_requests_can_be_assigned");
        if (AssigneeUserId == assigneeUserId && Status != AppealStatus.Submitted)
        {
            return false;
        }

        var from = Status;
        AssigneeUserId = assigneeUserId;
        if (Status == AppealStatus.Submitted)
        {
            Status = AppealStatus.InProgress;
            RegisteredAtUtc = nowUtc;
        }

        Record(EventKind.Assigned, from, actor, nowUtc);
        return true;
    }

    /// <summary>Sends the request to the competent body, with a reason the citizen is told.</summary>
    public void Forward(Guid toOrganizationId, string reason, Actor actor, DateTime nowUtc)
    {
        Rule(Status.IsOpen(), "rule.only_open_requests_can_be_forwarded");
        Rule(toOrganizationId != ResponsibleOrganizationId, "rule.forward_to_another_organization");
        TextMustBeGiven(reason, MaxReasonLength);
        var from = Status;
        ResponsibleOrganizationId = toOrganizationId;
        AssigneeUserId = null;
        if (Status == AppealStatus.InProgress)
        {
            Status = AppealStatus.Submitted;
        }

        Record(EventKind.Forwarded, from, actor, nowUtc, reason, toOrganizationId);
    }

    /// <summary>
    /// Staff decide the topic (and with it the responsible body) of a request that triage could not
    /// place, or correct the one it had: a new organisation takes the request over as a forward would.
    /// </summary>
    public void Reclassify(string categoryCode, Guid organizationId, Actor actor, DateTime nowUtc)
    {
        Rule(Status.IsOpen(), "triage.rule.only_open_requests_can_be_reclassified");
        Rule(categoryCode != CategoryCode || organizationId != ResponsibleOrganizationId, "triage.rule.reclassify_must_change_something");
        var from = Status;
        var reason = categoryCode == CategoryCode ? null : $"{CategoryCode} → {categoryCode}";
        CategoryCode = categoryCode;
        if (organizationId != ResponsibleOrganizationId)
        {
            ResponsibleOrganizationId = organizationId;
            AssigneeUserId = null;
            if (Status == AppealStatus.InProgress)
            {
                Status = AppealStatus.Submitted;
            }
        }

        Record(EventKind.Reclassified, from, actor, nowUtc, reason, organizationId);
    }

    /// <summary>Extends the answer deadline once, up to the legal maximum, with a recorded reason.</summary>
    public void ExtendDeadline(string reason, DateTime extendedDueUtc, Actor actor, DateTime nowUtc)
    {
        Rule(Status.IsOpen(), "rule.only_open_requests_can_be_extended");
        Rule(ExtensionReason is null, "rule.deadline_can_be_extended_once");
        TextMustBeGiven(reason, MaxReasonLength);
        Rule(extendedDueUtc > AnswerDueUtc, "rule.extension_must_move_the_deadline_later");
        ExtensionReason = reason;
        AnswerDueUtc = extendedDueUtc;
        NextEscalationAtUtc = null;
        Record(EventKind.Extended, Status, actor, nowUtc, reason);
    }

    public void Answer(string text, Actor actor, DateTime confirmationDueUtc, DateTime nowUtc)
    {
        Rule(Status.IsOpen(), "rule.only_open_requests_can_be_answered");
        TextMustBeGiven(text, MaxTextLength);
        var from = Status;
        AnswerText = text;
        AnsweredByUserId = actor.UserId;
        AnsweredAtUtc = nowUtc;
        ConfirmationDueUtc = confirmationDueUtc;
        RegisteredAtUtc ??= nowUtc;
        Status = AppealStatus.Answered;
        Record(EventKind.Answered, from, actor, nowUtc);
    }

    /// <summary>The citizen says the problem is solved: the only way a request counts as resolved.</summary>
    public void ConfirmResolution(Actor actor, DateTime nowUtc)
    {
        OnlyTheApplicant(actor);
        Rule(Status == AppealStatus.Answered, "rule.only_answered_requests_can_be_confirmed");
        Status = AppealStatus.Resolved;
        ClosedAtUtc = nowUtc;
        ConfirmationDueUtc = null;
        Record(EventKind.Confirmed, AppealStatus.Answered, actor, nowUtc);
    }

    /// <summary>The citizen disputes the answer: the request reopens one level up with a fresh deadline.</summary>
    public void Dispute(string reason, Actor actor, DateTime newAnswerDueUtc, DateTime nowUtc)
    {
        OnlyTheApplicant(actor);
        Rule(Status == AppealStatus.Answered, "rule.only_answered_requests_can_be_disputed");
        TextMustBeGiven(reason, MaxReasonLength);
        DisputeReason = reason;
        Status = AppealStatus.Reopened;
        ConfirmationDueUtc = null;
        AssigneeUserId = null;
        AnswerDueUtc = newAnswerDueUtc;
        NextEscalationAtUtc = null;
        Record(EventKind.Disputed, AppealStatus.Answered, actor, nowUtc, reason);
        RaiseLevel(actor, nowUtc, nextEscalationAtUtc: null);
    }

    /// <summary>Silence after an answer: closes as answered but not confirmed, never as resolved.</summary>
    public void CloseUnconfirmed(DateTime nowUtc)
    {
        Rule(Status == AppealStatus.Answered, "rule.only_answered_requests_close_unconfirmed");
        Rule(ConfirmationDueUtc is { } due && nowUtc > due, "rule.confirmation_period_not_over");
        Status = AppealStatus.ClosedUnconfirmed;
        ClosedAtUtc = nowUtc;
        ConfirmationDueUtc = null;
        Record(EventKind.ClosedUnconfirmed, AppealStatus.Answered, Actor.System, nowUtc);
    }

    /// <summary>Overdue work moves up a level: mahalla or body → district → region.</summary>
    public void Escalate(DateTime nextEscalationAtUtc, DateTime nowUtc)
    {
        Rule(IsOverdue(nowUtc), "rule.only_overdue_requests_escalate");
        Rule(EscalationLevel < MaxEscalationLevel, "rule.already_at_the_top_level");
        Rule(NextEscalationAtUtc is null || nowUtc >= NextEscalationAtUtc, "rule.escalated_recently");
        RaiseLevel(Actor.System, nowUtc, nextEscalationAtUtc);
    }

    public void Rate(int score, string? comment, Actor actor, DateTime nowUtc)
    {
        OnlyTheApplicant(actor);
        Rule(Status.IsClosed(), "rule.only_closed_requests_can_be_rated");
        Rule(RatingScore is null, "rule.rated_already");
        Rule(score is >= 1 and <= 5, "rule.rating_is_one_to_five");
        Rule(comment is null || comment.Length <= MaxReasonLength, "rule.text_too_long");
        RatingScore = score;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        Record(EventKind.Rated, Status, actor, nowUtc);
    }

    public bool BelongsTo(Guid? userId) => ApplicantUserId is not null && ApplicantUserId == userId;

    private void RaiseLevel(Actor actor, DateTime nowUtc, DateTime? nextEscalationAtUtc)
    {
        if (EscalationLevel >= MaxEscalationLevel)
        {
            return;
        }

        EscalationLevel++;
        EscalationCount++;
        NextEscalationAtUtc = nextEscalationAtUtc;
        Record(EventKind.Escalated, Status, actor, nowUtc, escalationLevel: EscalationLevel);
    }

    /// <summary>
    /// <see cref="SweepDueUtc"/> from the request's state: the sweeper may act on it at any time after this instant. An open
    /// request escalates once it is <see cref="Overdue"/> (past the earlier of its deadlines while it waits for
    /// registration, past its answer deadline after that) and <see cref="NextEscalationAtUtc"/> has come. M0019 fills the
    /// column for requests saved before it by the same rule, in SQL.
    /// </summary>
    private DateTime? SweepDueFromState()
    {
        if (Status == AppealStatus.Answered)
        {
            return ConfirmationDueUtc;
        }

        if (!Status.IsOpen() || EscalationLevel >= MaxEscalationLevel)
        {
            return null;
        }

        var overdueAfter = Status == AppealStatus.Submitted && RegistrationDueUtc < AnswerDueUtc ? RegistrationDueUtc : AnswerDueUtc;
        return NextEscalationAtUtc is { } held && held > overdueAfter ? held : overdueAfter;
    }

    private void OnlyTheApplicant(Actor actor) =>
        Rule(actor.UserId is not null && actor.UserId == ApplicantUserId, "rule.only_the_applicant_can_do_this");

    private static void TextMustBeGiven(string? text, int maxLength)
    {
        Rule(!string.IsNullOrWhiteSpace(text), "rule.text_is_required");
        Rule(text!.Length <= maxLength, "rule.text_too_long");
    }

    private void Record(EventKind kind, AppealStatus? from, Actor actor, DateTime nowUtc, string? reason = null,
        Guid? organizationId = null, int? escalationLevel = null)
    {
        // The version after the change doubles as the event's sequence number within the request.
        Version++;
        SweepDueUtc = SweepDueFromState();
        _events.Add(new AppealEvent(Guid.CreateVersion7(), Id, Version, kind, from, Status,
            actor, nowUtc, reason, organizationId, escalationLevel ?? EscalationLevel));
    }

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}
