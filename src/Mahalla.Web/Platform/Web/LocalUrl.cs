namespace Mahalla.Web.Platform.Web;

/// <summary>Return addresses taken from the request: only paths on this site, never another host (no open redirects).</summary>
public static class LocalUrl
{
    public static bool IsSafe(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal);
}
