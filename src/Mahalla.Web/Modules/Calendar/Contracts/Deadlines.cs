using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Calendar.Contracts;

/// <summary>Deadline terms for a request and the working calendar they are counted on.</summary>
public sealed class Deadlines(MahallaDb db)
{
    public async Task<DeadlineTerms> TermsForAsync(string requestType, string categoryCode, CancellationToken ct)
    {
        var candidates = await db.DeadlinePolicies.AsNoTracking()
            .Where(p => (p.RequestType == null || p.RequestType == requestType) && (p.CategoryCode == null || p.CategoryCode == categoryCode))
            .ToListAsync(ct);
        return candidates.OrderByDescending(p => p.Specificity).FirstOrDefault()?.Terms ?? DeadlineTerms.Law;
    }

    /// <summary>The calendar around <paramref name="nowUtc"/>: holidays of the surrounding years.</summary>
    public async Task<WorkingCalendar> CalendarAsync(DateTime nowUtc, CancellationToken ct)
    {
        var from = new DateOnly(nowUtc.Year - 1, 1, 1);
        var to = new DateOnly(nowUtc.Year + 2, 1, 1);
        var days = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date < to).Select(h => h.Date).ToListAsync(ct);
        return new WorkingCalendar(days.ToHashSet(), WorkingCalendar.SaturdaySunday);
    }
}
