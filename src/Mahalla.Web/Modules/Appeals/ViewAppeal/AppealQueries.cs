using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.ViewAppeal;

public sealed record TimelineEntry(string Kind, string Status, DateTime AtUtc, string ActorRole, string? Reason, int EscalationLevel);

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string Purpose);

public sealed record NoteView(Guid Id, string Author, string Text, DateTime AtUtc);

public sealed record AppealView(
    Guid Id, string TrackingNumber, string Type, string CategoryCode, string Category, Guid TerritoryId, string Territory,
    string Text, string Language, bool IsAnonymous, string Status, Guid ResponsibleOrganizationId, string ResponsibleOrganization,
    string? Assignee, int EscalationLevel, int EscalationCount, bool Overdue, DateTime FiledAtUtc, DateTime RegistrationDueUtc,
    DateTime AnswerDueUtc, DateTime? AnsweredAtUtc, DateTime? ClosedAtUtc, DateTime? ConfirmationDueUtc, string? ExtensionReason,
    string? AnswerText, string? DisputeReason, int? RatingScore, string? RatingComment, int Version, bool IsMine,
    IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<NoteView>? Notes,
    Contracts.AppealTriageNote? Triage = null);

public sealed record AppealSummary(
    Guid Id, string TrackingNumber, string Type, string CategoryCode, string Category, string Territory, string Status,
    string ResponsibleOrganization, string? Assignee, int EscalationLevel, int EscalationCount, bool Overdue,
    DateTime FiledAtUtc, DateTime AnswerDueUtc, string Excerpt, Contracts.AppealTriageNote? Triage = null);

/// <summary>Reads of requests, always through the caller's scope. Internal notes only ever reach staff.</summary>
public sealed class AppealQueries(MahallaDb db, Texts texts, TimeProvider clock, IEnumerable<Contracts.IAppealTriageNotes> triageNotes)
{
    public async Task<AppealView> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var a = await db.Appeals.AsNoTracking().Include(x => x.Events).Where(Scope.VisibleTo(caller)).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var names = await NamesAsync([a], ct);
        var attachments = await db.AppealAttachments.AsNoTracking().Where(x => x.AppealId == id).OrderBy(x => x.UploadedAtUtc)
            .Select(x => new AttachmentInfo(x.Id, x.FileName, x.ContentType, x.Size, x.Purpose == AttachmentPurpose.Filing ? "filing" : "dispute_evidence"))
            .ToListAsync(ct);
        List<NoteView>? notes = null;
        Contracts.AppealTriageNote? triage = null;
        if (caller.IsStaff)
        {
            triage = (await TriageNotesAsync([a.Id], ct)).GetValueOrDefault(a.Id);
            notes = await (from n in db.InternalNotes.AsNoTracking()
                           join u in db.Users on n.AuthorUserId equals u.Id
                           where n.AppealId == id
                           orderby n.AtUtc
                           select new NoteView(n.Id, u.DisplayName ?? u.UserName!, n.Text, n.AtUtc)).ToListAsync(ct);
        }

