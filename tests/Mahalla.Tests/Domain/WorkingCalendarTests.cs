using Mahalla.Web.Modules.Calendar;

namespace Mahalla.Tests.Domain;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(
        new HashSet<DateOnly> { new(2026, 3, 20), new(2026, 3, 21), new(2026, 1, 1) }, WorkingCalendar.SaturdaySunday);

    [Fact]
    public void Registration_filed_on_friday_evening_is_due_at_the_end_of_monday()
    {
        var fridayEvening = new DateTime(2026, 11, 6, 14, 0, 0, DateTimeKind.Utc); // 19:00 in Tashkent

        var due = Calendar.WorkingDaysAfter(fridayEvening, 1);

        Assert.Equal(new DateTime(2026, 11, 9, 18, 59, 59, 999, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Working_days_skip_holidays_as_well_as_weekends()
    {
        // Thursday 19 March 2026; Friday 20 (Ramazon hayiti) and Saturday 21 (Navruz) are off.
        Assert.Equal(new DateOnly(2026, 3, 23), Calendar.AddWorkingDays(new DateOnly(2026, 3, 19), 1));
        Assert.Equal(new DateOnly(2026, 3, 25), Calendar.AddWorkingDays(new DateOnly(2026, 3, 19), 3));
    }

    [Fact]
    public void An_answer_deadline_falling_on_a_holiday_moves_to_the_next_working_day()
    {
        // 5 March + 15 days = Friday 20 March, a holiday → Monday 23 March.
        var filed = new DateTime(2026, 3, 5, 6, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 3, 23, 18, 59, 59, 999, DateTimeKind.Utc), Calendar.CalendarDaysAfter(filed, 15));
    }

    [Fact]
    public void A_late_evening_utc_instant_is_already_the_next_day_in_tashkent()
    {
        Assert.Equal(new DateOnly(2026, 11, 7), WorkingCalendar.LocalDate(new DateTime(2026, 11, 6, 20, 0, 0, DateTimeKind.Utc)));
    }
}
