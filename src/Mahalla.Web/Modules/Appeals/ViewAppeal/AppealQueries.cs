using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.ReferenceData;
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
public sealed class AppealQueries(
    MahallaDb db, DatabaseConnections connections, ReferenceCache reference, Texts texts, TimeProvider clock, IEnumerable<Contracts.IAppealTriageNotes> triageNotes)
{
    public async Task<AppealView> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var a = await db.Appeals.AsNoTracking().Include(x => x.Events).Where(Scope.VisibleTo(caller)).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var names = await NamesAsync([(a.ResponsibleOrganizationId, a.TerritoryId, a.AssigneeUserId)], ct);
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

        var list = await SummaryRows(db.Appeals.AsNoTracking().Where(a => a.ApplicantUserId == caller.UserId)
            .OrderByDescending(a => a.FiledAtUtc).Take(200)).ToListAsync(ct);
        return await SummariesAsync(list, ct);
    }

    /// <summary>The columns a summary shows, with only the start of the text (lists never read whole texts).</summary>
    public static IQueryable<SummaryRow> SummaryRows(IQueryable<Appeal> appeals) =>
        appeals.Select(a => new SummaryRow(a.Id, a.TrackingNumber, a.Type, a.CategoryCode, a.TerritoryId, a.Status, a.ResponsibleOrganizationId,
            a.AssigneeUserId, a.EscalationLevel, a.EscalationCount, a.FiledAtUtc, a.RegistrationDueUtc, a.AnswerDueUtc,
            a.Text.Substring(0, ExcerptLength + 1)));

    /// <summary>
    /// The summary rows of requests already chosen by id (a list page's), in no particular order: the columns of
    /// <see cref="SummaryRows"/> in one prepared statement (ADR 0012, addendum of session 15). No scope is checked here;
    /// the ids must come from a read through the caller's scope.
    /// </summary>
    internal async Task<List<SummaryRow>> SummaryRowsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = new List<SummaryRow>(ids.Count);
        await SummaryRowsById.ReadAsync(db, connections, ids, r => rows.Add(new SummaryRow(r.GetGuid(0), r.GetString(1), (AppealType)r.GetInt32(2),
            r.GetString(3), r.GetGuid(4), (AppealStatus)r.GetInt32(5), r.GetGuid(6), DbValues.NullableGuid(r, 7), r.GetInt32(8), r.GetInt32(9),
            DbValues.Utc(r, 10), DbValues.Utc(r, 11), DbValues.Utc(r, 12), r.GetString(13))), ct);
        return rows;
    }

    private static readonly ReadsByIds SummaryRowsById = new((db, idIn) =>
        $"""
        SELECT a."Id", a."TrackingNumber", a."Type", a."CategoryCode", a."TerritoryId", a."Status", a."ResponsibleOrganizationId",
        a."AssigneeUserId", a."EscalationLevel", a."EscalationCount", a."FiledAtUtc", a."RegistrationDueUtc", a."AnswerDueUtc",
        substr(a."Text", 1, {ExcerptLength + 1})
        FROM {db.Table<Appeal>()} a WHERE {idIn("a.\"Id\"")}
        """);

    public async Task<IReadOnlyList<AppealSummary>> SummariesAsync(IReadOnlyList<SummaryRow> list, CancellationToken ct)
    {
        var names = await NamesAsync(list.Select(a => (a.ResponsibleOrganizationId, a.TerritoryId, a.AssigneeUserId)), ct);
        var now = Now;
        return list.Select(a => new AppealSummary(a.Id, a.TrackingNumber, a.Type.Code(), a.CategoryCode, names.Category(a.CategoryCode),
            names.Territory(a.TerritoryId), a.Status.Code(), names.Organization(a.ResponsibleOrganizationId), names.User(a.AssigneeUserId),
            a.EscalationLevel, a.EscalationCount, a.IsOverdue(now), a.FiledAtUtc, a.AnswerDueUtc, Excerpt(a.TextStart))).ToList();
    }

    /// <summary>Triage notes (urgency with evidence, summary, duplicate group) for staff, when a triage module is registered.</summary>
    public async Task<IReadOnlyDictionary<Guid, Contracts.AppealTriageNote>> TriageNotesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        triageNotes.LastOrDefault() is { } source ? await source.ForAsync(ids, ct) : new Dictionary<Guid, Contracts.AppealTriageNote>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private const int ExcerptLength = 140;

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength - 1), "…");

    /// <summary>Names of organisations, territories and categories from the node's reference-data copy (ADR 0011); assignees in one query.</summary>
    private async Task<Names> NamesAsync(IEnumerable<(Guid Organization, Guid Territory, Guid? Assignee)> refs, CancellationToken ct)
    {
        var culture = texts.Culture;
        var data = await reference.GetAsync(db, ct);
        var list = refs.ToList();
        var orgs = list.Select(r => r.Organization).Distinct().Select(id => (id, data.Organization(id)))
            .Where(o => o.Item2 is not null).ToDictionary(o => o.id, o => o.Item2!.Name.In(culture));
        var territories = list.Select(r => r.Territory).Distinct().Select(id => (id, data.Territory(id)))
            .Where(t => t.Item2 is not null).ToDictionary(t => t.id, t => t.Item2!.Name.In(culture));
        var categories = data.Categories.ToDictionary(c => c.Code, c => c.Name.In(culture));
        var userIds = list.Where(r => r.Assignee is not null).Select(r => r.Assignee!.Value).Distinct().ToList();
        var users = userIds.Count == 0 ? []
            : (await db.Users.AsNoTracking().Where(u => EF.Parameter(userIds).Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct))
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

/// <summary>What a list shows of a request; <see cref="TextStart"/> is enough of the text for its excerpt.</summary>
public sealed record SummaryRow(
    Guid Id, string TrackingNumber, AppealType Type, string CategoryCode, Guid TerritoryId, AppealStatus Status, Guid ResponsibleOrganizationId,
    Guid? AssigneeUserId, int EscalationLevel, int EscalationCount, DateTime FiledAtUtc, DateTime RegistrationDueUtc, DateTime AnswerDueUtc,
    string TextStart)
{
    public bool IsOverdue(DateTime nowUtc) => Appeal.Overdue(Status, RegistrationDueUtc, AnswerDueUtc, nowUtc);
}

internal static class Tashkent
{
    public static string Show(DateTime utc) => WorkingCalendar.ToTashkent(utc).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
