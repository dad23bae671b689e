using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Delivery.Data;

/// <summary>How an organisation receives the reports routed to it.</summary>
public enum DeliveryMethod
{
    /// <summary>The platform's own inbox: staff work the report here; nothing is sent.</summary>
    Inbox = 0,
    /// <summary>A formatted e-mail to the organisation's dispatch address.</summary>
    Email = 1,
    /// <summary>A signed JSON POST to the organisation's own URL.</summary>
    Webhook = 2,
    /// <summary>A GeoReport v2 service request on the organisation's own Open311 server; its status is pulled back.</summary>
    Open311 = 3,
}

/// <summary>What a delivery tells the organisation.</summary>
public enum DeliveryKind
{
    /// <summary>A report is now the organisation's work.</summary>
    Report = 1,
    /// <summary>A report the organisation received is no longer its work (re-routed elsewhere).</summary>
    Withdrawal = 2,
    /// <summary>
    /// A report the organisation received has changed in the platform: answered, reopened by the reporter's dispute,
    /// confirmed or closed (webhooks); reopened (Open311, ADR 0063).
    /// </summary>
    Update = 3,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 1,
    Delivered = 2,
    /// <summary>Gave up after the retry limit, or the receiver refused it for good: shown to staff, retryable by hand.</summary>
    Failed = 3,
    /// <summary>Never needed any more: the report was re-routed before it reached the organisation.</summary>
    Cancelled = 4,
}

