using Mahalla.Web.Modules.Reports.Geo;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>
/// The boundary of a mahalla or a district as a GeoJSON Polygon or MultiPolygon (longitude, latitude in
/// WGS 84), imported by administrators. The bounding box lets the locator skip most polygons quickly.
/// </summary>
public sealed class TerritoryBoundary
{
    /// <summary>Large enough for a detailed mahalla outline; a district of thousands of points still fits.</summary>
    public const int MaxGeoJsonLength = 2_000_000;

    private TerritoryBoundary()
    {
    }

    public TerritoryBoundary(Guid territoryId, GeoShape shape, DateTime importedAtUtc)
    {
        TerritoryId = territoryId;
        Replace(shape, importedAtUtc);
    }

    public Guid TerritoryId { get; private set; }

    public string GeoJson { get; private set; } = "";

    public double MinLatitude { get; private set; }

    public double MinLongitude { get; private set; }

    public double MaxLatitude { get; private set; }

    public double MaxLongitude { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    public void Replace(GeoShape shape, DateTime importedAtUtc)
    {
        var json = shape.ToGeoJson();
        if (json.Length > MaxGeoJsonLength)
        {
            throw new ArgumentException("The boundary is too detailed.", nameof(shape));
        }

        GeoJson = json;
        (MinLatitude, MinLongitude, MaxLatitude, MaxLongitude) = shape.Bounds;
        ImportedAtUtc = importedAtUtc;
    }
}
