using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.Open311.ServiceRequests;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.Updates;

/// <summary>
/// <c>GET servicerequestupdates</c>, the extension FixMyStreet uses to follow requests: every change of every
/// report in the window (<c>start_date</c>/<c>end_date</c>, 90 days at most, the last 90 by default), oldest first,
/// up to 1,000. An update is one event of the request engine: what happened, in the request's words, and the
/// status after it; the organisation's answer goes with the latest answer event. The reasons staff or residents
/// give (which may name people) are never part of an update.
/// </summary>
internal sealed class UpdateQueries(MahallaDb db, Texts texts)
{
    public const int Limit = 1_000;

    public async Task<Node> ListAsync(DateTime fromUtc, DateTime toUtc, Jurisdiction jurisdiction, CancellationToken ct)
    {
        var reports = db.Set<Report>().AsNoTracking();
        if (jurisdiction.TerritoryPath is { } path)
        {
            reports = reports.Where(r => r.TerritoryPath.StartsWith(path));
        }

        var rows = await (from e in db.AppealEvents.AsNoTracking()
                          join r in reports on e.AppealId equals r.Id
                          join a in db.Appeals.AsNoTracking() on r.Id equals a.Id
                          where e.AtUtc >= fromUtc && e.AtUtc <= toUtc
                          orderby e.AtUtc, e.AppealId, e.Sequence
                          select new
                          {
                              e.Id,
                              e.Kind,
                              e.ToStatus,
                              e.AtUtc,
                              a.TrackingNumber,
                              Answer = e.Kind == EventKind.Answered
                                  && e.Sequence == db.AppealEvents.Where(x => x.AppealId == e.AppealId && x.Kind == EventKind.Answered).Max(x => x.Sequence)
                                  ? a.AnswerText
                                  : null,
                          }).Take(Limit).ToListAsync(ct);
        return new Many("service_request_updates", "request_update", rows.Select(u =>
        {
            var what = texts[$"event.{AppealEvent.KindCode(u.Kind)}"];
            return (Node)new Group("request_update",
                new Leaf("update_id", u.Id.ToString("N")),
                new Leaf("service_request_id", u.TrackingNumber),
                new Leaf("status", RequestQueries.StatusOf(u.ToStatus)),
                new Leaf("updated_datetime", W3cDates.Format(u.AtUtc)),
                new Leaf("description", u.Answer is { } answer ? $"{what}: {answer}" : what),
                new Leaf("media_url", null));
        }).ToList());
    }
}
