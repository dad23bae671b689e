namespace Mahalla.Web.Modules.Calendar;

/// <summary>
/// Working days in Tashkent time: weekends and public holidays are not working days. Deadlines
/// end at the close of a working day (23:59:59.999 Tashkent time) and are stored in UTC.
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DayOfWeek> weekend)
{
    public static readonly IReadOnlySet<DayOfWeek> SaturdaySunday = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    public static TimeZoneInfo Tashkent { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tashkent");

    public bool IsWorkingDay(DateOnly day) => !weekend.Contains(day.DayOfWeek) && !holidays.Contains(day);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The n-th working day after <paramref name="day"/> (n ≥ 1); the day itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        while (n > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n--;
            }
        }

        return day;
    }

    public static DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Tashkent));

    /// <summary>The last instant of a Tashkent day, in UTC.</summary>
    public static DateTime EndOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59, 999), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, Tashkent);
    }

    public static DateTime ToTashkent(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Tashkent);

    /// <summary>End of the n-th working day after the filing day (registration deadlines).</summary>
    public DateTime WorkingDaysAfter(DateTime fromUtc, int workingDays) =>
        EndOfDayUtc(AddWorkingDays(LocalDate(fromUtc), workingDays));

    /// <summary>
    /// End of the day <paramref name="days"/> calendar days after the filing day, moved forward to
    /// the next working day when it falls on a weekend or holiday (answer deadlines).
    /// </summary>
    public DateTime CalendarDaysAfter(DateTime fromUtc, int days) =>
        EndOfDayUtc(NextWorkingDayOnOrAfter(LocalDate(fromUtc).AddDays(days)));
}
