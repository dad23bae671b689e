namespace Mahalla.Web.Modules.Appeals.Data;

public enum AppealType
{
    Application = 1,
    Proposal = 2,
    Complaint = 3,
    /// <summary>A local problem reported at a place (a pothole, a dark street light…): filed through the reports module, never through the appeal form.</summary>
    Report = 4,
}

/// <summary>
/// Where a request stands. Only <see cref="Resolved"/> counts as resolved: an answer the citizen
/// never confirmed closes as <see cref="ClosedUnconfirmed"/>, a different outcome.
/// </summary>
public enum AppealStatus
{
    /// <summary>Filed and routed; waiting to be registered (taken into work) by the responsible body.</summary>
    Submitted = 1,
    InProgress = 2,
    Answered = 3,
    Resolved = 4,
    /// <summary>The citizen disputed the answer; it is open again, one level up.</summary>
    Reopened = 5,
    ClosedUnconfirmed = 6,
}

public static class AppealWords
{
    public static string Code(this AppealStatus status) => status switch
    {
        AppealStatus.Submitted => "submitted",
        AppealStatus.InProgress => "in_progress",
        AppealStatus.Answered => "answered",
        AppealStatus.Resolved => "resolved",
        AppealStatus.Reopened => "reopened",
        AppealStatus.ClosedUnconfirmed => "closed_unconfirmed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Code(this AppealType type) => type switch
    {
        AppealType.Application => "application",
        AppealType.Proposal => "proposal",
        AppealType.Complaint => "complaint",
        AppealType.Report => "report",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static AppealType? ParseType(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "application" => AppealType.Application,
        "proposal" => AppealType.Proposal,
        "complaint" => AppealType.Complaint,
        _ => null,
    };

    /// <summary>Any request type, reports included (filters and lists; the appeal form takes <see cref="ParseType"/>).</summary>
    public static AppealType? ParseAnyType(string? code) =>
        code?.Trim().ToLowerInvariant() == "report" ? AppealType.Report : ParseType(code);

    public static AppealStatus? ParseStatus(string? code) =>
        Enum.GetValues<AppealStatus>().Cast<AppealStatus?>().FirstOrDefault(s => s!.Value.Code() == code);

    public static bool IsOpen(this AppealStatus status) =>
        status is AppealStatus.Submitted or AppealStatus.InProgress or AppealStatus.Reopened;

    /// <summary>
    /// The statuses <see cref="IsOpen"/> accepts, for queries: EF Core cannot translate <see cref="IsOpen"/>, and writes
    /// <c>OpenStatuses.Contains(x.Status)</c> as a constant <c>IN (1, 2, 5)</c>. Never changed at run time.
    /// </summary>
    internal static readonly AppealStatus[] OpenStatuses = [AppealStatus.Submitted, AppealStatus.InProgress, AppealStatus.Reopened];

    public static bool IsClosed(this AppealStatus status) =>
        status is AppealStatus.Resolved or AppealStatus.ClosedUnconfirmed;
}
