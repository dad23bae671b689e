using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>How the place of a report was given.</summary>
public enum LocationSource
{
    /// <summary>A point picked on the map.</summary>
    Map = 1,
    /// <summary>The phone's own position ("use my location").</summary>
    Device = 2,
    /// <summary>No map: a mahalla chosen from the list and an address or landmark typed in.</summary>
    Address = 3,
}

/// <summary>Where a report came in.</summary>
public enum ReportChannel
{
    Web = 1,
    Api = 2,
    Open311 = 3,
}

/// <summary>
/// The place-bound part of a local problem report. The report is a request of the request engine
/// (an <see cref="Appeal"/> of type <see cref="AppealType.Report"/> with the same id) — tracking number,
/// deadlines, escalation, answer, confirm or dispute, rating all come from there. This row adds the
/// place, the public title, the category's questions and the neighbours' support, and mirrors the few
/// workflow facts the public map filters on (status, category, territory), kept in step with the
/// appeal by <see cref="ReportSync"/> in the same transaction as every change.
/// </summary>
public sealed class Report
{
    public const int MaxTitleLength = 120;
    public const int MaxAddressLength = 300;
    public const int MaxAnswersLength = 4_000;

    private Report()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public LocationSource Source { get; private set; }

    /// <summary>An address or landmark as the resident wrote it (a place, not a person).</summary>
    public string? Address { get; private set; }

    /// <summary>Answers to the category's questions, as JSON <c>{"code": "value" | ["v1","v2"]}</c>.</summary>
    public string AnswersJson { get; private set; } = "{}";

    /// <summary>The reporter's name as shown to the public, only when the reporter chose to be named.</summary>
    public string? PublicName { get; private set; }

    public ReportChannel Channel { get; private set; }

    /// <summary>The Open311 client application the report came through, if any.</summary>
    public Guid? ClientId { get; private set; }

    /// <summary>Residents who said "me too" (the reporter not counted).</summary>
    public int SupporterCount { get; private set; }

    // Mirrors of the appeal, for the public map's queries.
    public string CategoryCode { get; private set; } = "";

    public AppealStatus Status { get; private set; }

    public Guid TerritoryId { get; private set; }

    public string TerritoryPath { get; private set; } = "";

    public DateTime FiledAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsAnonymous { get; private set; }

    /// <summary>When the reporter is to be asked "was it fixed?" (set when the report is marked fixed).</summary>
    public DateTime? FixedQuestionDueUtc { get; private set; }

    public DateTime? FixedQuestionAskedAtUtc { get; private set; }

    /// <summary>The appeal's version last mirrored here.</summary>
    public int AppealVersion { get; private set; }

    /// <summary>The appeal version up to which followers and area alerts have been told (the watcher's watermark).</summary>
    public int NotifiedVersion { get; private set; }

    /// <summary>
    /// Concurrency token of the appeal's mirror. The follow-up's watermarks above (ReportWatch, ADR 0076) and "me too"'s count
    /// (Support, ADR 0078) are changed by conditional updates of their own columns that leave this alone, so neither ever makes
    /// a staff change fail.
    /// </summary>
    public int RowVersion { get; private set; }

    public static Report For(Appeal appeal, string title, double? latitude, double? longitude, LocationSource source, string? address,
        string answersJson, string? publicName, ReportChannel channel, Guid? clientId)
    {
        if (appeal.Type != AppealType.Report)
        {
            throw new ArgumentException("A report belongs to a request of type report.", nameof(appeal));
        }

        Rule(!string.IsNullOrWhiteSpace(title) && title.Length <= MaxTitleLength, "reports.validation.title");
        Rule(latitude is null == longitude is null, "reports.validation.location");
        Rule(latitude is null || (latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180), "reports.validation.location");
        Rule(latitude is not null || !string.IsNullOrWhiteSpace(address), "reports.validation.location_or_address");
        Rule(address is null || address.Length <= MaxAddressLength, "reports.validation.address");
        Rule(answersJson.Length <= MaxAnswersLength, "reports.validation.answers");
        var report = new Report
        {
            Id = appeal.Id,
            Title = title.Trim(),
            Latitude = latitude,
            Longitude = longitude,
            Source = source,
            Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim(),
            AnswersJson = answersJson,
            PublicName = appeal.IsAnonymous ? null : publicName,
            Channel = channel,
            ClientId = clientId,
            FiledAtUtc = appeal.FiledAtUtc,
        };
        report.Follow(appeal, null);
        return report;
    }

    /// <summary>Takes over the appeal's workflow facts; schedules "was it fixed?" when it has just been marked fixed.</summary>
    public void Follow(Appeal appeal, TimeSpan? askFixedAfter)
    {
        if (appeal.Id != Id && Id != Guid.Empty)
        {
            throw new ArgumentException("Another request's facts.", nameof(appeal));
        }

        var wasAnswered = Status == AppealStatus.Answered;
        CategoryCode = appeal.CategoryCode;
        Status = appeal.Status;
        TerritoryId = appeal.TerritoryId;
        TerritoryPath = appeal.TerritoryPath;
        IsAnonymous = appeal.IsAnonymous;
        UpdatedAtUtc = appeal.Events.Count > 0 ? appeal.Events[^1].AtUtc : appeal.FiledAtUtc;
        AppealVersion = appeal.Version;
        RowVersion++;
        if (appeal.Status == AppealStatus.Answered && !wasAnswered && askFixedAfter is { } after && appeal.AnsweredAtUtc is { } answeredAt)
        {
            FixedQuestionDueUtc = answeredAt + after;
            FixedQuestionAskedAtUtc = null;
        }
        else if (appeal.Status != AppealStatus.Answered)
        {
            FixedQuestionDueUtc = null;
        }
    }

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}

/// <summary>A photo of a report, stored only after its metadata (location, camera, time) was stripped.</summary>
public sealed class ReportPhoto
{
    private ReportPhoto()
    {
    }

    public ReportPhoto(Guid id, Guid reportId, int position, string contentType, byte[] content, DateTime createdAtUtc)
    {
        Id = id;
        ReportId = reportId;
        Position = position;
        ContentType = contentType;
        Content = content;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Position { get; private set; }

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>"Me too": one more resident affected by a report. One per resident and report.</summary>
public sealed class ReportSupporter
{
    private ReportSupporter()
    {
    }

    public ReportSupporter(Guid reportId, Guid userId, DateTime atUtc)
    {
        ReportId = reportId;
        UserId = userId;
        AtUtc = atUtc;
    }

    public Guid ReportId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A resident who is told about every update of a report.</summary>
public sealed class ReportFollower
{
    private ReportFollower()
    {
    }

    public ReportFollower(Guid reportId, Guid userId, DateTime atUtc)
    {
        ReportId = reportId;
        UserId = userId;
        AtUtc = atUtc;
    }

    public Guid ReportId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}

/// <summary>A resident who is told about every new report in a territory (a mahalla or a whole district).</summary>
public sealed class AreaAlert
{
    private AreaAlert()
    {
    }

    public AreaAlert(Guid userId, Guid territoryId, string territoryPath, DateTime atUtc)
    {
        UserId = userId;
        TerritoryId = territoryId;
        TerritoryPath = territoryPath;
        AtUtc = atUtc;
    }

    public Guid UserId { get; private set; }

    public Guid TerritoryId { get; private set; }

    public string TerritoryPath { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}
