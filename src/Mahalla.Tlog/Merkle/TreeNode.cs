namespace Mahalla.Tlog.Merkle;

/// <summary>
/// A complete subtree of the log: the node at <paramref name="Level"/> (0 for leaves) and position
/// <paramref name="Index"/> covers leaves [Index·2^Level, (Index+1)·2^Level). Once the log reaches that
/// many leaves its hash never changes, which is why such nodes, and only such nodes, are stored.
/// </summary>
/// <param name="Level">Height above the leaves, 0 to 63.</param>
/// <param name="Index">Position among the nodes of that level, from 0.</param>
public readonly record struct TreeNode(int Level, long Index)
{
    /// <summary>The first leaf index covered by this node.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The number of leaves the tree must hold for this node to be complete.</summary>
    public long RequiredTreeSize => (Index + 1) << Level;
}

/// <summary>A complete node and its hash, as the appender hands it out for storage.</summary>
/// <param name="Node">Which node.</param>
/// <param name="Hash">Its 32-byte Merkle tree hash.</param>
public readonly record struct StoredHash(TreeNode Node, byte[] Hash);
