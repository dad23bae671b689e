using System.Globalization;
using System.Text;

namespace Mahalla.Tlog.Tiles;

/// <summary>
/// A tile of C2SP tlog-tiles v0.1.0: a hash tile at <see cref="Level"/> 0–63, or an entry bundle
/// (<see cref="IsEntryBundle"/>), with its index and width (256 for a full tile, 1–255 for a partial one).
/// </summary>
public readonly record struct TileId
{
    /// <summary>Hashes (or entries) in a full tile.</summary>
    public const int FullWidth = 256;

    /// <summary>Tile height: a tile at level L holds Merkle nodes of tree level 8·L.</summary>
    public const int Height = 8;

    private const int EntriesLevel = -1;

    private TileId(int level, long index, int width)
    {
        Level = level;
        Index = index;
        Width = width;
    }

    /// <summary>The tile level, or -1 for an entry bundle.</summary>
    public int Level { get; }

    /// <summary>The index of the tile within its level.</summary>
    public long Index { get; }

    /// <summary>The number of hashes (or entries): 256 when full.</summary>
    public int Width { get; }

    /// <summary>Whether this is an entry bundle rather than a hash tile.</summary>
    public bool IsEntryBundle => Level == EntriesLevel;

    /// <summary>Whether the tile is partial (fewer than 256 hashes).</summary>
    public bool IsPartial => Width < FullWidth;

    /// <summary>The path below the log prefix, e.g. <c>tile/0/x001/x234/067.p/8</c> or <c>tile/entries/000</c>.</summary>
    public string Path
    {
        get
        {
            var builder = new StringBuilder("tile/").Append(IsEntryBundle ? "entries" : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
            var index = Index.ToString(CultureInfo.InvariantCulture);
            // Zero-pad to a multiple of three digits, then every group but the last gets an 'x'.
            index = index.PadLeft((index.Length + 2) / 3 * 3, '0');
            for (var i = 0; i < index.Length; i += 3)
            {
                builder.Append(i + 3 < index.Length ? "x" : string.Empty).Append(index, i, 3).Append(i + 3 < index.Length ? "/" : string.Empty);
            }

            if (IsPartial)
            {
                builder.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }

    /// <summary>A hash tile.</summary>
    public static TileId Hashes(int level, long index, int width = FullWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 63);
        return Create(level, index, width);
    }

    /// <summary>An entry bundle.</summary>
    public static TileId Entries(long index, int width = FullWidth) => Create(EntriesLevel, index, width);

    /// <summary>
    /// Every hash tile and entry bundle a log of <paramref name="treeSize"/> leaves serves, partial ones
    /// included (the tiles a full mirror needs).
    /// </summary>
    public static IEnumerable<TileId> AllForTreeSize(long treeSize, bool includeEntryBundles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        for (var level = 0; level <= 7; level++)
        {
            var nodes = treeSize >> (Height * level);
            if (nodes == 0)
            {
                yield break;
            }

            for (var index = 0L; index < nodes / FullWidth; index++)
            {
                if (level == 0 && includeEntryBundles)
                {
                    yield return Entries(index);
                }

                yield return Hashes(level, index);
            }

            var partial = (int)(nodes % FullWidth);
            if (partial > 0)
            {
                if (level == 0 && includeEntryBundles)
                {
                    yield return Entries(nodes / FullWidth, partial);
                }

                yield return Hashes(level, nodes / FullWidth, partial);
            }
        }
    }

    /// <summary>The hash tile at <paramref name="level"/> containing node <paramref name="nodeIndex"/> of tree level 8·level, as wide as the tree of <paramref name="treeSize"/> allows.</summary>
    public static TileId ForNode(int level, long nodeIndex, long treeSize)
    {
        var nodes = treeSize >> (Height * level);
        var index = nodeIndex / FullWidth;
        var width = index < nodes / FullWidth ? FullWidth : (int)(nodes % FullWidth);
        if (width == 0 || nodeIndex >= nodes)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeIndex), $"Node {nodeIndex} of tile level {level} is not in a tree of size {treeSize}.");
        }

        return Hashes(level, index, width);
    }

    /// <summary>Parses a tile path (as <see cref="Path"/> writes it, strictly: no leading zeros, no extra segments).</summary>
    public static bool TryParse(string path, out TileId tile)
    {
        tile = default;
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            return false;
        }

        int level;
        if (parts[1] == "entries")
        {
            level = EntriesLevel;
        }
        else if (!TryParseDecimal(parts[1], 63, out var parsed))
        {
            return false;
        }
        else
        {
            level = (int)parsed;
        }

        var width = FullWidth;
        var end = parts.Length;
        if (parts[^1].Length > 0 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseDecimal(parts[^1], FullWidth - 1, out var w) || w == 0)
            {
                return false;
            }

            width = (int)w;
            parts[^2] = parts[^2][..^2];
            end--;
        }

        var digits = new StringBuilder();
        for (var i = 2; i < end; i++)
        {
            var last = i == end - 1;
            var element = parts[i];
            if (element.Length != (last ? 3 : 4) || (!last && element[0] != 'x'))
            {
                return false;
            }

            element = last ? element : element[1..];
            if (!element.All(char.IsAsciiDigit))
            {
                return false;
            }

            digits.Append(element);
        }

        var text = digits.ToString().TrimStart('0');
        if (text.Length > 18 || (end - 2 > 1 && digits[0] == '0' && digits[1] == '0' && digits[2] == '0'))
        {
            return false;
        }

        tile = new TileId(level, text.Length == 0 ? 0 : long.Parse(text, CultureInfo.InvariantCulture), width);
        return true;
    }

    private static TileId Create(int level, long index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, FullWidth);
        return new TileId(level, index, width);
    }

    private static bool TryParseDecimal(string text, long max, out long value)
    {
        value = 0;
        return text.Length > 0 && text.Length <= 3 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
