namespace Mahalla.Web.Modules.Territories.Data;

public enum TerritoryKind
{
    Region = 1,
    District = 2,
    City = 3,
    Mahalla = 4,
}

/// <summary>
/// A node of the territory tree: region → district or city → mahalla. <see cref="Path"/> is the
/// chain of ids from the root (<c>/regionId/districtId/…/</c>) so that "everything inside this
/// district" is one prefix comparison on either database.
/// </summary>
public sealed class Territory
{
    private Territory()
    {
    }

    public Territory(Guid id, Territory? parent, TerritoryKind kind, string? soatoCode, LocalizedName name)
    {
        if (kind == TerritoryKind.Region && parent is not null)
        {
            throw new ArgumentException("A region has no parent.", nameof(parent));
        }

        if (kind != TerritoryKind.Region && parent is null)
        {
            throw new ArgumentException("Only a region may stand at the root.", nameof(parent));
        }

        Id = id;
        ParentId = parent?.Id;
        Kind = kind;
        SoatoCode = soatoCode;
        Name = name;
        Path = (parent?.Path ?? "/") + id.ToString("N") + "/";
    }

    public Guid Id { get; private set; }

    public Guid? ParentId { get; private set; }

    public TerritoryKind Kind { get; private set; }

    public string? SoatoCode { get; private set; }

    public LocalizedName Name { get; private set; } = null!;

    public string Path { get; private set; } = "";

    /// <summary>A mahalla's centre, used by the map and the nearest-mahalla fallback.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public void Rename(LocalizedName name) => Name = name;

    public void PlaceAt(double latitude, double longitude)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), "Coordinates out of range.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public bool Contains(Territory other) => other.Path.StartsWith(Path, StringComparison.Ordinal);
}

/// <summary>A name in every interface language (Uzbek Latin, Uzbek Cyrillic, Russian, English).</summary>
public sealed record LocalizedName(string UzLatn, string UzCyrl, string Ru, string En)
{
    public string In(string culture) => culture switch
    {
        "uz-Cyrl" => UzCyrl,
        "ru" => Ru,
        "en" => En,
        _ => UzLatn,
    };

    public static LocalizedName Same(string text) => new(text, text, text, text);
}
