using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Open311.ServiceList;

/// <summary>A GeoReport service: a catalogue category residents can report on the map, with its questions.</summary>
internal sealed record Service(string Code, LocalizedName Name, bool Realtime, IReadOnlyList<ReportQuestion> Questions);

/// <summary>
/// The services are the reportable categories (<c>service_code</c> = the category's code), in the catalogue's
/// order, named in the request's language. <c>metadata</c> is true when the category asks questions; <c>type</c>
/// is <c>realtime</c> when a report is registered at once, <c>batch</c> when it is queued first; the keywords
/// are the category's names in the other languages; the group comes from <see cref="GroupOf"/>.
/// </summary>
internal sealed class ServiceCatalog(MahallaDb db, Texts texts)
{
    public async Task<IReadOnlyList<Service>> ListAsync(CancellationToken ct) => await QueryAsync(null, ct);

    public async Task<Service?> FindAsync(string code, CancellationToken ct) =>
        code.Length <= 40 ? (await QueryAsync(code, ct)).FirstOrDefault() : null;

    public Node List(IReadOnlyList<Service> services)
    {
        var culture = texts.Culture;
        return new Many("services", "service", services.Select(s => (Node)new Group("service",
            new Leaf("service_code", s.Code),
            new Leaf("service_name", s.Name.In(culture)),
            new Leaf("description", Optional($"open311.service.{s.Code}")),
            new Leaf("metadata", s.Questions.Count > 0),
            new Leaf("type", s.Realtime ? "realtime" : "batch"),
            new Leaf("keywords", Keywords(s, culture)),
            new Leaf("group", texts[$"open311.group.{GroupOf(s.Code)}"]))).ToList());
    }

    public Node Definition(Service service)
    {
        var culture = texts.Culture;
        return new Group("service_definition",
            new Leaf("service_code", service.Code),
            new Many("attributes", "attribute", service.Questions.OrderBy(q => q.Order).Select(q =>
            {
                var fields = new List<Node>
                {
                    new Leaf("variable", true),
                    new Leaf("code", q.Code),
                    new Leaf("datatype", q.Type),
                    new Leaf("required", q.Required),
                    new Leaf("datatype_description", Optional($"open311.datatype.{q.Type}")),
                    new Leaf("order", q.Order),
                    new Leaf("description", q.Prompt.In(culture)),
                };
                if (QuestionTypes.IsList(q.Type))
                {
                    fields.Add(new Many("values", "value", q.Values.Select(v => (Node)new Group("value",
                        new Leaf("key", v.Key), new Leaf("name", v.Name.In(culture)))).ToList()));
                }

                return (Node)new Group("attribute", fields);
            }).ToList()));
    }

    /// <summary>
    /// The group a category belongs to. The catalogue has no groups of its own; these follow the city services
    /// that usually answer for them. A category added later falls in "other" until it is named here.
    /// </summary>
    public static string GroupOf(string code) => code switch
    {
        "roads" or "street-lighting" or "public-transport" => "streets",
        "water-supply" or "sewerage" or "electricity" or "gas-supply" or "heating" => "utilities",
        "waste" or "greenery" => "environment",
        "housing" or "land" => "housing",
        _ => "other",
    };

    private async Task<IReadOnlyList<Service>> QueryAsync(string? code, CancellationToken ct)
    {
        var query = from r in db.Set<ReportCategory>().AsNoTracking()
                    join c in db.Categories.AsNoTracking() on r.CategoryCode equals c.Code
                    where r.IsReportable && c.IsActive
                    select new { r, c.Name, c.SortOrder };
        if (code is not null)
        {
            query = query.Where(x => x.r.CategoryCode == code);
        }

        var rows = await query.OrderBy(x => x.SortOrder).ToListAsync(ct);
        return rows.Select(x => new Service(x.r.CategoryCode, x.Name, x.r.Realtime, x.r.Questions)).ToList();
    }

    private string? Optional(string key) => texts.Catalog.Of(texts.Culture).TryGetValue(key, out var text) ? text : null;

    private static string Keywords(Service s, string culture)
    {
        var names = new[] { s.Name.UzLatn, s.Name.UzCyrl, s.Name.Ru, s.Name.En }
            .Where(n => n != s.Name.In(culture)).Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join(", ", names.Prepend(s.Code));
    }
}
