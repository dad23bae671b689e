using System.Globalization;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// Date-times in the W3C-DTF profile of ISO 8601 the spec requires, always with a time zone. The platform
/// answers in Tashkent time (UTC+05:00, no daylight saving); it reads any offset or <c>Z</c>.
/// </summary>
internal static class W3cDates
{
    public static readonly TimeSpan Tashkent = TimeSpan.FromHours(5);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Tashkent).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? utc) => utc is { } value ? Format(value) : null;

    /// <summary>
    /// Reads a W3C-DTF date-time with a zone (a bare date means midnight in Tashkent). A <c>+</c> that reached us as
    /// a space (an unencoded query string) is taken for what it was. Null when the text is not such a date.
    /// </summary>
    public static DateTime? Parse(string text)
    {
        var candidate = text.Trim();
        if (candidate.Length is < 10 or > 40)
        {
            return null;
        }

        if (candidate.Length > 19 && candidate[^6] == ' ')
        {
            candidate = string.Concat(candidate.AsSpan(0, candidate.Length - 6), "+", candidate.AsSpan(candidate.Length - 5));
        }

        if (candidate.Length == 10 && DateOnly.TryParseExact(candidate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Tashkent).UtcDateTime;
        }

        // A time without a zone is ambiguous: the spec requires one.
        var hasZone = candidate.EndsWith('Z') || candidate.EndsWith('z') || (candidate.Length > 19 && candidate[^6] is '+' or '-' && candidate[^3] == ':');
        if (hasZone && DateTimeOffset.TryParseExact(candidate.ToUpperInvariant(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && instant.Year is >= 2000 and <= 2200)
        {
            return instant.UtcDateTime;
        }

        return null;
    }
}
