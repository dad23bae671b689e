using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.Calendar.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.Holidays;

public sealed record HolidayView(Guid Id, DateOnly Date, string Name, NamesInput Names, bool IsMoving);

public sealed record NewHolidayRequest(DateOnly? Date, NamesInput? Names, bool? IsMoving);

public sealed record MoveHolidayRequest(DateOnly? Date);

/// <summary>
/// Public holidays, the days deadlines skip. The moving holidays (Ramazon and Qurbon hayiti) are
/// entered as expected dates and moved once the year's decree fixes them; new deadlines are
/// computed on the calendar as it stands when a request is filed.
/// </summary>
internal sealed class HolidayAdmin(MahallaDb db, Texts texts, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/holidays");
        group.MapGet("/", async Task<Ok<IReadOnlyList<HolidayView>>> (int? year, HolidayAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.ListAsync(year, ct)))
            .WithName("AdminHolidays").WithSummary("The public holidays of a year (this year in Tashkent when year is omitted).");
        group.MapRead("/{id:guid}", (HolidayAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminHoliday").WithSummary("One holiday.");
        group.MapCreate("/", (HolidayAdmin a, NewHolidayRequest r, CancellationToken ct) => a.AddAsync(r, ct), h => $"/api/admin/holidays/{h.Id}")
            .WithName("AdminAddHoliday").WithSummary("Add a public holiday (date, names in every language, whether it moves from year to year).");
        group.MapChange("/{id:guid}/date", (HolidayAdmin a, Caller _, Guid id, MoveHolidayRequest r, CancellationToken ct) => a.MoveAsync(id, r, ct))
            .WithName("AdminMoveHoliday").WithSummary("Move a moving holiday (Ramazon or Qurbon hayiti) to the date the decree fixes, within its year.");
        group.MapRemove((HolidayAdmin a, Guid id, CancellationToken ct) => a.DeleteAsync(id, ct))
            .WithName("AdminDeleteHoliday").WithSummary("Delete a holiday entered by mistake.");
    }

    public int ThisYear => WorkingCalendar.LocalDate(clock.GetUtcNow().UtcDateTime).Year;

    public async Task<IReadOnlyList<HolidayView>> ListAsync(int? year, CancellationToken ct)
    {
        var y = year is >= FirstYear and <= LastYear ? year.Value : ThisYear;
        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        return (await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date < to).OrderBy(h => h.Date).ToListAsync(ct)).Select(View).ToList();
    }

    public async Task<HolidayView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Holidays.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct) is { } h ? View(h) : null;

    public async Task<HolidayView> AddAsync(NewHolidayRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        CheckDate(request.Date, validation);
        var name = AdminInput.Names(request.Names, validation);
        validation.ThrowIfInvalid();
        await EnsureDayIsFreeAsync(request.Date!.Value, null, ct);
        var holiday = new Holiday(Guid.CreateVersion7(), request.Date.Value, name!, request.IsMoving == true);
        db.Holidays.Add(holiday);
        await db.SaveChangesAsync(ct);
        return View(holiday);
    }

    public async Task<HolidayView?> MoveAsync(Guid id, MoveHolidayRequest request, CancellationToken ct)
    {
        if (await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct) is not { } holiday)
        {
            return null;
        }

        var validation = new Validation();
        CheckDate(request.Date, validation);
        validation.ThrowIfInvalid();
        var date = request.Date!.Value;

        // Fixed holidays are fixed by law; a moving one is the same feast in the same year, on the decreed day.
        if (!holiday.IsMoving)
        {
            throw new BusinessRuleException("admin.rule.only_moving_holidays_move");
        }

        if (date.Year != holiday.Date.Year)
        {
            throw new BusinessRuleException("admin.rule.holiday_moves_within_its_year");
        }

        await EnsureDayIsFreeAsync(date, holiday.Id, ct);
        holiday.MoveTo(date);
        await db.SaveChangesAsync(ct);
        return View(holiday);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct) is not { } holiday)
        {
            return false;
        }

        await db.RemoveFoundAsync(holiday, ct);
        return true;
    }

    private static void CheckDate(DateOnly? date, Validation validation)
    {
        if (date is not { Year: >= FirstYear and <= LastYear })
        {
            validation.Add("date", "admin.validation.date");
        }
    }

    private async Task EnsureDayIsFreeAsync(DateOnly date, Guid? self, CancellationToken ct)
    {
        if (await db.Holidays.AnyAsync(h => h.Date == date && h.Id != self, ct))
        {
            throw new BusinessRuleException("admin.rule.holiday_on_that_day");
        }
    }

    private HolidayView View(Holiday h) => new(h.Id, h.Date, h.Name.In(texts.Culture), NamesInput.From(h.Name), h.IsMoving);
}
