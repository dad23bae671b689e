namespace Mahalla.Web.Modules.Notifications.Data;

public enum DeliveryState
{
    NotRequested = 0,
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// A message to one person, written in their language when it is created. The in-app copy is the
/// row itself; the e-mail copy is delivered after commit by the outbox sender, so a notification is
/// never lost when the mail server is down, and never sent for a change that rolled back.
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 8;

    private Notification()
    {
    }

    public Notification(Guid id, Guid userId, Guid? appealId, string kind, string language, string subject, string body, string? emailTo, DateTime nowUtc)
    {
        Id = id;
        UserId = userId;
        AppealId = appealId;
        Kind = kind;
        Language = language;
        Subject = subject;
        Body = body;
        EmailTo = emailTo;
        EmailState = emailTo is null ? DeliveryState.NotRequested : DeliveryState.Pending;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid? AppealId { get; private set; }

    public string Kind { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public string? EmailTo { get; private set; }

    public DeliveryState EmailState { get; private set; }

    public int EmailAttempts { get; private set; }

    public DateTime? EmailNextAttemptUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    public void EmailFailed(DateTime nowUtc)
    {
        EmailAttempts++;
        EmailState = EmailAttempts >= MaxAttempts ? DeliveryState.Failed : DeliveryState.Pending;
        EmailNextAttemptUtc = nowUtc.AddMinutes(Math.Pow(2, EmailAttempts));
    }
}
