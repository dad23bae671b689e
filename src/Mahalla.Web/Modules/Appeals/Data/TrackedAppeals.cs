using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mahalla.Web.Modules.Appeals.Data;

/// <summary>What the change tracker holds of appeals, for the SaveChanges interceptors that act on some of them only.</summary>
internal static class TrackedAppeals
{
    /// <summary>
    /// Whether a report's appeal is tracked (and not being deleted), read without comparing snapshots: an appeal enters the
    /// tracker only by a query or an <c>Add</c> (nothing navigates to one), so the tracker lists it whether or not its changes
    /// were detected. The report interceptors detect changes only when this is true, and saving anything else, a filing of
    /// an appeal above all, skips the detection (ADR 0019).
    /// </summary>
    public static bool TracksReport(this ChangeTracker tracker)
    {
        using (tracker.PauseDetection())
        {
            return tracker.Entries<Appeal>().Any(e => e.Entity.Type == AppealType.Report && e.State != EntityState.Deleted);
        }
    }
}
