using System.Text;
using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Territories;

/// <summary>
/// The regions and districts of Uzbekistan with their SOATO codes, from the embedded dataset
/// (see <c>SeedData/SOURCE.md</c>). Ids are derived from SOATO codes, so every installation
/// gives the same territory the same id.
/// </summary>
public static class TerritorySeed
{
    public static Guid IdFor(string key) => Platform.Database.NamedIds.From("mahalla:territory:" + key);

    public static IReadOnlyList<Territory> RegionsAndDistricts()
    {
        var regions = new Dictionary<string, Territory>();
        var result = new List<Territory>();
        foreach (var row in Rows("regions"))
        {
            // id,soato_id,name_uz,name_oz,name_ru
            var region = new Territory(IdFor(row[1]), null, TerritoryKind.Region, row[1], Names(row[2], row[3], row[4]));
            regions[row[0]] = region;
            result.Add(region);
        }

        foreach (var row in Rows("districts"))
        {
            // id,region_id,soato_id,name_uz,name_oz,name_ru
            if (row[2].Length != 7 || !regions.TryGetValue(row[1], out var region))
            {
                continue;
            }

            var kind = row[3].EndsWith("shahri", StringComparison.Ordinal) ? TerritoryKind.City : TerritoryKind.District;
            result.Add(new Territory(IdFor(row[2]), region, kind, row[2], Names(row[3], row[4], row[5])));
        }

        return result;
    }

    private static LocalizedName Names(string uz, string cyrl, string ru)
    {
        var english = uz
            .Replace(" viloyati", " Region", StringComparison.Ordinal)
            .Replace(" tumani", " District", StringComparison.Ordinal)
            .Replace(" shahri", " City", StringComparison.Ordinal)
            .Replace(" Respublikasi", " Republic", StringComparison.Ordinal);
        return new LocalizedName(uz, cyrl, ru is "null" or "" ? uz : ru, english);
    }

    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = typeof(TerritorySeed).Assembly.GetManifestResourceStream($"Mahalla.Web.Territories.{name}.csv")
            ?? throw new InvalidOperationException($"Territory data {name}.csv is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                // The dataset has no quoted fields; a row with another shape is a data error worth failing on.
                var fields = line.Split(',');
                yield return fields;
            }
        }
    }
}
