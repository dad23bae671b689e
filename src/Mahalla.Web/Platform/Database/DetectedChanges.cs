using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// For the SaveChanges interceptors (ADR 0041) that read the change tracker: each call to
/// <c>Entries()</c> compares every tracked row with its snapshot again. An interceptor detects the
/// changes once, reads what it needs, and turns automatic detection back on when done, so that the
/// next interceptor and SaveChanges itself still see every change it made.
/// </summary>
internal static class DetectedChanges
{
    /// <summary>Detects the changes now and reads the tracker without detecting them again until disposed.</summary>
    public static Paused DetectOnce(this ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return tracker.PauseDetection();
    }

    /// <summary>Reads the tracker as it stands, without comparing rows with their snapshots, until disposed.</summary>
    public static Paused PauseDetection(this ChangeTracker tracker)
    {
        var wasOn = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        return new Paused(tracker, wasOn);
    }

    internal readonly struct Paused(ChangeTracker tracker, bool wasOn) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = wasOn;
    }
}
