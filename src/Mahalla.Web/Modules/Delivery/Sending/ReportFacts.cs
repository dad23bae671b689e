using System.Text.Json;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>How an organisation that must reach the resident can do so. Only ever read when the organisation's settings ask for it.</summary>
internal sealed record ReporterContact(string? Name, string? Email, string? Phone);

/// <summary>One answer to a category question, with its prompt and value names in every language.</summary>
internal sealed record FactAnswer(string Code, LocalizedName Prompt, IReadOnlyList<string> Values, IReadOnlyList<LocalizedName?> ValueNames);

/// <summary>
/// What a delivery says about a report: its public facts (what the public report page shows — title,
/// description, category, place, photos as links, the name only when the reporter chose to be named, the
/// answer), the organisation now responsible, and, only when asked for, the reporter's contact. Read fresh at
/// each attempt, so a retry tells the current state and no copy of it is stored.
/// </summary>
internal sealed record ReportFacts(
    Guid Id, string TrackingNumber, string Title, string Description, string CategoryCode, LocalizedName Category, AppealStatus Status,
    DateTime FiledAtUtc, DateTime AnswerDueUtc, double? Latitude, double? Longitude, string? Address, LocationSource Source,
    Guid MahallaId, LocalizedName Mahalla, string AnswersJson, IReadOnlyList<FactAnswer> Answers, string? PublicName, int Supporters,
    Guid ResponsibleOrganizationId, LocalizedName ResponsibleOrganization, string PublicUrl, string StaffUrl, IReadOnlyList<string> PhotoUrls,
    ReporterContact? Reporter, string? AnswerText, DateTime? AnsweredAtUtc)
{
    public string? MapUrl => Latitude is { } lat && Longitude is { } lon
        ? FormattableString.Invariant($"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=18/{lat:0.######}/{lon:0.######}")
        : null;
}

/// <summary>
/// The status change an update delivery tells about, as the public timeline shows it (event kind, new status, time),
/// with the role that made it and whether that was someone of the receiving organisation — never who.
/// </summary>
internal sealed record ReportChange(string Kind, AppealStatus Status, DateTime AtUtc, string ActorRole, bool ByTheOrganization);

internal sealed class ReportFactsReader(MahallaDb db, IOptions<DeliveryOptions> options)
{
    public async Task<ReportFacts?> ReadAsync(Guid reportId, bool withContact, CancellationToken ct)
    {
        var row = await (from rep in db.Set<Report>().AsNoTracking()
                         join a in db.Appeals.AsNoTracking() on rep.Id equals a.Id
                         join t in db.Territories.AsNoTracking() on a.TerritoryId equals t.Id
                         join o in db.Organizations.AsNoTracking() on a.ResponsibleOrganizationId equals o.Id
                         join c in db.Categories.AsNoTracking() on a.CategoryCode equals c.Code
                         where rep.Id == reportId
                         select new { Report = rep, Appeal = a, Territory = t.Name, Organization = o.Name, Category = c.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var photos = await db.Set<ReportPhoto>().AsNoTracking().Where(p => p.ReportId == reportId).OrderBy(p => p.Position)
            .Select(p => p.Id).ToListAsync(ct);
        var questions = (await db.Set<ReportCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.CategoryCode == row.Appeal.CategoryCode, ct))?.Questions ?? [];
        ReporterContact? contact = null;
        if (withContact && row.Appeal.ApplicantUserId is { } applicant)
        {
            contact = await db.Users.AsNoTracking().Where(u => u.Id == applicant)
                .Select(u => new ReporterContact(u.DisplayName, u.Email, u.PhoneNumber)).FirstOrDefaultAsync(ct);
        }

        var site = options.Value.PublicBaseUrl.TrimEnd('/');
        var r = row.Report;
        return new ReportFacts(r.Id, row.Appeal.TrackingNumber, r.Title, row.Appeal.Text, row.Appeal.CategoryCode, row.Category, row.Appeal.Status,
            row.Appeal.FiledAtUtc, row.Appeal.AnswerDueUtc, r.Latitude, r.Longitude, r.Address, r.Source, row.Appeal.TerritoryId, row.Territory,
            r.AnswersJson, Answers(r.AnswersJson, questions), r.IsAnonymous ? null : r.PublicName, r.SupporterCount,
            row.Appeal.ResponsibleOrganizationId, row.Organization, $"{site}/reports/{r.Id}", $"{site}/appeals/{r.Id}",
            photos.Select(p => $"{site}/reports/photos/{p:N}").ToList(), contact, row.Appeal.AnswerText, row.Appeal.AnsweredAtUtc);
    }

    /// <summary>
    /// The report's last status change up to <paramref name="plannedAtUtc"/> — the one the update delivery planned then is
    /// about: derived from the request's events at each attempt, so the delivery row stores nothing of it.
    /// </summary>
    public async Task<ReportChange?> ChangeAsync(Guid reportId, Guid organizationId, DateTime plannedAtUtc, CancellationToken ct)
    {
        EventKind[] kinds = [EventKind.Answered, EventKind.Disputed, EventKind.Confirmed, EventKind.ClosedUnconfirmed];
        var change = await db.AppealEvents.AsNoTracking()
            .Where(e => e.AppealId == reportId && e.AtUtc <= plannedAtUtc && kinds.Contains(e.Kind))
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Kind, e.ToStatus, e.AtUtc, e.ActorRole, e.ActorUserId })
            .FirstOrDefaultAsync(ct);
        if (change is null)
        {
            return null;
        }

        var byTheOrganization = change.ActorUserId is { } actor
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == actor && u.OrganizationId == organizationId, ct);
        return new ReportChange(AppealEvent.KindCode(change.Kind), change.ToStatus, change.AtUtc, change.ActorRole, byTheOrganization);
    }

    private static List<FactAnswer> Answers(string json, IReadOnlyList<ReportQuestion> questions)
    {
        var given = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
        var answers = new List<FactAnswer>();
        foreach (var q in questions.Where(q => given.ContainsKey(q.Code)))
        {
            var element = given[q.Code];
            var values = element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select(v => v.ToString()).ToList()
                : [element.ToString()];
            answers.Add(new FactAnswer(q.Code, q.Prompt, values, values.Select(v => q.Values.FirstOrDefault(x => x.Key == v)?.Name).ToList()));
        }

        return answers;
    }
}
