namespace Mahalla.Web.Modules.Appeals.Data;

public enum EventKind
{
    Filed = 1,
    Assigned = 2,
    Forwarded = 3,
    Extended = 4,
    Answered = 5,
    Confirmed = 6,
    Disputed = 7,
    ClosedUnconfirmed = 8,
    Escalated = 9,
    Rated = 10,
    Reclassified = 11,
}

/// <summary>
/// One state change of a request: who (user and role), when, what, why, from which state to which.
/// Written in the same transaction as the change; never updated or deleted. <see cref="Reason"/>
/// may hold personal data and is never published: the public timeline shows kind, status and time.
/// </summary>
public sealed class AppealEvent
{
    private AppealEvent()
    {
    }

    internal AppealEvent(Guid id, Guid appealId, int sequence, EventKind kind, AppealStatus? fromStatus, AppealStatus toStatus,
        Actor actor, DateTime atUtc, string? reason, Guid? organizationId, int escalationLevel)
    {
        Id = id;
        AppealId = appealId;
        Sequence = sequence;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        AtUtc = atUtc;
        Reason = reason;
        OrganizationId = organizationId;
        EscalationLevel = escalationLevel;
    }

    public Guid Id { get; private set; }

    public Guid AppealId { get; private set; }

    public int Sequence { get; private set; }

    public EventKind Kind { get; private set; }

    public AppealStatus? FromStatus { get; private set; }

    public AppealStatus ToStatus { get; private set; }

    public Guid? ActorUserId { get; private set; }

    public string ActorRole { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public string? Reason { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public int EscalationLevel { get; private set; }

    public static string KindCode(EventKind kind) => kind switch
    {
        EventKind.ClosedUnconfirmed => "closed_unconfirmed",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A staff note on a request. Never shown to the citizen or on any public page.</summary>
public sealed class InternalNote
{
    private InternalNote()
    {
    }

    public InternalNote(Guid id, Guid appealId, Guid authorUserId, string text, DateTime atUtc)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > Appeal.MaxReasonLength)
        {
            throw new Platform.Errors.BusinessRuleException("rule.text_is_required");
        }

        Id = id;
        AppealId = appealId;
        AuthorUserId = authorUserId;
        Text = text;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid AppealId { get; private set; }

    public Guid AuthorUserId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>
    /// The id of the note that an author writes under an idempotency key: a form sent twice (a double click, the back
    /// button) or a retried call saves it once. Two authors' keys never meet.
    /// </summary>
    public static Guid IdFor(Guid appealId, Guid authorUserId, string key) =>
        Platform.Database.NamedIds.From($"mahalla:note:{appealId:N}:{authorUserId:N}:{key}");

    public DateTime AtUtc { get; private set; }
}

public enum AttachmentPurpose
{
    Filing = 1,
    DisputeEvidence = 2,
}

/// <summary>A file attached to a request: an image or a PDF, checked by its content, size-limited.</summary>
public sealed class AppealAttachment
{
    private AppealAttachment()
    {
    }

    public AppealAttachment(Guid id, Guid appealId, AttachmentPurpose purpose, string fileName, string contentType, byte[] content, DateTime atUtc)
    {
        Id = id;
        AppealId = appealId;
        Purpose = purpose;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedAtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid AppealId { get; private set; }

    public AttachmentPurpose Purpose { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime UploadedAtUtc { get; private set; }
}
