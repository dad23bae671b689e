using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mahalla.Web.Modules.Reports.Geo;

/// <summary>Thrown for GeoJSON that is not a valid Polygon or MultiPolygon; the message says what is wrong.</summary>
public sealed class GeoJsonException(string message) : Exception(message);

/// <summary>
/// A Polygon or MultiPolygon in WGS 84 (RFC 7946 GeoJSON order: longitude, latitude). Each polygon is an
/// outer ring and optional holes; a point is inside when it is inside some outer ring and in none of
/// that polygon's holes (even–odd ray casting, exact for the small areas of a city).
/// </summary>
public sealed class GeoShape
{
    public const int MaxPoints = 100_000;

    private readonly IReadOnlyList<IReadOnlyList<(double Lon, double Lat)[]>> _polygons;

    private GeoShape(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)[]>> polygons)
    {
        _polygons = polygons;
        var all = polygons.SelectMany(p => p[0]).ToList();
        Bounds = (all.Min(p => p.Lat), all.Min(p => p.Lon), all.Max(p => p.Lat), all.Max(p => p.Lon));
    }

    public (double MinLat, double MinLon, double MaxLat, double MaxLon) Bounds { get; }

    public IReadOnlyList<IReadOnlyList<(double Lon, double Lat)[]>> Polygons => _polygons;

    /// <summary>A polygon from its outer ring's corners (latitude, longitude), closed for you.</summary>
    public static GeoShape FromRing(params (double Lat, double Lon)[] corners)
    {
        var ring = corners.Select(c => (c.Lon, c.Lat)).Append((corners[0].Lon, corners[0].Lat)).ToArray();
        Validate(ring);
        return new GeoShape([[ring]]);
    }

    /// <summary>Reads a geometry, a Feature (its geometry) or a bare Polygon/MultiPolygon.</summary>
    public static GeoShape Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new GeoJsonException("A GeoJSON object with a \"type\" is expected.");
        }

        var type = typeElement.GetString();
        if (type == "Feature")
        {
            return element.TryGetProperty("geometry", out var geometry) ? Parse(geometry) : throw new GeoJsonException("The feature has no geometry.");
        }

        if (!element.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new GeoJsonException("The geometry has no coordinates.");
        }

        var points = 0;
        var polygons = type switch
        {
            "Polygon" => [ReadPolygon(coordinates, ref points)],
            "MultiPolygon" => coordinates.EnumerateArray().Select(p => ReadPolygon(p, ref points)).ToList(),
            _ => throw new GeoJsonException($"Only Polygon and MultiPolygon boundaries are accepted, not {type}."),
        };
        if (polygons.Count == 0)
        {
            throw new GeoJsonException("The MultiPolygon is empty.");
        }

        return new GeoShape(polygons);
    }

    public static GeoShape Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new GeoJsonException("The GeoJSON is not valid JSON: " + e.Message);
        }
    }

    public bool Contains(double latitude, double longitude)
    {
        if (latitude < Bounds.MinLat || latitude > Bounds.MaxLat || longitude < Bounds.MinLon || longitude > Bounds.MaxLon)
        {
            return false;
        }

        foreach (var polygon in _polygons)
        {
            if (Inside(polygon[0], latitude, longitude) && !polygon.Skip(1).Any(hole => Inside(hole, latitude, longitude)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The centre of the outer rings' corners: good enough to put a label or a fallback point on a small area.</summary>
    public (double Lat, double Lon) Centre()
    {
        var corners = _polygons.SelectMany(p => p[0].SkipLast(1)).ToList();
        return (corners.Average(c => c.Lat), corners.Average(c => c.Lon));
    }

    /// <summary>Approximate area in square metres (equirectangular projection), to prefer the smallest of overlapping shapes.</summary>
    public double AreaSquareMeters()
    {
        double total = 0;
        foreach (var polygon in _polygons)
        {
            total += RingArea(polygon[0]) - polygon.Skip(1).Sum(RingArea);
        }

        return total;
    }

    public string ToGeoJson()
    {
        var sb = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (var p = 0; p < _polygons.Count; p++)
        {
            sb.Append(p == 0 ? "[" : ",[");
            for (var r = 0; r < _polygons[p].Count; r++)
            {
                sb.Append(r == 0 ? "[" : ",[");
                var ring = _polygons[p][r];
                for (var i = 0; i < ring.Length; i++)
                {
                    sb.Append(i == 0 ? "[" : ",[")
                        .Append(ring[i].Lon.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                        .Append(ring[i].Lat.ToString("R", CultureInfo.InvariantCulture)).Append(']');
                }

                sb.Append(']');
            }

            sb.Append(']');
        }

        return sb.Append("]}").ToString();
    }

    private static List<(double Lon, double Lat)[]> ReadPolygon(JsonElement polygon, ref int points)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            throw new GeoJsonException("A polygon is a non-empty array of rings.");
        }

        var rings = new List<(double Lon, double Lat)[]>();
        foreach (var ringElement in polygon.EnumerateArray())
        {
            if (ringElement.ValueKind != JsonValueKind.Array)
            {
                throw new GeoJsonException("A ring is an array of positions.");
            }

            var ring = new List<(double Lon, double Lat)>();
            foreach (var position in ringElement.EnumerateArray())
            {
                if (++points > MaxPoints)
                {
                    throw new GeoJsonException($"A boundary may have at most {MaxPoints} points.");
                }

                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    throw new GeoJsonException("A position is [longitude, latitude].");
                }

                ring.Add((position[0].GetDouble(), position[1].GetDouble()));
            }

            var array = ring.ToArray();
            Validate(array);
            rings.Add(array);
        }

        return rings;
    }

    private static void Validate((double Lon, double Lat)[] ring)
    {
        if (ring.Length < 4)
        {
            throw new GeoJsonException("A ring needs at least four positions (three corners and the first again).");
        }

        if (ring[0] != ring[^1])
        {
            throw new GeoJsonException("A ring must end where it starts.");
        }

        if (ring.Any(p => !double.IsFinite(p.Lat) || !double.IsFinite(p.Lon) || p.Lat is < -90 or > 90 || p.Lon is < -180 or > 180))
        {
            throw new GeoJsonException("A position is out of range: longitude −180…180, latitude −90…90.");
        }
    }

    private static bool Inside((double Lon, double Lat)[] ring, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static double RingArea((double Lon, double Lat)[] ring)
    {
        var lat0 = ring.Average(p => p.Lat) * Math.PI / 180;
        const double metersPerDegree = 111_320;
        double sum = 0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var x1 = ring[i].Lon * metersPerDegree * Math.Cos(lat0);
            var y1 = ring[i].Lat * metersPerDegree;
            var x2 = ring[i + 1].Lon * metersPerDegree * Math.Cos(lat0);
            var y2 = ring[i + 1].Lat * metersPerDegree;
            sum += x1 * y2 - x2 * y1;
        }

        return Math.Abs(sum) / 2;
    }
}

/// <summary>Distances on the sphere.</summary>
public static class Earth
{
    private const double RadiusMeters = 6_371_008.8;

    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * RadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A box around a point that contains every point within <paramref name="meters"/> of it.</summary>
    public static (double MinLat, double MinLon, double MaxLat, double MaxLon) BoxAround(double lat, double lon, double meters)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        return (lat - dLat, lon - dLon, lat + dLat, lon + dLon);
    }
}
