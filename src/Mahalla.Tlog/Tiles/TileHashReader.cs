using System.Collections.Concurrent;
using Mahalla.Tlog.Merkle;

namespace Mahalla.Tlog.Tiles;

/// <summary>Fetches a tile or entry bundle by its path below the log prefix (e.g. over HTTP, or from a directory).</summary>
public interface ITileFetcher
{
    /// <summary>Returns the bytes at <paramref name="path"/>, e.g. <c>tile/0/x001/234</c>.</summary>
    ValueTask<byte[]> FetchAsync(string path, CancellationToken cancellationToken);
}

/// <summary>
/// An <see cref="IHashReader"/> over the tiles of a log at a checkpoint's size, so that
/// <see cref="MerkleTree"/> rebuilds roots and proofs on the client. Tiles are not trusted: what is built
/// from them must be checked against the signed checkpoint (compare the root, verify the proof).
/// Nodes between tile levels are recomputed from the tile's hashes.
/// </summary>
public sealed class TileHashReader(long treeSize, ITileFetcher fetcher) : IHashReader
{
    private readonly ConcurrentDictionary<TileId, byte[]> _tiles = new();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var located = nodes.Select(Locate).ToList();
        await Task.WhenAll(located.Select(l => l.Tile).Distinct().Select(t => LoadAsync(t, cancellationToken))).ConfigureAwait(false);
        var result = new byte[nodes.Count][];
        for (var i = 0; i < located.Count; i++)
        {
            var (tile, offset, count) = located[i];
            var hashes = _tiles[tile];
            var leaves = new byte[count][];
            for (var j = 0; j < count; j++)
            {
                leaves[j] = hashes.AsSpan((offset + j) * MerkleHash.Size, MerkleHash.Size).ToArray();
            }

            result[i] = MerkleHash.Root(leaves);
        }

        return result;
    }

    private (TileId Tile, int Offset, int Count) Locate(TreeNode node)
    {
        if (node.Level < 0 || node.RequiredTreeSize > treeSize || node.Index < 0)
        {
            throw new KeyNotFoundException($"Node {node} is not complete in a tree of size {treeSize}.");
        }

        var tileLevel = node.Level / TileId.Height;
        var below = node.Level % TileId.Height;
        var first = node.Index << below;
        var tile = TileId.ForNode(tileLevel, first, treeSize);
        return (tile, (int)(first % TileId.FullWidth), 1 << below);
    }

    private async Task LoadAsync(TileId tile, CancellationToken cancellationToken)
    {
        if (_tiles.ContainsKey(tile))
        {
            return;
        }

        var bytes = await fetcher.FetchAsync(tile.Path, cancellationToken).ConfigureAwait(false);
        if (bytes.Length != tile.Width * MerkleHash.Size)
        {
            throw new InvalidDataException($"Tile {tile.Path} has {bytes.Length} bytes; expected {tile.Width * MerkleHash.Size}.");
        }

        _tiles[tile] = bytes;
    }
}
