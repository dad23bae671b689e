using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>
/// The categories residents can report on the map out of the box, with their questions, and the demo
/// territories' boundaries. Administrators change both later (<c>/api/admin/report-categories</c>, <c>/api/admin/boundaries</c>).
/// </summary>
public static class ReportSeed
{
    private static QuestionValue V(string key, string uzLatn, string uzCyrl, string ru, string en) => new(key, new LocalizedName(uzLatn, uzCyrl, ru, en));

    private static readonly QuestionValue[] YesNo =
    [
        V("yes", "Ha", "Ҳа", "Да", "Yes"),
        V("no", "Yoʻq", "Йўқ", "Нет", "No"),
    ];

    private static ReportQuestion Danger(bool required = true) => new("danger", QuestionTypes.SingleValueList, required, 1,
        new LocalizedName("Kimdir xavf ostidami?", "Кимдир хавф остидами?", "Кто-то в опасности?", "Is anyone in danger?"), YesNo);

    public static IReadOnlyList<ReportCategory> Defaults() =>
    [
        new("roads", 50, true,
        [
            Danger(),
            new("size", QuestionTypes.SingleValueList, false, 2, new("Chuqurlik qanchalik katta?", "Чуқурлик қанчалик катта?", "Насколько велика яма?", "How big is it?"),
            [
                V("small", "Kichik (kaftdek)", "Кичик (кафтдек)", "Маленькая (с ладонь)", "Small (the size of a hand)"),
                V("medium", "Oʻrtacha (gʻildirakdek)", "Ўртача (ғилдиракдек)", "Средняя (с колесо)", "Medium (the size of a wheel)"),
                V("large", "Katta (yoʻlni toʻsadi)", "Катта (йўлни тўсади)", "Большая (перекрывает дорогу)", "Large (blocks the road)"),
            ]),
        ]),
        new("street-lighting", 30, true,
        [
            new("pole_number", QuestionTypes.String, false, 1,
                new("Ustun raqami qanday? (ustunga yozilgan)", "Устун рақами қандай? (устунга ёзилган)", "Какой номер опоры? (написан на ней)", "Which pole number? (written on the pole)"), []),
            new("extent", QuestionTypes.SingleValueList, true, 2, new("Qancha chiroq yonmayapti?", "Қанча чироқ ёнмаяпти?", "Сколько фонарей не горит?", "How many lights are out?"),
            [
                V("one", "Bittasi", "Биттаси", "Один", "One"),
                V("several", "Bir nechtasi", "Бир нечтаси", "Несколько", "Several"),
                V("street", "Butun koʻcha", "Бутун кўча", "Вся улица", "The whole street"),
            ]),
        ]),
        new("water-supply", 100, true,
        [
            Danger(),
            new("problem", QuestionTypes.SingleValueList, true, 2, new("Nima boʻldi?", "Нима бўлди?", "Что случилось?", "What is wrong?"),
            [
                V("burst", "Quvur yorilgan, suv oqyapti", "Қувур ёрилган, сув оқяпти", "Прорыв трубы, течёт вода", "A burst pipe, water is flowing"),
                V("no_water", "Suv yoʻq", "Сув йўқ", "Нет воды", "No water"),
                V("quality", "Suv iflos yoki hidli", "Сув ифлос ёки ҳидли", "Вода грязная или с запахом", "The water is dirty or smells"),
            ]),
        ]),
        new("sewerage", 100, true, [Danger(false)]),
        new("electricity", 100, true,
        [
            Danger(),
            new("wires_down", QuestionTypes.SingleValueList, true, 2, new("Simlar uzilib tushganmi?", "Симлар узилиб тушганми?", "Оборваны провода?", "Are wires down?"), YesNo),
        ]),
        new("gas-supply", 100, true, [Danger()]),
        new("waste", 50, true,
        [
            new("kind", QuestionTypes.MultiValueList, false, 1, new("Qanday chiqindi?", "Қандай чиқинди?", "Какой мусор?", "What kind of waste?"),
            [
                V("household", "Maishiy", "Маиший", "Бытовой", "Household"),
                V("construction", "Qurilish", "Қурилиш", "Строительный", "Construction"),
                V("leaves", "Barglar va shoxlar", "Барглар ва шохлар", "Листья и ветки", "Leaves and branches"),
                V("bulky", "Yirik (mebel va boshqalar)", "Йирик (мебел ва бошқалар)", "Крупногабаритный (мебель и пр.)", "Bulky (furniture and the like)"),
            ]),
        ]),
        new("greenery", 50, true,
        [
            Danger(),
            new("blocking", QuestionTypes.SingleValueList, false, 2, new("Daraxt yoʻlni yoki simlarni toʻsib qoʻyganmi?", "Дарахт йўлни ёки симларни тўсиб қўйганми?", "Дерево перекрыло дорогу или провода?", "Is the tree blocking a road or wires?"), YesNo),
        ]),
        // Anything else on the street: an operator looks at it before it is registered (Open311: not realtime).
        new("other", 50, false, []),
    ];

    public static async Task SeedCategoriesAsync(MahallaDb db, CancellationToken ct)
    {
        if (await db.Set<ReportCategory>().AnyAsync(ct))
        {
            return;
        }

        var existing = await db.Categories.Select(c => c.Code).ToListAsync(ct);
        db.AddRange(Defaults().Where(c => existing.Contains(c.CategoryCode)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A hexagon of about <paramref name="radiusMeters"/> around a point: a demo mahalla's boundary.</summary>
    public static GeoShape Hexagon(double lat, double lon, double radiusMeters)
    {
        var corners = Enumerable.Range(0, 6).Select(i =>
        {
            var angle = Math.PI / 3 * i;
            return (lat + radiusMeters * Math.Sin(angle) / 111_320.0,
                lon + radiusMeters * Math.Cos(angle) / (111_320.0 * Math.Cos(lat * Math.PI / 180)));
        }).ToArray();
        return GeoShape.FromRing(corners);
    }
}
