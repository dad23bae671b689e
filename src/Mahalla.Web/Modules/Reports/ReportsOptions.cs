using System.ComponentModel.DataAnnotations;

namespace Mahalla.Web.Modules.Reports;

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>The map tiles' address template (Leaflet's <c>{z}/{x}/{y}</c>); empty: no tiles, the map still works with markers.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The tiles' attribution, shown on the map.</summary>
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Days after a report is marked fixed when the reporter is asked "was it fixed?".</summary>
    [Range(0, 60)]
    public int AskFixedAfterDays { get; set; } = 3;

    /// <summary>A point that no boundary covers goes to the nearest mahalla centre only within this distance.</summary>
    [Range(100, 200_000)]
    public double MaxFallbackDistanceMeters { get; set; } = 20_000;

    /// <summary>The nearby radius of a category without report settings.</summary>
    [Range(10, 5_000)]
    public int DefaultNearbyRadiusMeters { get; set; } = 100;

    /// <summary>Up to this many photos per report.</summary>
    [Range(0, 10)]
    public int MaxPhotos { get; set; } = 5;

    /// <summary>Largest photo accepted (the page scales photos down before upload when it can).</summary>
    [Range(10_000, 50_000_000)]
    public int MaxPhotoBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How often the watcher asks "was it fixed?" and tells followers about updates.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The map shows single reports up to this many in a viewport, grid clusters beyond.</summary>
    [Range(1, 5_000)]
    public int MapMaxPoints { get; set; } = 300;

    /// <summary>Whether this node runs the watcher in the background (tests drive it by hand).</summary>
    public bool WatcherEnabled { get; set; } = true;

    /// <summary>
    /// The origin the browser must be allowed to load tiles from (<c>https://tile.example.org</c>; a <c>{s}</c> subdomain
    /// becomes <c>*</c>), or null for no tiles or tiles on this site.
    /// </summary>
    public static string? TileOrigin(string? tileUrl)
    {
        var schemeEnd = tileUrl?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (tileUrl is null || schemeEnd <= 0)
        {
            return null;
        }

        var hostEnd = tileUrl.IndexOf('/', schemeEnd + 3);
        var origin = (hostEnd < 0 ? tileUrl : tileUrl[..hostEnd]).Replace("{s}", "*", StringComparison.Ordinal);
        return Uri.TryCreate(origin.Replace("*", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http" && !origin.Contains(' ', StringComparison.Ordinal) && !origin.Contains(';', StringComparison.Ordinal)
            ? origin : null;
    }
}
