namespace Mahalla.Tlog.Merkle;

/// <summary>
/// Roots and proofs (RFC 9162 §2.1) computed from stored complete-subtree hashes. Each call reads
/// O(log n) hashes in a single <see cref="IHashReader.ReadHashesAsync"/> call and hashes at most O(log n) more.
/// The same code serves the log (reading its database) and clients (reading tiles).
/// </summary>
public static class MerkleTree
{
    /// <summary>The root hash of the tree of the first <paramref name="size"/> leaves.</summary>
    public static async ValueTask<byte[]> RootAsync(IHashReader reader, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        var hashes = await HashRangesAsync(reader, [(0, size)], cancellationToken).ConfigureAwait(false);
        return hashes[0];
    }

    /// <summary>
    /// The inclusion proof (audit path) of leaf <paramref name="index"/> in the tree of <paramref name="size"/>
    /// leaves, from the leaf's sibling up to the root's child.
    /// </summary>
    public static async ValueTask<IReadOnlyList<byte[]>> InclusionProofAsync(IHashReader reader, long index, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf index {index} is not in a tree of size {size}.");
        }

        var ranges = new List<(long Start, long End)>();
        PathRanges(index, 0, size, ranges);
        return await HashRangesAsync(reader, ranges, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The consistency proof from the tree of <paramref name="oldSize"/> leaves to the tree of
    /// <paramref name="newSize"/> leaves. Empty when the sizes are equal. A proof from size 0 does not exist.
    /// </summary>
    public static async ValueTask<IReadOnlyList<byte[]>> ConsistencyProofAsync(IHashReader reader, long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (oldSize <= 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof exists from size {oldSize} to size {newSize}.");
        }

        var ranges = new List<(long Start, long End)>();
        if (oldSize < newSize)
        {
            SubproofRanges(oldSize, 0, newSize, true, ranges);
        }

        return await HashRangesAsync(reader, ranges, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The complete subtrees that make up leaves [start, end), left to right, largest first.</summary>
    internal static List<TreeNode> Decompose(long start, long end)
    {
        var nodes = new List<TreeNode>();
        while (start < end)
        {
            var level = start == 0 ? 62 : (int)long.TrailingZeroCount(start);
            while ((1L << level) > end - start)
            {
                level--;
            }

            nodes.Add(new TreeNode(level, start >> level));
            start += 1L << level;
        }

        return nodes;
    }

    internal static async ValueTask<IReadOnlyList<byte[]>> ReadCheckedAsync(IHashReader reader, IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return [];
        }

        var hashes = await reader.ReadHashesAsync(nodes, cancellationToken).ConfigureAwait(false);
        if (hashes.Count != nodes.Count)
        {
            throw new InvalidOperationException($"The hash reader returned {hashes.Count} hashes for {nodes.Count} nodes.");
        }

        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is null || hashes[i].Length != MerkleHash.Size)
            {
                throw new InvalidOperationException($"The hash reader returned an invalid hash for node {nodes[i]}.");
            }
        }

        return hashes;
    }

    // RFC 9162 §2.1.3.1 PATH(m, D[start:end]): deepest sibling first.
    private static void PathRanges(long m, long start, long end, List<(long, long)> ranges)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            PathRanges(m, start, start + k, ranges);
            ranges.Add((start + k, end));
        }
        else
        {
            PathRanges(m - k, start + k, end, ranges);
            ranges.Add((start, start + k));
        }
    }

    // RFC 9162 §2.1.4.1 SUBPROOF(m, D[start:end], b).
    private static void SubproofRanges(long m, long start, long end, bool startsAtOldRoot, List<(long, long)> ranges)
    {
        var n = end - start;
        if (m == n)
        {
            if (!startsAtOldRoot)
            {
                ranges.Add((start, end));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubproofRanges(m, start, start + k, startsAtOldRoot, ranges);
            ranges.Add((start + k, end));
        }
        else
        {
            SubproofRanges(m - k, start + k, end, false, ranges);
            ranges.Add((start, start + k));
        }
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    // Hashes each range [start, end) (whose start is aligned as in the RFC recursion) from its
    // complete subtrees, reading all of them at once.
    private static async ValueTask<byte[][]> HashRangesAsync(IHashReader reader, IReadOnlyList<(long Start, long End)> ranges, CancellationToken cancellationToken)
    {
        var nodes = new List<TreeNode>();
        var counts = new int[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            var parts = Decompose(ranges[i].Start, ranges[i].End);
            counts[i] = parts.Count;
            nodes.AddRange(parts);
        }

        var hashes = await ReadCheckedAsync(reader, nodes, cancellationToken).ConfigureAwait(false);
        var result = new byte[ranges.Count][];
        var offset = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var hash = (byte[])hashes[offset + counts[i] - 1].Clone();
            for (var j = offset + counts[i] - 2; j >= offset; j--)
            {
                MerkleHash.Node(hashes[j], hash, hash);
            }

            result[i] = hash;
            offset += counts[i];
        }

        return result;
    }
}
