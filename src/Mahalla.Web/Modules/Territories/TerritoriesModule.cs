using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Territories;

public sealed record TerritoryItem(Guid Id, Guid? ParentId, string Kind, string? SoatoCode, string Name, double? Latitude, double? Longitude);

public sealed record CategoryItem(string Code, string Name, int SortOrder);

/// <summary>Reference data everyone reads: the territory tree and the category catalogue.</summary>
public static class TerritoriesModule
{
    public static IEndpointRouteBuilder MapReferenceData(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Reference data").AllowAnonymous();
        api.MapGet("/territories", async Task<Ok<List<TerritoryItem>>> (string? kind, Guid? parentId, MahallaDb db, Texts texts, CancellationToken ct) =>
            TypedResults.Ok(await TerritoryListAsync(db, texts.Culture, kind, parentId, ct)))
            .WithName("Territories").WithSummary("The territory tree as a flat list: regions, districts, cities and mahallas with SOATO codes.");
        api.MapGet("/categories", async Task<Ok<List<CategoryItem>>> (MahallaDb db, Texts texts, CancellationToken ct) =>
            TypedResults.Ok(await CategoryListAsync(db, texts.Culture, ct)))
            .WithName("Categories").WithSummary("The active request categories.");
        return routes;
    }

    public static string KindCode(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Region => "region",
        TerritoryKind.District => "district",
        TerritoryKind.City => "city",
        _ => "mahalla",
    };

    public static async Task<List<TerritoryItem>> TerritoryListAsync(MahallaDb db, string culture, string? kind, Guid? parentId, CancellationToken ct)
    {
        var query = db.Territories.AsNoTracking();
        if (kind is not null)
        {
            var k = Enum.GetValues<TerritoryKind>().FirstOrDefault(v => KindCode(v) == kind);
            query = k == 0 ? query.Where(_ => false) : query.Where(t => t.Kind == k);
        }

        if (parentId is not null)
        {
            query = query.Where(t => t.ParentId == parentId);
        }

        var rows = await query.ToListAsync(ct);
        return rows.OrderBy(t => t.Kind).ThenBy(t => t.Name.In(culture), StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .Select(t => new TerritoryItem(t.Id, t.ParentId, KindCode(t.Kind), t.SoatoCode, t.Name.In(culture), t.Latitude, t.Longitude)).ToList();
    }

    public static async Task<List<CategoryItem>> CategoryListAsync(MahallaDb db, string culture, CancellationToken ct) =>
        (await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct))
            .Select(c => new CategoryItem(c.Code, c.Name.In(culture), c.SortOrder)).ToList();

    internal static Category[] Catalogue() =>
    [
        new("roads", new("Yo'llar va piyodalar yo'laklari", "Йўллар ва пиёдалар йўлаклари", "Дороги и тротуары", "Roads and pavements"), 10),
        new("street-lighting", new("Ko'cha yoritilishi", "Кўча ёритилиши", "Уличное освещение", "Street lighting"), 20),
        new("water-supply", new("Ichimlik suvi ta'minoti", "Ичимлик суви таъминоти", "Водоснабжение", "Water supply"), 30),
        new("sewerage", new("Kanalizatsiya", "Канализация", "Канализация", "Sewerage"), 40),
        new("electricity", new("Elektr energiyasi", "Электр энергияси", "Электроснабжение", "Electricity supply"), 50),
        new("gas-supply", new("Gaz ta'minoti", "Газ таъминоти", "Газоснабжение", "Gas supply"), 60),
        new("heating", new("Issiqlik va issiq suv ta'minoti", "Иссиқлик ва иссиқ сув таъминоти", "Отопление и горячая вода", "Heating and hot water"), 70),
        new("waste", new("Chiqindilarni olib ketish", "Чиқиндиларни олиб кетиш", "Вывоз мусора", "Waste collection"), 80),
        new("greenery", new("Daraxtlar va ko'kalamzorlashtirish", "Дарахтлар ва кўкаламзорлаштириш", "Деревья и озеленение", "Trees and green spaces"), 90),
        new("public-transport", new("Jamoat transporti", "Жамоат транспорти", "Общественный транспорт", "Public transport"), 100),
        new("housing", new("Uy-joy va kommunal xizmatlar", "Уй-жой ва коммунал хизматлар", "Жильё и коммунальные услуги", "Housing and communal services"), 110),
        new("social-assistance", new("Ijtimoiy yordam", "Ижтимоий ёрдам", "Социальная помощь", "Social assistance"), 120),
        new("employment", new("Bandlik", "Бандлик", "Занятость", "Employment"), 130),
        new("education", new("Ta'lim va bog'chalar", "Таълим ва боғчалар", "Образование и детские сады", "Education and kindergartens"), 140),
        new("healthcare", new("Sog'liqni saqlash", "Соғлиқни сақлаш", "Здравоохранение", "Healthcare"), 150),
        new("land", new("Yer masalalari va qurilish", "Ер масалалари ва қурилиш", "Земельные вопросы и строительство", "Land and construction"), 160),
        new("public-order", new("Jamoat tartibi", "Жамоат тартиби", "Общественный порядок", "Public order"), 170),
        new("documents", new("Ma'lumotnomalar va hujjatlar", "Маълумотномалар ва ҳужжатлар", "Справки и документы", "Certificates and documents"), 180),
        new("other", new("Boshqa masalalar", "Бошқа масалалар", "Другие вопросы", "Other matters"), 190),
    ];
}
