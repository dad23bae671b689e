using Mahalla.Web.Modules.Appeals.Data;
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

public sealed class Tracking(MahallaDb db, Texts texts)
{
    /// <summary>Null for a wrong number or code alike, so that guessing reveals nothing.</summary>
    public async Task<TrackingView?> FindAsync(string? trackingNumber, string? code, CancellationToken ct)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number is null || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var a = await db.Appeals.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.TrackingNumber == number, ct);
        if (a is null || !AccessCodes.Matches(code, a.AccessCodeHash))
        {
            return null;
        }

        return await ViewAsync(a, ct);
    }

    public async Task<TrackingView?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Appeals.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : await ViewAsync(a, ct);
    }

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

    private async Task<TrackingView> ViewAsync(Appeal a, CancellationToken ct)
    {
        var culture = texts.Culture;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == a.ResponsibleOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var category = await db.Categories.AsNoTracking().Where(c => c.Code == a.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return new TrackingView(a.TrackingNumber, a.Type.Code(), category?.In(culture) ?? a.CategoryCode, a.Status.Code(), org.In(culture),
            a.EscalationLevel, a.EscalationCount, a.FiledAtUtc, a.RegistrationDueUtc, a.AnswerDueUtc, a.Version,
            a.Events.OrderBy(e => e.Sequence).Select(e => new TrackingStep(e.ToStatus.Code(), AppealEvent.KindCode(e.Kind), e.AtUtc)).ToList());
    }
}