        var timeline = a.Events.OrderBy(e => e.Sequence)
            .Select(e => new TimelineEntry(AppealEvent.KindCode(e.Kind), e.ToStatus.Code(), e.AtUtc, e.ActorRole,
                e.Kind is EventKind.Forwarded or EventKind.Extended or EventKind.Disputed ? e.Reason : null, e.EscalationLevel)).ToList();
        return new AppealView(a.Id, a.TrackingNumber, a.Type.Code(), a.CategoryCode, names.Category(a.CategoryCode), a.TerritoryId,
            names.Territory(a.TerritoryId), a.Text, a.Language, a.IsAnonymous, a.Status.Code(), a.ResponsibleOrganizationId,
            names.Organization(a.ResponsibleOrganizationId), names.User(a.AssigneeUserId), a.EscalationLevel, a.EscalationCount,
            a.IsOverdue(Now), a.FiledAtUtc, a.RegistrationDueUtc, a.AnswerDueUtc, a.AnsweredAtUtc, a.ClosedAtUtc, a.ConfirmationDueUtc,
            a.ExtensionReason, a.AnswerText, a.DisputeReason, a.RatingScore, a.RatingComment, a.Version, a.BelongsTo(caller.UserId),
            timeline, attachments, notes, triage);
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> AttachmentAsync(Caller caller, Guid appealId, Guid attachmentId, CancellationToken ct)
    {
        var visible = await db.Appeals.AsNoTracking().Where(Scope.VisibleTo(caller)).AnyAsync(a => a.Id == appealId, ct);
        var file = visible
            ? await db.AppealAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.AppealId == appealId, ct)
            : null;
        return file is null ? throw new NotFoundException() : (file.Content, file.ContentType, file.FileName);
    }

    public async Task<IReadOnlyList<AppealSummary>> MineAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.IsSignedIn)
        {
            return [];
        }

        var list = await db.Appeals.AsNoTracking().Where(a => a.ApplicantUserId == caller.UserId)
            .OrderByDescending(a => a.FiledAtUtc).Take(200).ToListAsync(ct);
        return await SummariesAsync(list, ct);
    }

    public async Task<IReadOnlyList<AppealSummary>> SummariesAsync(IReadOnlyList<Appeal> list, CancellationToken ct)
    {
        var names = await NamesAsync(list, ct);
        var now = Now;
        return list.Select(a => new AppealSummary(a.Id, a.TrackingNumber, a.Type.Code(), a.CategoryCode, names.Category(a.CategoryCode),
            names.Territory(a.TerritoryId), a.Status.Code(), names.Organization(a.ResponsibleOrganizationId), names.User(a.AssigneeUserId),
            a.EscalationLevel, a.EscalationCount, a.IsOverdue(now), a.FiledAtUtc, a.AnswerDueUtc, Excerpt(a.Text))).ToList();
    }

    /// <summary>Triage notes (urgency with evidence, summary, duplicate group) for staff, when a triage module is registered.</summary>
    public async Task<IReadOnlyDictionary<Guid, Contracts.AppealTriageNote>> TriageNotesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        triageNotes.LastOrDefault() is { } source ? await source.ForAsync(ids, ct) : new Dictionary<Guid, Contracts.AppealTriageNote>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Excerpt(string text) => text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");

    private async Task<Names> NamesAsync(IReadOnlyList<Appeal> list, CancellationToken ct)
    {
        var culture = texts.Culture;
        var orgIds = list.Select(a => a.ResponsibleOrganizationId).Distinct().ToList();
        var territoryIds = list.Select(a => a.TerritoryId).Distinct().ToList();
        var userIds = list.Where(a => a.AssigneeUserId is not null).Select(a => a.AssigneeUserId!.Value).Distinct().ToList();
        var orgs = (await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => o.Name.In(culture));
        var territories = (await db.Territories.AsNoTracking().Where(t => territoryIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => t.Name.In(culture));
        var categories = (await db.Categories.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(ct))
            .ToDictionary(c => c.Code, c => c.Name.In(culture));
        var users = (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => u.DisplayName ?? u.UserName ?? "");
        return new Names(orgs, territories, categories, users);
    }

    private sealed record Names(Dictionary<Guid, string> Orgs, Dictionary<Guid, string> Territories, Dictionary<string, string> Categories, Dictionary<Guid, string> Users)
    {
        public string Organization(Guid id) => Orgs.GetValueOrDefault(id, "");

        public string Territory(Guid id) => Territories.GetValueOrDefault(id, "");

        public string Category(string code) => Categories.GetValueOrDefault(code, code);

        public string? User(Guid? id) => id is { } v ? Users.GetValueOrDefault(v) : null;
    }
}

internal static class Tashkent
{
    public static string Show(DateTime utc) => WorkingCalendar.ToTashkent(utc).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
