using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Modules.Triage.OnFiling;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Triage.Queue;

public sealed record TriageQueueItem(
    Guid AppealId, string TrackingNumber, string Text, DateTime FiledAtUtc, string Territory, string CategoryCode, string Category,
    string Organization, string? ChosenCategoryCode, string SuggestedCategoryCode, string SuggestedCategory, double Probability,
    Guid SuggestedOrganizationId, string SuggestedOrganization, AppealTriageNote Note);

public sealed record TriageQueuePage(IReadOnlyList<TriageQueueItem> Items, int Page, int PageSize, int Total);

/// <summary>Staff decide a request's topic and, optionally, the body (the routing rules give it otherwise).</summary>
public sealed record TriageDecisionRequest(string? CategoryCode, Guid? OrganizationId);

public sealed record UrgencyCorrection(string? Level);

public sealed record MergeRequest(Guid? OtherAppealId);

public sealed record TriageDecisionResult(Guid AppealId, string CategoryCode, Guid OrganizationId, string Decision);

public sealed record GroupMember(Guid AppealId, string TrackingNumber, DateTime FiledAtUtc, string Summary);

public sealed record GroupView(Guid MasterId, int AffectedPeople, IReadOnlyList<GroupMember> Members);

/// <summary>
/// The triage queue and the staff decisions on it. Every decision — topic, body, urgency, merge,
/// split — is stored as a labelled example in the same transaction as the change (ADR 0052).
/// Staff see and decide only requests in their own scope.
/// </summary>
internal sealed class TriageQueue(MahallaDb db, Router router, TriageNotes notes, ReferenceCache reference, Texts texts, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<TriageQueuePage> ListAsync(Caller caller, int page, CancellationToken ct)
    {
        StaffOnly(caller);
        var query = from x in db.Set<TriageAssessment>().AsNoTracking()
                    join a in db.Appeals.Where(Scope.VisibleTo(caller)) on x.AppealId equals a.Id
                    where x.Decision == TriageDecision.Waiting
                    select new { x, a };
        page = Math.Clamp(page, 1, 10_000);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.x.UrgencyLevel).ThenBy(r => r.x.FiledAtUtc)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var noted = await notes.ForAsync(rows.Select(r => r.a.Id).ToList(), ct);
        var culture = texts.Culture;
        // Names from the node's reference-data copy (ADR 0011).
        var data = await reference.GetAsync(db, ct);
        string Organization(Guid id) => data.Organization(id)?.Name.In(culture) ?? "";
        string Category(string code) => data.Category(code)?.Name.In(culture) ?? code;
        var items = rows.Select(r => new TriageQueueItem(r.a.Id, r.a.TrackingNumber, r.a.Text, r.a.FiledAtUtc, data.Territory(r.a.TerritoryId)?.Name.In(culture) ?? "",
            r.a.CategoryCode, Category(r.a.CategoryCode), Organization(r.a.ResponsibleOrganizationId),
            r.x.ChosenCategoryCode, r.x.PredictedCategoryCode, Category(r.x.PredictedCategoryCode),
            r.x.Probability, r.x.SuggestedOrganizationId, Organization(r.x.SuggestedOrganizationId), noted[r.a.Id])).ToList();
        return new TriageQueuePage(items, page, PageSize, total);
    }

    public async Task<TriageDecisionResult> DecideAsync(Caller caller, Guid appealId, TriageDecisionRequest request, CancellationToken ct)
    {
        StaffOnly(caller);
        var validation = new Validation();
        var category = request.CategoryCode is { Length: > 0 and <= 40 }
            ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.CategoryCode && c.IsActive, ct)
            : null;
        if (category is null)
        {
            validation.Add("categoryCode", "validation.category");
        }

        if (request.OrganizationId is { } orgId && !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == orgId && o.IsActive, ct))
        {
            validation.Add("organizationId", "triage.validation.organization");
        }

        validation.ThrowIfInvalid();
        var (appeal, assessment) = await LoadAsync(caller, appealId, ct);
        var mahalla = await db.Territories.AsNoTracking().FirstAsync(t => t.Id == appeal.TerritoryId, ct);
        var routed = await router.ResponsibleForAsync(category!.Code, mahalla, ct);
        var organization = request.OrganizationId ?? routed;
        var changes = category.Code != appeal.CategoryCode || organization != appeal.ResponsibleOrganizationId;
        if (!changes && assessment.Decision != TriageDecision.Waiting)
        {
            throw new BusinessRuleException("triage.rule.nothing_to_change");
        }

        var now = Now;
        if (changes)
        {
            appeal.Reclassify(category.Code, organization, caller.AsActor(), now);
        }

        assessment.Decide(caller.UserId!.Value, now);
        Example(ExampleKind.Category, appeal, category.Code, null, caller, now);
        if (request.OrganizationId is { } chosen && chosen != routed)
        {
            Example(ExampleKind.Organization, appeal, chosen.ToString(), null, caller, now);
        }

        await db.SaveChangesAsync(ct);
        return new TriageDecisionResult(appeal.Id, appeal.CategoryCode, appeal.ResponsibleOrganizationId, TriageJson.DecisionCode(assessment.Decision));
    }

    public async Task<AppealTriageNote> CorrectUrgencyAsync(Caller caller, Guid appealId, UrgencyCorrection request, CancellationToken ct)
    {
        StaffOnly(caller);
        var level = TriageJson.ParseLevel(request.Level) ?? throw new InvalidInputException(Validation.Of("level", "triage.validation.level"));
        var (appeal, assessment) = await LoadAsync(caller, appealId, ct);
        assessment.CorrectUrgency(level);
        Example(ExampleKind.Urgency, appeal, TriageJson.LevelCode(level), null, caller, Now);
        await db.SaveChangesAsync(ct);
        return (await notes.ForAsync([appealId], ct))[appealId];
    }

    public async Task<GroupView> MergeAsync(Caller caller, Guid appealId, MergeRequest request, CancellationToken ct)
    {
        StaffOnly(caller);
        if (request.OtherAppealId is not { } otherId || otherId == appealId)
        {
            throw new InvalidInputException(Validation.Of("otherAppealId", "triage.validation.other_appeal"));
        }

        var (appeal, assessment) = await LoadAsync(caller, appealId, ct);
        var (_, other) = await LoadAsync(caller, otherId, ct);
        if (assessment.GroupId == other.GroupId)
        {
            throw new BusinessRuleException("triage.rule.already_in_one_group");
        }

        var groups = new[] { assessment.GroupId, other.GroupId };
        var members = await db.Set<TriageAssessment>().Where(x => groups.Contains(x.GroupId)).ToListAsync(ct);
        var master = members.OrderBy(x => x.FiledAtUtc).ThenBy(x => x.AppealId).First().AppealId;
        foreach (var member in members.Where(m => m.GroupId != master))
        {
            member.JoinGroup(master);
        }

        members.Single(m => m.AppealId == master).CountGroup(members);

        Example(ExampleKind.Merge, appeal, "duplicate", otherId, caller, Now);
        await db.SaveChangesAsync(ct);
        return await GroupAsync(caller, master, ct);
    }

    public async Task<GroupView> SplitAsync(Caller caller, Guid appealId, CancellationToken ct)
    {
        StaffOnly(caller);
        var (appeal, assessment) = await LoadAsync(caller, appealId, ct);
        var members = await db.Set<TriageAssessment>().Where(x => x.GroupId == assessment.GroupId).ToListAsync(ct);
        if (members.Count < 2)
        {
            throw new BusinessRuleException("triage.rule.not_in_a_group");
        }

        var formerMaster = assessment.GroupId;
        var rest = members.Where(m => m.AppealId != appealId).OrderBy(m => m.FiledAtUtc).ThenBy(m => m.AppealId).ToList();
        foreach (var member in rest.Where(m => m.GroupId != rest[0].AppealId))
        {
            member.JoinGroup(rest[0].AppealId);
        }

        assessment.JoinGroup(appealId);
        assessment.CountGroup([assessment]);
        rest[0].CountGroup(rest);
        Example(ExampleKind.Split, appeal, "distinct", formerMaster == appealId ? rest[0].AppealId : formerMaster, caller, Now);
        await db.SaveChangesAsync(ct);
        return await GroupAsync(caller, appealId, ct);
    }

    /// <summary>The duplicate group of a request: its master, the people affected, the members the caller may see.</summary>
    public async Task<GroupView> GroupAsync(Caller caller, Guid appealId, CancellationToken ct)
    {
        StaffOnly(caller);
        var (_, assessment) = await LoadAsync(caller, appealId, ct, track: false);
        var note = (await notes.ForAsync([appealId], ct))[appealId];
        var members = await (from x in db.Set<TriageAssessment>().AsNoTracking()
                             join a in db.Appeals.Where(Scope.VisibleTo(caller)) on x.AppealId equals a.Id
                             where x.GroupId == assessment.GroupId
                             orderby x.FiledAtUtc, x.AppealId
                             select new GroupMember(a.Id, a.TrackingNumber, x.FiledAtUtc, x.Summary)).ToListAsync(ct);
        return new GroupView(assessment.GroupId, note.AffectedPeople, members);
    }

    private async Task<(Appeal Appeal, TriageAssessment Assessment)> LoadAsync(Caller caller, Guid appealId, CancellationToken ct, bool track = true)
    {
        var appeals = track ? db.Appeals : db.Appeals.AsNoTracking();
        var assessments = track ? db.Set<TriageAssessment>() : db.Set<TriageAssessment>().AsNoTracking();
        var appeal = await appeals.Where(Scope.VisibleTo(caller)).FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new NotFoundException();
        var assessment = await assessments.FirstOrDefaultAsync(x => x.AppealId == appealId, ct) ?? throw new NotFoundException();
        return (appeal, assessment);
    }

    private void Example(ExampleKind kind, Appeal appeal, string label, Guid? other, Caller caller, DateTime now) =>
        db.Add(new TriageExample(Guid.CreateVersion7(), kind, appeal.Id, appeal.Text, label, other, caller.UserId!.Value, now));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void StaffOnly(Caller caller)
    {
        if (!caller.IsStaff)
        {
            throw new ForbiddenException("rule.staff_only");
        }
    }
}