public static class DeliveryWords
{
    public static string Code(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Inbox => "inbox",
        DeliveryMethod.Email => "email",
        DeliveryMethod.Webhook => "webhook",
        DeliveryMethod.Open311 => "open311",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    public static string Code(this DeliveryKind kind) => kind switch
    {
        DeliveryKind.Report => "report",
        DeliveryKind.Withdrawal => "withdrawal",
        DeliveryKind.Update => "update",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Code(this DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static DeliveryMethod? ParseMethod(string? code) =>
        Enum.GetValues<DeliveryMethod>().Cast<DeliveryMethod?>().FirstOrDefault(m => m!.Value.Code() == code?.Trim().ToLowerInvariant());

    public static DeliveryStatus? ParseStatus(string? code) =>
        Enum.GetValues<DeliveryStatus>().Cast<DeliveryStatus?>().FirstOrDefault(s => s!.Value.Code() == code?.Trim().ToLowerInvariant());
}

/// <summary>
/// One message to one organisation about one report, created in the same transaction as the filing or
/// re-routing that calls for it, so that nothing is lost between the two. Workers on any node claim it by
/// bumping <see cref="Version"/> (the concurrency token) and pushing <see cref="NextAttemptUtc"/> forward by a
/// lease; an attempt ends in <see cref="Delivered"/>, a retry with exponential back-off, or — after the limit,
/// or a refusal that retrying cannot fix — <see cref="DeliveryStatus.Failed"/>, visible to staff and retryable by
/// hand. For Open311 the row also links the report to the organisation's service request and carries the
/// status pull's schedule. Holds no personal data: bodies are built at each attempt and never stored.
/// </summary>
public sealed class ReportDelivery
{
    public const int MaxErrorLength = 300;

    private ReportDelivery()
    {
    }

    public ReportDelivery(Guid id, Guid reportId, Guid organizationId, DeliveryMethod method, DeliveryKind kind, DateTime nowUtc)
    {
        if (method == DeliveryMethod.Inbox)
        {
            throw new ArgumentException("The inbox needs no delivery.", nameof(method));
        }

        Id = id;
        ReportId = reportId;
        OrganizationId = organizationId;
        Method = method;
        Kind = kind;
        Status = DeliveryStatus.Pending;
        CreatedAtUtc = nowUtc;
        NextAttemptUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The report (and its request: the same id).</summary>
    public Guid ReportId { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The organisation's method when the delivery was created; a later change of settings does not redirect it.</summary>
    public DeliveryMethod Method { get; private set; }

    public DeliveryKind Kind { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>Attempts started, over the delivery's whole life.</summary>
    public int Attempts { get; private set; }

    /// <summary>Failures since the last success or manual retry: drives the back-off and the limit.</summary>
    public int FailuresInRow { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When a worker may next attempt it; while an attempt runs, the end of the attempt's lease.</summary>
    public DateTime? NextAttemptUtc { get; private set; }

    public DateTime? DeliveredAtUtc { get; private set; }

    public int? LastStatusCode { get; private set; }

    /// <summary>What went wrong last, in technical words (an exception type, a status, the receiver's own error code); never request data.</summary>
    public string? LastError { get; private set; }

    /// <summary>Open311: the organisation's <c>service_request_id</c>.</summary>
    public string? RemoteId { get; private set; }

    /// <summary>Open311: the token returned instead of an id by servers that create requests later.</summary>
    public string? RemoteToken { get; private set; }

    /// <summary>Open311: the request's status on the organisation's server when last pulled (<c>open</c>, <c>closed</c>).</summary>
    public string? RemoteStatus { get; private set; }

    /// <summary>Open311: when the status is next pulled; null when nothing is pulled (any other method, or the report left).</summary>
    public DateTime? NextPollUtc { get; private set; }

    public DateTime? LastPolledAtUtc { get; private set; }

    public string? LastPollError { get; private set; }

    /// <summary>Concurrency token: a claim, an outcome and a cancellation never overwrite each other.</summary>
    public int Version { get; private set; }

    public bool MayHaveReached => Status == DeliveryStatus.Delivered || Attempts > 0;

    /// <summary>Open311: this delivery created a service request on the organisation's server (its id or token is known).</summary>
    public bool HoldsOpen311Request => Method == DeliveryMethod.Open311 && Status == DeliveryStatus.Delivered && (RemoteId ?? RemoteToken) is not null;

    /// <summary>
    /// The attempt succeeded. An Open311 request it created (a report, or the follow-up request of a reopened one) is
    /// then followed: its status is pulled from <paramref name="firstPollUtc"/>.
    /// </summary>
    public void Delivered(DateTime nowUtc, int? statusCode, string? remoteId, string? remoteToken, DateTime? firstPollUtc)
    {
        Rule(Status == DeliveryStatus.Pending, "delivery.rule.not_pending");
        Status = DeliveryStatus.Delivered;
        DeliveredAtUtc = nowUtc;
        NextAttemptUtc = null;
        FailuresInRow = 0;
        LastStatusCode = statusCode;
        LastError = null;
        RemoteId = Short(remoteId, 100);
        RemoteToken = Short(remoteToken, 100);
        var created = Kind == DeliveryKind.Report || RemoteId is not null || RemoteToken is not null;
        NextPollUtc = Method == DeliveryMethod.Open311 && Kind != DeliveryKind.Withdrawal && created ? firstPollUtc : null;
        Version++;
    }

    /// <summary>The attempt failed: retry after <paramref name="retryAfter"/>, or give up when the limit is reached or retrying cannot help.</summary>
    public void AttemptFailed(DateTime nowUtc, int? statusCode, string error, bool permanent, int maxAttempts, TimeSpan retryAfter)
    {
        Rule(Status == DeliveryStatus.Pending, "delivery.rule.not_pending");
        FailuresInRow++;
        LastStatusCode = statusCode;
        LastError = Short(error, MaxErrorLength);
        if (permanent || FailuresInRow >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptUtc = null;
        }
        else
        {
            NextAttemptUtc = nowUtc + retryAfter;
        }

        Version++;
    }

    /// <summary>Staff ask for one more round: a failed delivery is tried again at once with a fresh retry budget.</summary>
    public void RetryByHand(DateTime nowUtc)
    {
        Rule(Status is DeliveryStatus.Failed or DeliveryStatus.Pending, "delivery.rule.nothing_to_retry");
        Status = DeliveryStatus.Pending;
        FailuresInRow = 0;
        NextAttemptUtc = nowUtc;
        Version++;
    }

    /// <summary>The report left the organisation before this reached it: it is never sent.</summary>
    public void Cancel()
    {
        Rule(Status is DeliveryStatus.Pending or DeliveryStatus.Failed, "delivery.rule.nothing_to_cancel");
        Status = DeliveryStatus.Cancelled;
        NextAttemptUtc = null;
        Version++;
    }

    /// <summary>An Open311 token has become a service request id.</summary>
    public void IdentifiedBy(string remoteId)
    {
        RemoteId = Short(remoteId, 100);
        Version++;
    }

    /// <summary>The organisation's server answered a status pull.</summary>
    public void Polled(DateTime nowUtc, string? remoteStatus, DateTime? nextPollUtc)
    {
        RemoteStatus = Short(remoteStatus, 40);
        LastPolledAtUtc = nowUtc;
        LastPollError = null;
        NextPollUtc = nextPollUtc;
        Version++;
    }

    public void PollFailed(DateTime nowUtc, string error, DateTime nextPollUtc)
    {
        LastPolledAtUtc = nowUtc;
        LastPollError = Short(error, MaxErrorLength);
        NextPollUtc = nextPollUtc;
        Version++;
    }

    /// <summary>No more status pulls: the report was closed or re-routed.</summary>
    public void StopPolling()
    {
        NextPollUtc = null;
        Version++;
    }

    private static string? Short(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}

/// <summary>One attempt of a delivery, for the delivery log: when, how long, the receiver's status code or the error.</summary>
public sealed class DeliveryAttempt
{
    private DeliveryAttempt()
    {
    }

    public DeliveryAttempt(Guid id, Guid deliveryId, int number, DateTime startedAtUtc, int durationMs, int? statusCode, bool succeeded, string? error)
    {
        Id = id;
        DeliveryId = deliveryId;
        Number = number;
        StartedAtUtc = startedAtUtc;
        DurationMs = durationMs;
        StatusCode = statusCode;
        Succeeded = succeeded;
        Error = error is null ? null : error.Length <= ReportDelivery.MaxErrorLength ? error : error[..ReportDelivery.MaxErrorLength];
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public int DurationMs { get; private set; }

    public int? StatusCode { get; private set; }

    public bool Succeeded { get; private set; }

    public string? Error { get; private set; }
}
