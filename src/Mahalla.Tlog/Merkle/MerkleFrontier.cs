namespace Mahalla.Tlog.Merkle;

/// <summary>
/// The right edge of the tree (a "compact range" [0, size)): one complete-subtree hash per set bit of the
/// size, largest first. Appending a leaf costs on average two hashes and yields the complete nodes that
/// became final, so the sequencer can store them; the root is folded from at most 63 hashes.
/// Not thread-safe: one sequencer owns one instance. If storing a batch fails, discard the instance and
/// load a fresh one with <see cref="LoadAsync"/>.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _subtrees = [];

    /// <summary>An empty tree.</summary>
    public MerkleFrontier()
    {
    }

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Rebuilds the frontier of a tree of <paramref name="size"/> leaves from stored hashes (one read of at most 63 nodes).</summary>
    public static async ValueTask<MerkleFrontier> LoadAsync(IHashReader reader, long size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var nodes = MerkleTree.Decompose(0, size);
        var hashes = await MerkleTree.ReadCheckedAsync(reader, nodes, cancellationToken).ConfigureAwait(false);
        var frontier = new MerkleFrontier { Size = size };
        frontier._subtrees.AddRange(hashes);
        return frontier;
    }

    /// <summary>
    /// Appends a batch of leaf hashes. Returns every node (leaves included) that became complete, in an
    /// order where children come before parents, and the new root. Nothing is appended if a hash is invalid.
    /// </summary>
    public AppendedBatch AppendBatch(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        foreach (var leaf in leafHashes)
        {
            RequireHash(leaf);
        }

        var first = Size;
        var nodes = new List<StoredHash>(leafHashes.Count * 2 + 64);
        foreach (var leaf in leafHashes)
        {
            Append(leaf, (node, hash) => nodes.Add(new StoredHash(node, hash)));
        }

        return new AppendedBatch(first, Size, nodes, Root());
    }

    /// <summary>The root of the tree as it is now (the empty-tree hash when empty).</summary>
    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        var root = (byte[])_subtrees[^1].Clone();
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            MerkleHash.Node(_subtrees[i], root, root);
        }

        return root;
    }

    internal void Append(byte[] leafHash, Action<TreeNode, byte[]> completed)
    {
        RequireHash(leafHash);
        var index = Size;
        var hash = (byte[])leafHash.Clone();
        completed(new TreeNode(0, index), hash);
        var level = 0;
        // Each trailing 1 bit of the index closes a complete subtree one level up.
        while (((index >> level) & 1) == 1)
        {
            var left = _subtrees[^1];
            _subtrees.RemoveAt(_subtrees.Count - 1);
            hash = MerkleHash.Node(left, hash);
            level++;
            completed(new TreeNode(level, index >> level), hash);
        }

        _subtrees.Add(hash);
        Size = index + 1;
    }

    private static void RequireHash(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash has {hash.Length} bytes; expected {MerkleHash.Size}.", nameof(hash));
        }
    }
}

/// <summary>What one call of <see cref="MerkleFrontier.AppendBatch"/> produced.</summary>
/// <param name="FirstIndex">The log index of the first leaf of the batch.</param>
/// <param name="TreeSize">The tree size after the batch.</param>
/// <param name="Nodes">Every node that became complete (leaves included): store them all, in the same transaction as the entries.</param>
/// <param name="Root">The root hash at <paramref name="TreeSize"/>.</param>
public sealed record AppendedBatch(long FirstIndex, long TreeSize, IReadOnlyList<StoredHash> Nodes, byte[] Root);
