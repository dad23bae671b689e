using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mahalla.Web.Platform.Database;

/// <summary>Values as the app's tables hold them, read from a plain ADO.NET reader.</summary>
internal static class DbValues
{
    /// <summary>
    /// An instant in UTC. SQLite keeps it as text in EF Core's form, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, which is read
    /// here digit by digit (Microsoft.Data.Sqlite's <c>GetDateTime</c> runs the general <c>DateTime.Parse</c> on it);
    /// any other text goes to <c>GetDateTime</c>. PostgreSQL's <c>timestamp with time zone</c> reads as UTC already.
    /// </summary>
    public static DateTime Utc(DbDataReader reader, int ordinal)
    {
        if (reader is SqliteDataReader sqlite && sqlite.GetFieldType(ordinal) == typeof(string)
            && TryParseSqliteInstant(sqlite.GetString(ordinal), out var parsed))
        {
            return parsed;
        }

        return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, with <c>T</c> allowed for the space, then optionally a dot and one to seven digits.</summary>
    internal static bool TryParseSqliteInstant(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (s.Length > 19)
        {
            var fraction = s.Length - 20;
            if (s[19] != '.' || fraction is < 1 or > 7 || !Digits(s, 20, fraction, out var digits))
            {
                return false;
            }

            ticks = digits;
            for (var i = fraction; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>A GUID column, nullable.</summary>
    public static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    /// <summary>An integer column, nullable.</summary>
    public static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
