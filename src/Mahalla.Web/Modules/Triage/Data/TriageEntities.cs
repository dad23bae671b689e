using Mahalla.Triage.Urgency;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Triage.Data;

/// <summary>Who placed a request: the model on its own, the citizen, or staff after it waited in the triage queue.</summary>
public enum TriageDecision
{
    /// <summary>The citizen left the topic open and the model was confident: routed automatically.</summary>
    AutoRouted = 1,

    /// <summary>The citizen chose the topic and the model agreed or was unsure: the citizen's choice stands.</summary>
    CitizenChose = 2,

    /// <summary>Waiting in the triage queue for staff to decide.</summary>
    Waiting = 3,

    /// <summary>Staff decided.</summary>
    Decided = 4,
}

/// <summary>What a staff correction teaches.</summary>
public enum ExampleKind
{
    Category = 1,
    Organization = 2,
    Urgency = 3,
    Merge = 4,
    Split = 5,
}

public enum ModelStatus
{
    /// <summary>Trained and evaluated, waiting for an administrator to promote or discard it.</summary>
    Candidate = 1,
    Active = 2,
    /// <summary>Was active; replaced by a newer model.</summary>
    Retired = 3,
    Discarded = 4,
}

/// <summary>
/// Triage's reading of one request, written in the filing transaction: the model's category and
/// probability, the body it would route to, urgency flags with the words that raised them, summary,
/// keywords, language, duplicate signature and group, and who placed the request. Holds an extract
/// of the citizen's text (summary, keywords, evidence words): personal data, staff eyes only.
/// </summary>
public sealed class TriageAssessment
{
    public const int MaxFlagsLength = 4_000;
    public const int MaxSummaryLength = 1_000;
    public const int MaxKeywordsLength = 1_000;
    public const int MaxSignatureLength = 400;

    private TriageAssessment()
    {
    }

    public TriageAssessment(Guid appealId, Guid territoryId, Guid? applicantUserId, DateTime filedAtUtc, string? chosenCategoryCode,
        string predictedCategoryCode, double probability, Guid suggestedOrganizationId, UrgencyLevel urgencyLevel, string flags,
        string summary, string keywords, string language, string signature, string modelName, TriageDecision decision)
    {
        AppealId = appealId;
        TerritoryId = territoryId;
        ApplicantUserId = applicantUserId;
        FiledAtUtc = filedAtUtc;
        ChosenCategoryCode = chosenCategoryCode;
        PredictedCategoryCode = predictedCategoryCode;
        Probability = probability;
        SuggestedOrganizationId = suggestedOrganizationId;
        UrgencyLevel = urgencyLevel;
        Flags = Cut(flags, MaxFlagsLength);
        Summary = Cut(summary, MaxSummaryLength);
        Keywords = Cut(keywords, MaxKeywordsLength);
        Language = language;
        Signature = signature;
        ModelName = modelName;
        Decision = decision;
        GroupId = appealId;
    }

    public Guid AppealId { get; private set; }

    public Guid TerritoryId { get; private set; }

    public Guid? ApplicantUserId { get; private set; }

    public DateTime FiledAtUtc { get; private set; }

    /// <summary>The citizen's category; null when the citizen left the topic to the platform.</summary>
    public string? ChosenCategoryCode { get; private set; }

    public string PredictedCategoryCode { get; private set; } = "";

    /// <summary>Calibrated probability of <see cref="PredictedCategoryCode"/>.</summary>
    public double Probability { get; private set; }

    /// <summary>The body the routing rules give for the predicted category in this mahalla.</summary>
    public Guid SuggestedOrganizationId { get; private set; }

    public UrgencyLevel UrgencyLevel { get; private set; }

    public bool UrgencyCorrected { get; private set; }

    /// <summary>JSON array of flags: kind, danger or vulnerability, evidence words.</summary>
    public string Flags { get; private set; } = "[]";

    public string Summary { get; private set; } = "";

    /// <summary>JSON array of key terms.</summary>
    public string Keywords { get; private set; } = "[]";

    public string Language { get; private set; } = "";

    /// <summary>MinHash signature of the normalised text (base64).</summary>
    public string Signature { get; private set; } = "";

    /// <summary>The master request of the duplicate group: the earliest member; the request itself when alone.</summary>
    public Guid GroupId { get; private set; }

    /// <summary>
    /// On a master: the requests of its group. Filing adds one when a request joins (in the filing
    /// transaction); merge and split count again. Not meaningful on other members.
    /// </summary>
    public int GroupSize { get; private set; } = 1;

    /// <summary>On a master: the people its group affects, each applicant once and each anonymous request (see <see cref="GroupSize"/>).</summary>
    public int GroupPeople { get; private set; } = 1;

    public string ModelName { get; private set; } = "";

