using System.Linq.Expressions;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.ViewAppeal;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.AppealInbox;

/// <summary>
/// Inbox filters; every one optional. Without a status the inbox holds the work that waits for an answer
/// (<c>status=open</c>: submitted, in progress, reopened); <c>status=all</c> holds everything, closed work included.
/// <c>assignee=me</c> shows one's own work.
/// </summary>
public sealed record InboxFilter(string? Status, string? Type, string? Category, bool? Overdue, Guid? TerritoryId, string? Assignee, int Page = 1);

/// <summary>
/// A page of the inbox. <see cref="Total"/> is the number of requests that match, counted up to the node's count limit
/// (<see cref="InboxOptions.CountLimit"/>); <see cref="TotalIsExact"/> is false when there are more than that.
/// </summary>
public sealed record InboxResult(IReadOnlyList<AppealSummary> Items, int Page, int PageSize, int Total, bool TotalIsExact)
{
    /// <summary>Whether a next page may hold requests: this one is full, and the count does not rule it out.</summary>
    public bool HasNextPage => Items.Count == PageSize && (!TotalIsExact || Total > Page * PageSize);
}

/// <summary>Configuration section <c>Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// How far an inbox page counts the requests that match (ADR 0065): counting is a walk of an index, as long as the
    /// backlog, on every page. Beyond it the page says "more than …".
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int CountLimit { get; set; } = 1000;
}

/// <summary>The staff inbox: the requests in the caller's scope, oldest deadline first.</summary>
public sealed class Inbox(MahallaDb db, AppealQueries queries, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InboxOptions> options)
{
    public const int PageSize = 50;

    /// <summary>The status filter of the work that waits for the staff's answer: the inbox's default.</summary>
    public const string OpenStatus = "open";

    /// <summary>The status filter of everything in scope, answered and closed work included.</summary>
    public const string AllStatuses = "all";

    /// <summary>
    /// The requests that wait for the staff (<see cref="AppealWords.IsOpen"/>), to list in the inbox's order. The SQL is
    /// <c>abs(CAST("Status" AS INTEGER)) = 1 OR … = 2 OR … = 5</c>, the very condition of the partial indexes of the open
    /// inbox (M0016), so that both databases walk them. The <c>abs</c> changes no value (a status is positive); it keeps
    /// SQLite, which has no statistics, from taking the condition for a selective one: on the bare column
    /// (<see cref="OpenWork"/>) it looked the three statuses up in <c>IX_appeals_Status_AnswerDueUtc</c> and sorted every
    /// open request of a region for each page, even with <c>likely()</c> around it.
    /// </summary>
    internal static IQueryable<Appeal> OpenWorkInOrder(IQueryable<Appeal> query) =>
        query.Where(a => Math.Abs((int)a.Status) == (int)AppealStatus.Submitted
            || Math.Abs((int)a.Status) == (int)AppealStatus.InProgress
            || Math.Abs((int)a.Status) == (int)AppealStatus.Reopened);

    /// <summary>
    /// The requests that wait for the staff (<see cref="AppealWords.IsOpen"/>: submitted, in progress, or reopened by a
    /// dispute; answered work waits for the citizen, and closed work for nobody), on the bare column:
    /// <c>"Status" IN (1, 2, 5)</c>. An organisation's open work is counted in this form, as three seeks in
    /// <c>IX_appeals_ResponsibleOrganizationId_Status</c>; a territory's in the <see cref="OpenWorkInOrder"/> form, from
    /// <c>IX_appeals_OpenByTerritory</c>, which holds their path, organisation and status (M0016).
    /// </summary>
    internal static IQueryable<Appeal> OpenWork(IQueryable<Appeal> query) =>
        query.Where(a => a.Status == AppealStatus.Submitted || a.Status == AppealStatus.InProgress || a.Status == AppealStatus.Reopened);

