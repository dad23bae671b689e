using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Mahalla.Web.Modules.Appeals.Contracts;

/// <summary>
/// Hour-long tokens that stand in for the access code in URLs the browser opens by itself (the
/// live status stream, the receipt link), so the code never sits in a URL or in history. A token
/// names one request and one purpose; its expiry is sealed inside and checked against the injected
/// clock.
/// </summary>
public static class TrackingTokens
{
    public const string Stream = "Mahalla.Appeals.TrackStream";
    public const string Receipt = "Mahalla.Transparency.Receipt";

    public static string Issue(IDataProtectionProvider protection, string purpose, Guid appealId, TimeProvider clock) =>
        protection.CreateProtector(purpose).Protect(
            $"{appealId:N}|{clock.GetUtcNow().AddHours(1).UtcTicks.ToString(CultureInfo.InvariantCulture)}");

    public static Guid? Read(IDataProtectionProvider protection, string purpose, string? token, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protection.CreateProtector(purpose).Unprotect(token).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().UtcTicks <= expires ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
