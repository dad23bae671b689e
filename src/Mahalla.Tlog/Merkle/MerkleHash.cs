using System.Buffers;
using System.Security.Cryptography;

namespace Mahalla.Tlog.Merkle;

/// <summary>
/// RFC 9162 (and RFC 6962) Merkle tree hashing with SHA-256: leaves are hashed with the prefix 0x00,
/// interior nodes with the prefix 0x01, so that a leaf can never be passed off as a node.
/// </summary>
public static class MerkleHash
{
    /// <summary>The length in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    private static readonly byte[] EmptyTreeRoot = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => (byte[])EmptyTreeRoot.Clone();

    /// <summary>The leaf hash of an entry: SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        Leaf(entry, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x00 ‖ entry) into <paramref name="destination"/> (32 bytes).</summary>
    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        var length = entry.Length + 1;
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        buffer[0] = 0x00;
        entry.CopyTo(buffer[1..]);
        SHA256.HashData(buffer, destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The hash of an interior node: SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/>.</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>The Merkle tree hash of a list of leaf hashes (RFC 9162 §2.1.1), computed in memory.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var frontier = new MerkleFrontier();
        foreach (var leaf in leafHashes)
        {
            frontier.Append(leaf, static (_, _) => { });
        }

        return frontier.Root();
    }
}
