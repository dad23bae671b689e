using System.Buffers.Binary;

namespace Mahalla.Tlog.Tiles;

/// <summary>Entry bundles of tlog-tiles: entries, each prefixed by its length as a big-endian uint16.</summary>
public static class EntryBundle
{
    /// <summary>The largest entry a bundle can hold.</summary>
    public const int MaxEntryLength = ushort.MaxValue;

    /// <summary>Encodes up to 256 entries into a bundle.</summary>
    public static byte[] Encode(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > TileId.FullWidth)
        {
            throw new ArgumentException($"A bundle holds 1 to {TileId.FullWidth} entries, not {entries.Count}.", nameof(entries));
        }

        var bundle = new byte[entries.Sum(e => 2 + e.Length)];
        var offset = 0;
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"An entry of {entry.Length} bytes is longer than {MaxEntryLength}.", nameof(entries));
            }

            BinaryPrimitives.WriteUInt16BigEndian(bundle.AsSpan(offset), (ushort)entry.Length);
            entry.Span.CopyTo(bundle.AsSpan(offset + 2));
            offset += 2 + entry.Length;
        }

        return bundle;
    }

    /// <summary>Decodes a bundle, requiring exactly <paramref name="expectedCount"/> entries and no trailing bytes.</summary>
    public static IReadOnlyList<byte[]> Decode(ReadOnlySpan<byte> bundle, int expectedCount)
    {
        var entries = new List<byte[]>(expectedCount);
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
            {
                throw new FormatException("The entry bundle ends inside a length prefix.");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
            {
                throw new FormatException("The entry bundle ends inside an entry.");
            }

            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }

        if (entries.Count != expectedCount)
        {
            throw new FormatException($"The entry bundle holds {entries.Count} entries; expected {expectedCount}.");
        }

        return entries;
    }
}
