using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Calendar.Data;

/// <summary>
/// A public holiday on a given date. Fixed holidays (1 January, 8 March, Navruz…) are seeded for
/// several years; the moving ones (Ramazon hayiti, Qurbon hayiti) are announced each year and
/// entered by administrators. Holidays are data, never code.
/// </summary>
public sealed class Holiday
{
    private Holiday()
    {
    }

    public Holiday(Guid id, DateOnly date, LocalizedName name, bool isMoving)
    {
        Id = id;
        Date = date;
        Name = name;
        IsMoving = isMoving;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public LocalizedName Name { get; private set; } = null!;

    public bool IsMoving { get; private set; }

    public void MoveTo(DateOnly date) => Date = date;
}
