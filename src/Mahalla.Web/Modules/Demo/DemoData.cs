using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Territories;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Demo;

/// <summary>
/// Demo data for a first start: mahallas in the centre of Tashkent, their councils, the district
/// and city hokimiyats, the city's utilities with routing rules, answer templates and one account
/// per role (password from <c>Demo:Password</c>). Switched off with <c>Demo:Enabled=false</c>.
/// </summary>
public sealed class DemoData(MahallaDb db, UserManager<User> users, IConfiguration configuration, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string DefaultPassword = "Mahalla-2026";

    public static readonly IReadOnlyList<(string UserName, string Role)> Accounts =
    [
        ("demo-citizen", Roles.Citizen), ("demo-mahalla", Roles.MahallaStaff), ("demo-operator", Roles.OrganizationOperator),
        ("demo-district", Roles.DistrictSupervisor), ("demo-region", Roles.RegionSupervisor), ("demo-social-worker", Roles.SocialWorker),
        ("demo-auditor", Roles.Auditor), ("demo-admin", Roles.Administrator),
    ];

    public static Guid OrgId(string key) => TerritorySeed.IdFor("org:" + key);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.UserName == "demo-admin", ct))
        {
            return;
        }

        var territories = await db.Territories.Where(t => t.SoatoCode != null && t.SoatoCode.StartsWith("1726")).ToListAsync(ct);
        var city = territories.Single(t => t.SoatoCode == "1726");
        Territory District(string soato) => territories.Single(t => t.SoatoCode == soato);

        var mahallas = new (string Key, string Soato, LocalizedName Name, double Lat, double Lon)[]
        {
            ("bodomzor", "1726266", new("Bodomzor", "Бодомзор", "Бодомзор", "Bodomzor"), 41.3390, 69.2840),
            ("minor", "1726266", new("Minor", "Минор", "Минор", "Minor"), 41.3265, 69.2790),
            ("chorsu", "1726277", new("Chorsu", "Чорсу", "Чорсу", "Chorsu"), 41.3262, 69.2362),
            ("oybek", "1726273", new("Oybek", "Ойбек", "Ойбек", "Oybek"), 41.2975, 69.2700),
            ("qatortol", "1726294", new("Qatortol", "Қатортол", "Катартал", "Qatortol"), 41.2850, 69.2070),
        };
        var created = new Dictionary<string, Territory>();
        foreach (var m in mahallas)
        {
            var territory = new Territory(TerritorySeed.IdFor("mahalla:" + m.Key), District(m.Soato), TerritoryKind.Mahalla, null, m.Name);
            territory.PlaceAt(m.Lat, m.Lon);
            db.Territories.Add(territory);
            if (m.Key != "qatortol")
            {
                // Demo boundaries: a hexagon of about 450 m around each centre. Qatortol has none, so that its
                // reports show the nearest-centre fallback.
                db.Add(new TerritoryBoundary(territory.Id, ReportSeed.Hexagon(m.Lat, m.Lon, 450), clock.GetUtcNow().UtcDateTime));
            }

            created[m.Key] = territory;
            db.Organizations.Add(new Organization(OrgId(m.Key), OrganizationKind.Mahalla,
                new($"{m.Name.UzLatn} mahalla fuqarolar yigʻini", $"{m.Name.UzCyrl} маҳалла фуқаролар йиғини",
                    $"Сход граждан махалли {m.Name.Ru}", $"{m.Name.En} Mahalla Citizens' Assembly"), territory.Id, territory.Path));
        }

        // A demo district boundary for Yunusobod: a point inside it but outside both of its demo mahallas goes to the nearer of them.
        db.Add(new TerritoryBoundary(District("1726266").Id,
            GeoShape.FromRing((41.3150, 69.2550), (41.3150, 69.3100), (41.3600, 69.3100), (41.3600, 69.2550)), clock.GetUtcNow().UtcDateTime));

        foreach (var soato in mahallas.Select(m => m.Soato).Distinct())
        {
            var d = District(soato);
            db.Organizations.Add(new Organization(OrgId("hokimiyat:" + soato), OrganizationKind.DistrictOffice,
                new($"{d.Name.UzLatn} hokimligi", $"{d.Name.UzCyrl} ҳокимлиги", $"Хокимият: {d.Name.Ru}", $"{d.Name.En} Khokimiyat"), d.Id, d.Path));
        }

        db.Organizations.Add(new Organization(OrgId("hokimiyat:1726"), OrganizationKind.RegionOffice,
            new("Toshkent shahar hokimligi", "Тошкент шаҳар ҳокимлиги", "Хокимият города Ташкента", "Tashkent City Khokimiyat"), city.Id, city.Path));

        var providers = new (string Key, LocalizedName Name, string[] Categories)[]
        {
            ("water", new("\"Toshkent shahar suv ta'minoti\" MChJ", "\"Тошкент шаҳар сув таъминоти\" МЧЖ", "ООО «Водоснабжение города Ташкента»", "Tashkent City Water Supply"), ["water-supply", "sewerage"]),
            ("power", new("Toshkent shahar hududiy elektr tarmoqlari", "Тошкент шаҳар ҳудудий электр тармоқлари", "Территориальные электросети города Ташкента", "Tashkent City Electric Networks"), ["electricity"]),
            ("gas", new("\"Hududgazta'minot\" Toshkent shahar filiali", "\"Ҳудудгазтаъминот\" Тошкент шаҳар филиали", "Ташкентский городской филиал «Худудгазтаъминот»", "Hududgaztaminot, Tashkent City Branch"), ["gas-supply"]),
            ("roads", new("Toshkent shahar yo'l xo'jaligi boshqarmasi", "Тошкент шаҳар йўл хўжалиги бошқармаси", "Управление дорожного хозяйства города Ташкента", "Tashkent City Roads Department"), ["roads"]),
            ("obodon", new("Toshkent shahar obodonlashtirish boshqarmasi", "Тошкент шаҳар ободонлаштириш бошқармаси", "Управление благоустройства города Ташкента", "Tashkent City Amenities Department"), ["waste", "greenery", "street-lighting"]),
        };
        foreach (var p in providers)
        {
            db.Organizations.Add(new Organization(OrgId(p.Key), OrganizationKind.ServiceProvider, p.Name, city.Id, city.Path));
            foreach (var category in p.Categories)
            {
                db.RoutingRules.Add(new RoutingRule(Guid.CreateVersion7(), category, city.Id, city.Path, OrgId(p.Key)));
            }
        }

        db.AnswerTemplates.AddRange(
            new AnswerTemplate(Guid.CreateVersion7(), null, "uz-Latn", "Muammo bartaraf etildi",
                "Hurmatli fuqaro! Murojaatingiz ko'rib chiqildi va muammo joyida bartaraf etildi. Iltimos, natijani tasdiqlang yoki muammo saqlanib qolgan bo'lsa, bizga xabar bering."),
            new AnswerTemplate(Guid.CreateVersion7(), null, "uz-Cyrl", "Муаммо бартараф этилди",
                "Ҳурматли фуқаро! Мурожаатингиз кўриб чиқилди ва муаммо жойида бартараф этилди. Илтимос, натижани тасдиқланг ёки муаммо сақланиб қолган бўлса, бизга хабар беринг."),
            new AnswerTemplate(Guid.CreateVersion7(), null, "ru", "Проблема устранена",
                "Уважаемый заявитель! Ваше обращение рассмотрено, проблема устранена на месте. Пожалуйста, подтвердите результат или сообщите нам, если проблема сохраняется."),
            new AnswerTemplate(Guid.CreateVersion7(), null, "en", "Problem fixed",
                "Dear resident, your appeal has been reviewed and the problem has been fixed on site. Please confirm the result, or tell us if the problem remains."));
        await db.SaveChangesAsync(ct);

        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;
        var bodomzor = created["bodomzor"];
        var yunusobod = District("1726266");
        foreach (var (userName, role) in Accounts)
        {
            var user = new User
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = DisplayNames[userName],
                PreferredLanguage = "uz-Latn",
                Email = $"{userName}@demo.mahalla.uz",
                EmailConfirmed = true,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            (user.OrganizationId, user.TerritoryId, user.TerritoryPath) = role switch
            {
                Roles.MahallaStaff or Roles.SocialWorker => ((Guid?)OrgId("bodomzor"), (Guid?)bodomzor.Id, bodomzor.Path),
                Roles.OrganizationOperator => (OrgId("water"), city.Id, city.Path),
                Roles.DistrictSupervisor => (OrgId("hokimiyat:1726266"), yunusobod.Id, yunusobod.Path),
                Roles.RegionSupervisor => (OrgId("hokimiyat:1726"), city.Id, city.Path),
                _ => (null, null, null),
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
        }

        logger.LogInformation("Demo data created: {Mahallas} mahallas in Tashkent, {Accounts} demo accounts", mahallas.Length, Accounts.Count);
    }

    private static readonly Dictionary<string, string> DisplayNames = new()
    {
        ["demo-citizen"] = "Dilnoza Karimova",
        ["demo-mahalla"] = "Bahodir Rahimov",
        ["demo-operator"] = "Sardor Tursunov",
        ["demo-district"] = "Malika Yusupova",
        ["demo-region"] = "Javlon Ergashev",
        ["demo-social-worker"] = "Nodira Aliyeva",
        ["demo-auditor"] = "Aziz Qodirov",
        ["demo-admin"] = "Admin",
    };
}
