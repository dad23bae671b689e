using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Platform.Database;

namespace Mahalla.Web.Modules.Calendar.Contracts;

/// <summary>Deadline terms for a request and the working calendar they are counted on, from the node's reference-data copy (ADR 0011).</summary>
public sealed class Deadlines(MahallaDb db, ReferenceCache reference)
{
    public async Task<DeadlineTerms> TermsForAsync(string requestType, string categoryCode, CancellationToken ct) =>
        TermsFor(await reference.GetAsync(db, ct), requestType, categoryCode);

    public static DeadlineTerms TermsFor(ReferenceSnapshot data, string requestType, string categoryCode) =>
        data.DeadlinePolicies
            .Where(p => (p.RequestType == null || p.RequestType == requestType) && (p.CategoryCode == null || p.CategoryCode == categoryCode))
            .OrderByDescending(p => p.Specificity).FirstOrDefault()?.Terms ?? DeadlineTerms.Law;

    /// <summary>The working calendar: weekends and every public holiday on record.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct) =>
        Calendar(await reference.GetAsync(db, ct));

    public static WorkingCalendar Calendar(ReferenceSnapshot data) => new(data.Holidays, WorkingCalendar.SaturdaySunday);
}
