using Mahalla.Tlog.Merkle;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.Data;

/// <summary>Stored subtree hashes for the library: one query per call, whatever the number of nodes asked.</summary>
internal sealed class DbHashReader(MahallaDb db) : IHashReader
{
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return [];
        }

        var keys = nodes.Select(n => LogNode.KeyOf(n.Level, n.Index)).Distinct().ToList();
        var found = await db.Set<LogNode>().AsNoTracking().Where(n => keys.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Hash, cancellationToken);
        var hashes = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            hashes[i] = found.TryGetValue(LogNode.KeyOf(nodes[i].Level, nodes[i].Index), out var hash)
                ? hash
                : throw new InvalidOperationException($"The log has no stored hash for node {nodes[i].Level}/{nodes[i].Index}.");
        }

        return hashes;
    }
}
