namespace Mahalla.Tlog.Merkle;

/// <summary>
/// Complete-subtree hashes held in memory, level by level: for tools, tests and caches. Nodes must be
/// added in the order <see cref="MerkleFrontier"/> produces them (left to right within a level).
/// </summary>
public sealed class MemoryHashStore : IHashReader
{
    private readonly List<List<byte[]>> _levels = [];

    /// <summary>Stores nodes produced by <see cref="MerkleFrontier.AppendBatch"/>.</summary>
    public void Add(IEnumerable<StoredHash> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var (node, hash) in nodes)
        {
            while (_levels.Count <= node.Level)
            {
                _levels.Add([]);
            }

            var level = _levels[node.Level];
            if (node.Index != level.Count)
            {
                throw new ArgumentException($"Node {node} is out of order: level {node.Level} holds {level.Count} nodes.", nameof(nodes));
            }

            level.Add(hash);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var result = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var (level, index) = nodes[i];
            if (level < 0 || level >= _levels.Count || index < 0 || index >= _levels[level].Count)
            {
                throw new KeyNotFoundException($"Node {nodes[i]} is not stored.");
            }

            result[i] = _levels[level][(int)index];
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(result);
    }
}
