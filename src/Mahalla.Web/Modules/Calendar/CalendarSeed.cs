using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Calendar;

/// <summary>
/// Public holidays of Uzbekistan (Labour Code, art. 132): the fixed ones for the given years, and
/// the expected dates of the two moving ones, which administrators confirm each year when the
/// decree is published (Holidays page).
/// </summary>
public static class CalendarSeed
{
    private static readonly (int Month, int Day, LocalizedName Name)[] Fixed =
    [
        (1, 1, new("Yangi yil", "Янги йил", "Новый год", "New Year's Day")),
        (3, 8, new("Xalqaro xotin-qizlar kuni", "Халқаро хотин-қизлар куни", "Международный женский день", "International Women's Day")),
        (3, 21, new("Navro'z bayrami", "Наврўз байрами", "Навруз", "Navruz")),
        (5, 9, new("Xotira va qadrlash kuni", "Хотира ва қадрлаш куни", "День памяти и почестей", "Day of Remembrance and Honour")),
        (9, 1, new("Mustaqillik kuni", "Мустақиллик куни", "День независимости", "Independence Day")),
        (10, 1, new("O'qituvchi va murabbiylar kuni", "Ўқитувчи ва мураббийлар куни", "День учителя и наставника", "Teachers' Day")),
        (12, 8, new("Konstitutsiya kuni", "Конституция куни", "День Конституции", "Constitution Day")),
    ];

    private static readonly LocalizedName Ramazon = new("Ramazon hayiti", "Рамазон ҳайити", "Рамазан хайит", "Eid al-Fitr (Ramazon hayiti)");
    private static readonly LocalizedName Qurbon = new("Qurbon hayiti", "Қурбон ҳайити", "Курбан хайит", "Eid al-Adha (Qurbon hayiti)");

    private static readonly (DateOnly Date, LocalizedName Name)[] Moving =
    [
        (new(2025, 3, 31), Ramazon), (new(2025, 6, 6), Qurbon),
        (new(2026, 3, 20), Ramazon), (new(2026, 5, 27), Qurbon),
        (new(2027, 3, 10), Ramazon), (new(2027, 5, 17), Qurbon),
    ];

    public static IEnumerable<Holiday> Holidays(int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            foreach (var (month, day, name) in Fixed)
            {
                yield return new Holiday(Guid.CreateVersion7(), new DateOnly(year, month, day), name, isMoving: false);
            }
        }

        foreach (var (date, name) in Moving.Where(m => m.Date.Year >= fromYear && m.Date.Year <= toYear))
        {
            yield return new Holiday(Guid.CreateVersion7(), date, name, isMoving: true);
        }
    }

    public static DeadlinePolicy DefaultPolicy() => new(Guid.CreateVersion7(), null, null, DeadlineTerms.Law);
}
