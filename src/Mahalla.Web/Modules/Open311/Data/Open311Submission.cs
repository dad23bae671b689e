using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Open311.Data;

public enum SubmissionState
{
    /// <summary>Accepted for a service that is not realtime; waits to be filed. The client holds a token.</summary>
    Queued = 1,
    /// <summary>Filed as a report; <see cref="Open311Submission.TrackingNumber"/> is its service_request_id.</summary>
    Filed = 2,
    /// <summary>Could not be filed when its turn came (e.g. the service was withdrawn meanwhile).</summary>
    Rejected = 3,
}

/// <summary>
/// A service request posted through Open311: for a realtime service it is filed at once and this row records
/// which client sent it and the <c>media_url</c> it gave; for a batch service it is queued here with a token
/// and filed later. Guarantee: no contact data is kept — the request holds what the report needs (category,
/// place, description, answers, language), never the e-mail, names, phone or device id a client may send.
/// The <c>media_url</c> is recorded as given and never fetched, and never shown in public output.
/// </summary>
public sealed class Open311Submission
{
    public const int MaxTokenLength = 40;
    public const int MaxMediaUrlLength = 2_000;
    public const int MaxRequestLength = 20_000;

    private Open311Submission()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The token handed to the client for a queued request (none for realtime ones).</summary>
    public string? Token { get; private set; }

    public Guid ClientId { get; private set; }

    public string ServiceCode { get; private set; } = "";

    /// <summary>The report to file, as JSON, while queued; cleared once filed or rejected.</summary>
    public string? RequestJson { get; private set; }

    public string? MediaUrl { get; private set; }

    public SubmissionState State { get; private set; }

    public Guid? ReportId { get; private set; }

    public string? TrackingNumber { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public DateTime? ProcessedAtUtc { get; private set; }

    /// <summary>Why a queued request was not filed: a text key, never free text.</summary>
    public string? Rejection { get; private set; }

    /// <summary>Concurrency token: two nodes never both file the same queued request.</summary>
    public int RowVersion { get; private set; }

    public static Open311Submission Queue(Guid id, string token, Guid clientId, string serviceCode, string requestJson, string? mediaUrl, DateTime nowUtc)
    {
        Rule(token.Length is > 0 and <= MaxTokenLength && requestJson.Length <= MaxRequestLength, "open311.rule.submission");
        return new Open311Submission
        {
            Id = id,
            Token = token,
            ClientId = clientId,
            ServiceCode = serviceCode,
            RequestJson = requestJson,
            MediaUrl = mediaUrl,
            State = SubmissionState.Queued,
            SubmittedAtUtc = nowUtc,
        };
    }

    /// <summary>A realtime request, filed in the same transaction as its report.</summary>
    public static Open311Submission Filed(Guid id, Guid clientId, string serviceCode, string? mediaUrl, Guid reportId, string trackingNumber, DateTime nowUtc) =>
        new()
        {
            Id = id,
            ClientId = clientId,
            ServiceCode = serviceCode,
            MediaUrl = mediaUrl,
            State = SubmissionState.Filed,
            ReportId = reportId,
            TrackingNumber = trackingNumber,
            SubmittedAtUtc = nowUtc,
            ProcessedAtUtc = nowUtc,
        };

    public void MarkFiled(Guid reportId, string trackingNumber, DateTime nowUtc)
    {
        Rule(State == SubmissionState.Queued, "open311.rule.submission_not_queued");
        State = SubmissionState.Filed;
        ReportId = reportId;
        TrackingNumber = trackingNumber;
        ProcessedAtUtc = nowUtc;
        RequestJson = null;
        RowVersion++;
    }

    public void Reject(string reason, DateTime nowUtc)
    {
        Rule(State == SubmissionState.Queued, "open311.rule.submission_not_queued");
        State = SubmissionState.Rejected;
        Rejection = reason.Length <= 200 ? reason : reason[..200];
        ProcessedAtUtc = nowUtc;
        RequestJson = null;
        RowVersion++;
    }

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}
