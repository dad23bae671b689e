using System.Text;

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
        Rename(name);
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

    /// <summary>
    /// A mahalla's Uzbek Latin name with its ASCII letters in capitals, every apostrophe written ʻ (the Uzbek Latin
    /// alphabet is ASCII but for that sign, which people type as ', `, ‘, ’ and more) and every run of spaces written as
    /// one space, with none at the ends; null for other territories. Two mahallas of one district may not share a name;
    /// the administration checks that in both scripts before it saves, and a unique index on the parent and this key stops
    /// the twins that a double click would make between the check and the save (ADR 0081, ADR 0084). Only ASCII letters
    /// are folded, and only these apostrophes and spaces, so that SQL gives existing rows the same key as this does (M0021,
    /// M0022).
    /// </summary>
    public string? NameKey { get; private set; }

    /// <summary>The apostrophes a name key writes as ʻ (U+02BB), as typed for the sign of oʻ and gʻ or for the tutuq (ʼ).</summary>
    public const string Apostrophes = "'`\u00B4\u02B9\u02BC\u02BD\u2018\u2019\u201B\u2032";

    /// <summary>The characters a name key reads as a space: those .NET calls white space, the line breaks and the no-break spaces among them.</summary>
    public const string Spaces = "\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    public static string KeyOf(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (Spaces.Contains(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
            }
            else
            {
                key.Append(c switch
                {
                    >= 'a' and <= 'z' => (char)(c - 32),
                    _ when Apostrophes.Contains(c) => '\u02BB',
                    _ => c,
                });
            }
        }

        return key.ToString().TrimEnd(' ');
    }

    public void Rename(LocalizedName name)
    {
        Name = name;
        NameKey = Kind == TerritoryKind.Mahalla ? KeyOf(name.UzLatn) : null;
    }

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
