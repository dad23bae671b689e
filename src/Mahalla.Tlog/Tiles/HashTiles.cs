using Mahalla.Tlog.Merkle;

namespace Mahalla.Tlog.Tiles;

/// <summary>Hash tiles served from stored hashes (what <c>GET /tlog/tile/{L}/{N}[.p/{W}]</c> answers).</summary>
public static class HashTiles
{
    /// <summary>
    /// The bytes of a hash tile: the <see cref="TileId.Width"/> stored hashes of tree level 8·L from index
    /// 256·N, read in one call. Refuses tiles that a log of <paramref name="treeSize"/> leaves does not
    /// have yet, so a partial tile is never served wider than the latest checkpoint allows.
    /// </summary>
    public static async ValueTask<byte[]> ReadAsync(IHashReader reader, TileId tile, long treeSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (tile.IsEntryBundle)
        {
            throw new ArgumentException("An entry bundle is not a hash tile.", nameof(tile));
        }

        var level = tile.Level * TileId.Height;
        var first = tile.Index * TileId.FullWidth;
        if (level > 62 || first + tile.Width > treeSize >> level)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), $"Tile {tile.Path} is not part of a tree of size {treeSize}.");
        }

        var nodes = new TreeNode[tile.Width];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new TreeNode(level, first + i);
        }

        var hashes = await MerkleTree.ReadCheckedAsync(reader, nodes, cancellationToken).ConfigureAwait(false);
        var bytes = new byte[tile.Width * MerkleHash.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(bytes, i * MerkleHash.Size);
        }

        return bytes;
    }
}
