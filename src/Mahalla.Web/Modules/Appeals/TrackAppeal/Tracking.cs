using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.TrackAppeal;

public sealed record TrackingStep(string Status, string Kind, DateTime AtUtc);

/// <summary>
/// What anyone holding the tracking number and access code may see: where the request stands and
/// its timeline. No text, no names, no reasons — nothing personal.
/// </summary>
public sealed record TrackingView(
    string TrackingNumber, string Type, string Category, string Status, string ResponsibleOrganization, int EscalationLevel,
    int EscalationCount, DateTime FiledAtUtc, DateTime RegistrationDueUtc, DateTime AnswerDueUtc, int Version, IReadOnlyList<TrackingStep> Timeline);

/// <remarks>
/// One round trip per look-up: one query projects the few columns the view shows and the
/// timeline (never the request's text or answer); the names of the organisation and the category
/// come from the node's reference-data copy (ADR 0011).
/// </remarks>
public sealed class Tracking(MahallaDb db, ReferenceCache reference, Texts texts)
{
    // Not EF.CompileAsyncQuery: a compiled query keeps the SQL of the first provider it ran on, and the
    // tests run SQLite and PostgreSQL in one process. EF's own query cache makes the difference small.
    private static IQueryable<TrackedRow> Rows(IQueryable<Appeal> appeals) =>
        appeals.AsNoTracking().Select(x => new TrackedRow(
            x.AccessCodeHash, x.TrackingNumber, x.Type, x.CategoryCode, x.Status, x.ResponsibleOrganizationId, x.EscalationLevel,
            x.EscalationCount, x.FiledAtUtc, x.RegistrationDueUtc, x.AnswerDueUtc, x.Version,
            x.Events.OrderBy(e => e.Sequence).Select(e => new TrackedStep(e.ToStatus, e.Kind, e.AtUtc)).ToList()));

    /// <summary>Null for a wrong number or code alike, so that guessing reveals nothing.</summary>
    public async Task<TrackingView?> FindAsync(string? trackingNumber, string? code, CancellationToken ct)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number is null || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var a = await Rows(db.Appeals.Where(x => x.TrackingNumber == number)).FirstOrDefaultAsync(ct);
        if (a is null || !AccessCodes.Matches(code, a.AccessCodeHash))
        {
            return null;
        }

        return await ViewAsync(a, ct);
    }

    public async Task<TrackingView?> FindByIdAsync(Guid id, CancellationToken ct) =>
        await Rows(db.Appeals.Where(x => x.Id == id)).FirstOrDefaultAsync(ct) is { } a ? await ViewAsync(a, ct) : null;

    /// <summary>The current version only, for the live status stream (cheap to poll).</summary>
    public Task<int?> VersionAsync(Guid id, CancellationToken ct) =>
        db.Appeals.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.Version).FirstOrDefaultAsync(ct);

    public async Task<Guid?> IdOfAsync(string? trackingNumber, string? code, CancellationToken ct)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number is null || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var a = await db.Appeals.AsNoTracking().Where(x => x.TrackingNumber == number).Select(x => new { x.Id, x.AccessCodeHash }).FirstOrDefaultAsync(ct);
        return a is not null && AccessCodes.Matches(code, a.AccessCodeHash) ? a.Id : null;
    }

    private async Task<TrackingView> ViewAsync(TrackedRow a, CancellationToken ct)
    {
        var culture = texts.Culture;
        var data = await reference.GetAsync(db, ct);
        return new TrackingView(a.TrackingNumber, a.Type.Code(), data.Category(a.CategoryCode)?.Name.In(culture) ?? a.CategoryCode, a.Status.Code(),
            data.Organization(a.ResponsibleOrganizationId)?.Name.In(culture) ?? "", a.EscalationLevel, a.EscalationCount, a.FiledAtUtc,
            a.RegistrationDueUtc, a.AnswerDueUtc, a.Version,
            a.Timeline.Select(e => new TrackingStep(e.ToStatus.Code(), AppealEvent.KindCode(e.Kind), e.AtUtc)).ToList());
    }
}

internal sealed record TrackedStep(AppealStatus ToStatus, EventKind Kind, DateTime AtUtc);

internal sealed record TrackedRow(
    string AccessCodeHash, string TrackingNumber, AppealType Type, string CategoryCode, AppealStatus Status, Guid ResponsibleOrganizationId,
    int EscalationLevel, int EscalationCount, DateTime FiledAtUtc, DateTime RegistrationDueUtc, DateTime AnswerDueUtc, int Version,
    List<TrackedStep> Timeline);