    public TriageDecision Decision { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>A master counts its group again from all of its members (merge, split).</summary>
    public void CountGroup(IReadOnlyCollection<TriageAssessment> members)
    {
        if (members.Any(m => m.GroupId != AppealId) || members.All(m => m.AppealId != AppealId))
        {
            throw new InvalidOperationException("A group is counted by its master, from its members.");
        }

        GroupSize = members.Count;
        GroupPeople = PeopleIn(members);
        Version++;
    }

    /// <summary>Each applicant once, and each request without one.</summary>
    private static int PeopleIn(IEnumerable<TriageAssessment> members) =>
        members.Count(m => m.ApplicantUserId is null) + members.Where(m => m.ApplicantUserId is not null).Select(m => m.ApplicantUserId).Distinct().Count();

    public void JoinGroup(Guid groupId)
    {
        GroupId = groupId;
        Version++;
    }

    /// <summary>Staff placed the request (the same category and body, or new ones): it leaves the queue.</summary>
    public void Decide(Guid userId, DateTime nowUtc)
    {
        Decision = TriageDecision.Decided;
        DecidedByUserId = userId;
        DecidedAtUtc = nowUtc;
        Version++;
    }

    public void CorrectUrgency(UrgencyLevel level)
    {
        Rule(level != UrgencyLevel || !UrgencyCorrected, "triage.rule.urgency_unchanged");
        UrgencyLevel = level;
        UrgencyCorrected = true;
        Version++;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}

/// <summary>
/// A labelled example from a staff decision: the request's text and what staff said about it
/// (category code, organisation id, urgency level, or "duplicate"/"distinct" of another request).
/// The category examples train the next model. Holds the citizen's text: personal data.
/// </summary>
public sealed class TriageExample
{
    public const int MaxLabelLength = 100;

    private TriageExample()
    {
    }

    public TriageExample(Guid id, ExampleKind kind, Guid appealId, string text, string label, Guid? otherAppealId, Guid createdByUserId, DateTime createdAtUtc)
    {
        Id = id;
        Kind = kind;
        AppealId = appealId;
        Text = text;
        Label = label;
        OtherAppealId = otherAppealId;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public ExampleKind Kind { get; private set; }

    public Guid AppealId { get; private set; }

    public string Text { get; private set; } = "";

    public string Label { get; private set; } = "";

    public Guid? OtherAppealId { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>
/// A trained category model: its file (gzip-compressed JSON, card included), the data it saw, and
/// its held-out figures beside those of the model that was active when it was trained, measured on
/// the same held-out examples. At most one model is active; with none, the seed model is.
/// </summary>
public sealed class TriageModel
{
    public const int MaxNameLength = 100;

    private TriageModel()
    {
    }

    public TriageModel(Guid id, string name, byte[] content, int examples, int correctionExamples, int heldOutExamples,
        Figures figures, string currentName, Figures currentFigures, Guid createdByUserId, DateTime createdAtUtc)
    {
        Id = id;
        Name = name;
        Content = content;
        Examples = examples;
        CorrectionExamples = correctionExamples;
        HeldOutExamples = heldOutExamples;
        (Accuracy, MacroF1, CalibrationError) = figures;
        CurrentName = currentName;
        (CurrentAccuracy, CurrentMacroF1, CurrentCalibrationError) = currentFigures;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
        Status = ModelStatus.Candidate;
    }

    public readonly record struct Figures(double Accuracy, double MacroF1, double CalibrationError);

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public ModelStatus Status { get; private set; }

    public byte[] Content { get; private set; } = [];

    public int Examples { get; private set; }

    public int CorrectionExamples { get; private set; }

    public int HeldOutExamples { get; private set; }

    public double Accuracy { get; private set; }

    public double MacroF1 { get; private set; }

    public double CalibrationError { get; private set; }

    /// <summary>The model active when this one was trained (the seed model's name when none was stored).</summary>
    public string CurrentName { get; private set; } = "";

    public double CurrentAccuracy { get; private set; }

    public double CurrentMacroF1 { get; private set; }

    public double CurrentCalibrationError { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public int Version { get; private set; }

    public void Promote(DateTime nowUtc)
    {
        OnlyCandidates();
        Status = ModelStatus.Active;
        DecidedAtUtc = nowUtc;
        Version++;
    }

    public void Discard(DateTime nowUtc)
    {
        OnlyCandidates();
        Status = ModelStatus.Discarded;
        DecidedAtUtc = nowUtc;
        Version++;
    }

    public void Retire()
    {
        if (Status != ModelStatus.Active)
        {
            throw new BusinessRuleException("triage.rule.only_the_active_model_retires");
        }

        Status = ModelStatus.Retired;
        Version++;
    }

    private void OnlyCandidates()
    {
        if (Status != ModelStatus.Candidate)
        {
            throw new BusinessRuleException("triage.rule.only_candidates_can_be_decided");
        }
    }
}