    public async Task<InboxResult> ListAsync(Caller caller, InboxFilter filter, CancellationToken ct)
    {
        if (!caller.IsStaff)
        {
            throw new ForbiddenException("rule.staff_only");
        }

        var openWork = string.IsNullOrEmpty(filter.Status) || filter.Status == OpenStatus; // added last, in two forms
        AppealStatus? status = openWork || filter.Status == AllStatuses ? null
            : AppealWords.ParseStatus(filter.Status) ?? throw new InvalidInputException(Validation.Of("status", "validation.status"));
        AppealType? type = string.IsNullOrEmpty(filter.Type) ? null
            : AppealWords.ParseAnyType(filter.Type) ?? throw new InvalidInputException(Validation.Of("type", "validation.type"));
        string? territoryPath = null;
        if (filter.TerritoryId is { } territoryId)
        {
            territoryPath = await db.Territories.AsNoTracking().Where(t => t.Id == territoryId).Select(t => t.Path).FirstOrDefaultAsync(ct)
                ?? throw new InvalidInputException(Validation.Of("territoryId", "validation.territory"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        IQueryable<Appeal> Filtered(Expression<Func<Appeal, bool>> scope)
        {
            var query = db.Appeals.AsNoTracking().Where(scope);
            if (status is { } s)
            {
                query = query.Where(a => a.Status == s);
            }

            if (type is { } t)
            {
                query = query.Where(a => a.Type == t);
            }

            if (!string.IsNullOrEmpty(filter.Category))
            {
                query = query.Where(a => a.CategoryCode == filter.Category);
            }

            if (territoryPath is { } path)
            {
                query = query.Where(a => a.TerritoryPath.StartsWith(path));
            }

            if (filter.Assignee == "me")
            {
                query = query.Where(a => a.AssigneeUserId == caller.UserId);
            }

            if (filter.Overdue == true)
            {
                query = OpenWork(query).Where(a => a.AnswerDueUtc < now || (a.Status == AppealStatus.Submitted && a.RegistrationDueUtc < now));
            }

            return query;
        }

        var page = Math.Clamp(filter.Page, 1, 10_000);
        // One connection for the page's few statements, instead of one from the pool for each.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var query = Filtered(Scope.VisibleTo(caller));
            // Counted up to the limit and one more, so that the page knows whether there are more (ADR 0065).
            var limit = options.Value.CountLimit;
            var total = 0;
            if (openWork)
            {
                // The open work of each part of the scope, from an index that holds it (see OpenWork).
                foreach (var (part, byOrganization) in Scope.CountedParts(caller))
                {
                    var counted = byOrganization ? OpenWork(Filtered(part)) : OpenWorkInOrder(Filtered(part));
                    total += await UpTo(counted.WithPathRanges(db), limit + 1 - total).CountAsync(ct); // by the path index, not a LIKE of every row (SQLite)
                    if (total > limit)
                    {
                        break;
                    }
                }
            }
            else
            {
                total = await UpTo(query.WithPathRanges(db), limit + 1).CountAsync(ct);
            }

            var exact = total <= limit;
            var ids = await PageIds(openWork ? OpenWorkToPage(query, small: exact, db) : query, page).ToListAsync(ct);
            // The page's rows by id in one prepared statement (ADR 0012), then in the page's order.
            var rows = (await queries.SummaryRowsAsync(ids, ct)).ToDictionary(a => a.Id);
            var items = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
            var triage = await queries.TriageNotesAsync(items.Select(a => a.Id).ToList(), ct);
            var summaries = (await queries.SummariesAsync(items, ct)).Select(s => s with { Triage = triage.GetValueOrDefault(s.Id) }).ToList();
            return new InboxResult(summaries, page, PageSize, Math.Min(total, limit), exact);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// At most <paramref name="count"/> of the requests, for a count that stops there: SQLite and PostgreSQL both stop
    /// reading the index at the limit (<c>SELECT count(*) FROM (SELECT 1 … LIMIT @n)</c>).
    /// </summary>
    internal static IQueryable<Appeal> UpTo(IQueryable<Appeal> query, int count) => query.Take(count);

    /// <summary>
    /// The open work of a scope, for a page (ADR 0066). A <paramref name="small"/> scope (the count found at most its
    /// limit) is read by its territory's path range, from the open work's path index, and sorted: a mahalla's or a
    /// district's few hundred requests, wherever they sit in the country's order. A larger scope is walked in the inbox's
    /// order (<see cref="OpenWorkInOrder"/>, with the path's <c>LIKE</c> checked on each entry); its requests come often
    /// enough that the walk stops at the page's end soon. Walked instead, a mahalla's page of a national database read
    /// every open request of the country; sorted instead, a region's page would sort tens of thousands. The two forms
    /// are two statements, so PostgreSQL keeps a plan for each.
    /// </summary>
    internal static IQueryable<Appeal> OpenWorkToPage(IQueryable<Appeal> inScope, bool small, DbContext db)
    {
        var open = OpenWorkInOrder(inScope);
        return small ? open.WithPathRanges(db) : open;
    }

    /// <summary>
    /// A page's ids in the inbox's order, without sorting the scope. The open work (the default) has indexes of its own
    /// that hold nothing else (M0016), so closed work with early deadlines is never walked past: an operator's is
    /// <c>IX_appeals_OrganizationOpenInbox</c>, a supervisor's or mahalla's <c>IX_appeals_OpenInbox</c>. Any other status
    /// filter searches <c>IX_appeals_OrganizationInbox</c> (M0015) or walks <c>IX_appeals_Inbox</c> (M0012). All stop at
    /// the page's end. The rows are read afterwards, by id: reading
    /// the page's columns in this statement instead was no faster on SQLite and slower on PostgreSQL (466 → 373
    /// pages per second in a paired run).
    /// </summary>
    internal static IQueryable<Guid> PageIds(IQueryable<Appeal> inScope, int page) =>
        inScope.OrderByDescending(a => a.EscalationLevel).ThenBy(a => a.AnswerDueUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(a => a.Id);
}
