using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.ViewReport;

public sealed record PublicUpdate(string Kind, string Status, DateTime AtUtc, string? Text);

/// <summary>A report as the public sees it: never a phone number or e-mail, the reporter's name only when they chose so.</summary>
public sealed record PublicReport(
    Guid Id, string TrackingNumber, string Title, string Description, string CategoryCode, string Category, string Status,
    Guid TerritoryId, string Territory, double? Latitude, double? Longitude, string? Address, string? ReporterName,
    int Supporters, DateTime FiledAtUtc, DateTime UpdatedAtUtc, string ResponsibleOrganization,
    IReadOnlyList<string> PhotoUrls, IReadOnlyDictionary<string, JsonElement> Answers, IReadOnlyList<PublicUpdate> Updates);

/// <summary>Reads reports for the public: the report page, its photos.</summary>
public sealed class ReportQueries(MahallaDb db, Texts texts)
{
    public async Task<PublicReport> GetAsync(Guid id, CancellationToken ct)
    {
        var culture = texts.Culture;
        var row = await (from r in db.Set<Report>().AsNoTracking()
                         join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                         join t in db.Territories.AsNoTracking() on r.TerritoryId equals t.Id
                         join o in db.Organizations.AsNoTracking() on a.ResponsibleOrganizationId equals o.Id
                         join c in db.Categories.AsNoTracking() on r.CategoryCode equals c.Code
                         where r.Id == id
                         select new { Report = r, a.TrackingNumber, a.Text, a.AnswerText, Territory = t.Name, Organization = o.Name, Category = c.Name })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var photos = await db.Set<ReportPhoto>().AsNoTracking().Where(p => p.ReportId == id).OrderBy(p => p.Position)
            .Select(p => p.Id).ToListAsync(ct);
        var events = await db.AppealEvents.AsNoTracking().Where(e => e.AppealId == id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Kind, e.ToStatus, e.AtUtc }).ToListAsync(ct);
        var report = row.Report;
        var updates = events.Select(e => new PublicUpdate(AppealEvent.KindCode(e.Kind), e.ToStatus.Code(), e.AtUtc,
            e.Kind == EventKind.Answered ? row.AnswerText : null)).ToList();
        var answers = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(report.AnswersJson) ?? [];
        return new PublicReport(report.Id, row.TrackingNumber, report.Title, row.Text, report.CategoryCode, row.Category.In(culture), report.Status.Code(),
            report.TerritoryId, row.Territory.In(culture), report.Latitude, report.Longitude, report.Address, report.IsAnonymous ? null : report.PublicName,
            report.SupporterCount, report.FiledAtUtc, report.UpdatedAtUtc, row.Organization.In(culture),
            photos.Select(p => $"/reports/photos/{p:N}").ToList(), answers, updates);
    }

    /// <summary>Whether the caller filed the report: only they answer "was it fixed?".</summary>
    public async Task<bool> IsReporterAsync(Caller caller, Guid id, CancellationToken ct) =>
        caller.UserId is { } me && await db.Appeals.AsNoTracking().AnyAsync(a => a.Id == id && a.ApplicantUserId == me, ct);

    public async Task<(byte[] Content, string ContentType)> PhotoAsync(Guid photoId, CancellationToken ct)
    {
        var photo = await db.Set<ReportPhoto>().AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return (photo.Content, photo.ContentType);
    }
}