/// <summary>Triage notes for the staff inbox and the request page: urgency with evidence, summary, duplicate group.</summary>
internal sealed class TriageNotes(MahallaDb db, DatabaseConnections connections) : IAppealTriageNotes
{
    public async Task<IReadOnlyDictionary<Guid, AppealTriageNote>> ForAsync(IReadOnlyCollection<Guid> appealIds, CancellationToken ct)
    {
        var notes = new Dictionary<Guid, AppealTriageNote>(appealIds.Count);
        await NotesById.ReadAsync(db, connections, appealIds, r => notes[r.GetGuid(0)] = new AppealTriageNote(
            TriageJson.LevelCode((Mahalla.Triage.Urgency.UrgencyLevel)r.GetInt32(1)), TriageJson.ReadFlags(r.GetString(2)), r.GetString(3),
            TriageJson.DecisionCode((TriageDecision)r.GetInt32(4)), r.GetString(5), r.GetDouble(6), r.GetGuid(7),
            DbValues.NullableInt(r, 8) ?? 1, DbValues.NullableInt(r, 9) ?? 1), ct);
        return notes;
    }

    /// <summary>
    /// Only the columns a note shows (an assessment also carries its signature and keywords, which a page of notes never
    /// reads), with its group's size and people as kept on the group's master (ADR 0055; filing counts a request that
    /// joins, merge and split count again), in one prepared statement for a page's ids (ADR 0012, addendum of session 15).
    /// </summary>
    private static readonly ReadsByIds NotesById = new((db, idIn) =>
        $"""
        SELECT x."AppealId", x."UrgencyLevel", x."Flags", x."Summary", x."Decision", x."PredictedCategoryCode", x."Probability", x."GroupId",
        m."GroupSize", m."GroupPeople"
        FROM {db.Table<TriageAssessment>()} x LEFT JOIN {db.Table<TriageAssessment>()} m ON m."AppealId" = x."GroupId"
        WHERE {idIn("x.\"AppealId\"")}
        """);
}
