namespace Mahalla.Tlog.Merkle;

/// <summary>
/// Reads stored hashes of complete subtrees (see <see cref="TreeNode"/>). The web platform implements
/// it over its database, a client over fetched tiles (<see cref="Tiles.TileHashReader"/>), tools
/// in memory (<see cref="MemoryHashStore"/>). Every operation of the library asks for all the hashes it
/// needs in a single call, so one call is one database round trip.
/// </summary>
public interface IHashReader
{
    /// <summary>
    /// Returns the stored hash of each node, in the order asked. Must throw (not return garbage) when a
    /// node is not stored: callers only ask for nodes complete at a tree size the log has reached.
    /// </summary>
    ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken);
}
