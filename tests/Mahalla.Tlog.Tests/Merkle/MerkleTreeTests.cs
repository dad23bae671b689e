using Mahalla.Tlog.Merkle;

namespace Mahalla.Tlog.Tests.Merkle;

public sealed class MerkleTreeTests
{
    [Fact]
    public void Root_of_the_empty_tree_is_the_hash_of_the_empty_string()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Convert.ToBase64String(MerkleHash.EmptyRoot()));
    }

    [Fact]
    public void Root_of_eight_leaves_matches_the_rfc_6962_reference_tree()
    {
        // The eight leaves of RFC 6962's test tree (also used by the consistency vectors).
        string[] hex = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
        var leaves = hex.Select(h => MerkleHash.Leaf(Convert.FromHexString(h))).ToArray();
        Assert.Equal("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", Convert.ToBase64String(MerkleHash.Root(leaves)));
        Assert.Equal("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", Convert.ToBase64String(leaves[0]));
    }

    [Fact]
    public async Task Every_inclusion_and_consistency_proof_of_random_trees_verifies_and_every_flipped_bit_fails()
    {
        var random = new Random(20251122);
        for (var size = 1; size <= 40; size++)
        {
            var (store, leaves, roots) = BuildTree(random, size);
            for (var n = 1; n <= size; n++)
            {
                Assert.Equal(roots[n], await MerkleTree.RootAsync(store, n, TestContext.Current.CancellationToken));
                for (var i = 0; i < n; i++)
                {
                    var proof = await MerkleTree.InclusionProofAsync(store, i, n, TestContext.Current.CancellationToken);
                    Assert.Equal(Reference.Path(i, leaves[..n]), proof);
                    Assert.True(MerkleProof.VerifyInclusion(i, n, leaves[i], proof, roots[n]));
                    if (i + 1 < n)
                    {
                        Assert.False(MerkleProof.VerifyInclusion(i + 1, n, leaves[i], proof, roots[n]));
                    }

                    AssertEveryBitFlipFails(proof, p => MerkleProof.VerifyInclusion(i, n, leaves[i], p, roots[n]));
                }

                for (var m = 1; m <= n; m++)
                {
                    var proof = await MerkleTree.ConsistencyProofAsync(store, m, n, TestContext.Current.CancellationToken);
                    Assert.Equal(Reference.Proof(m, leaves[..n]), proof);
                    Assert.True(MerkleProof.VerifyConsistency(m, n, proof, roots[m], roots[n]));
                    AssertEveryBitFlipFails(proof, p => MerkleProof.VerifyConsistency(m, n, p, roots[m], roots[n]));
                    if (m < n)
                    {
                        Assert.False(MerkleProof.VerifyConsistency(m, n, proof, roots[n], roots[n]));
                        Assert.False(MerkleProof.VerifyConsistency(m, n, proof.Take(proof.Count - 1).ToArray(), roots[m], roots[n]));
                    }
                }
            }
        }
    }

    [Fact]
    public void Inclusion_proof_with_a_flipped_bit_in_the_leaf_or_root_is_rejected()
    {
        var random = new Random(7);
        var (_, leaves, roots) = BuildTree(random, 13);
        var proof = Reference.Path(5, leaves);
        Assert.True(MerkleProof.VerifyInclusion(5, 13, leaves[5], proof, roots[13]));
        for (var bit = 0; bit < 256; bit++)
        {
            Assert.False(MerkleProof.VerifyInclusion(5, 13, Flip(leaves[5], bit), proof, roots[13]));
            Assert.False(MerkleProof.VerifyInclusion(5, 13, leaves[5], proof, Flip(roots[13], bit)));
        }
    }

    [Fact]
    public async Task Frontier_loaded_from_stored_hashes_continues_the_same_tree()
    {
        var random = new Random(3);
        var (store, leaves, roots) = BuildTree(random, 1000);
        var loaded = await MerkleFrontier.LoadAsync(store, 700, TestContext.Current.CancellationToken);
        Assert.Equal(roots[700], loaded.Root());
        var batch = loaded.AppendBatch(leaves[700..]);
        Assert.Equal(700, batch.FirstIndex);
        Assert.Equal(1000, batch.TreeSize);
        Assert.Equal(roots[1000], batch.Root);
    }

    [Fact]
    public void Appended_batch_yields_every_complete_node_once_children_before_parents()
    {
        var frontier = new MerkleFrontier();
        var leaves = Enumerable.Range(0, 11).Select(i => MerkleHash.Leaf([(byte)i])).ToArray();
        var first = frontier.AppendBatch(leaves[..5]);
        var second = frontier.AppendBatch(leaves[5..]);
        var nodes = first.Nodes.Concat(second.Nodes).Select(n => n.Node).ToList();
        // A tree of 11 leaves has 11 + 5 + 2 + 1 complete nodes.
        Assert.Equal(19, nodes.Count);
        Assert.Equal(nodes.Count, nodes.Distinct().Count());
        Assert.Contains(new TreeNode(3, 0), second.Nodes.Select(n => n.Node));
        Assert.True(nodes.IndexOf(new TreeNode(2, 1)) < nodes.IndexOf(new TreeNode(3, 0)));
        Assert.Equal(Reference.Mth(leaves), second.Root);
    }

    [Fact]
    public void Appending_a_hash_of_the_wrong_length_appends_nothing()
    {
        var frontier = new MerkleFrontier();
        Assert.Throws<ArgumentException>(() => frontier.AppendBatch([MerkleHash.Leaf([1]), new byte[31]]));
        Assert.Equal(0, frontier.Size);
    }

    [Fact]
    public async Task Proofs_from_size_zero_or_for_missing_leaves_are_refused()
    {
        var (store, _, _) = BuildTree(new Random(1), 4);
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleTree.ConsistencyProofAsync(store, 0, 4, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleTree.ConsistencyProofAsync(store, 3, 2, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await MerkleTree.InclusionProofAsync(store, 4, 4, ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await MerkleTree.RootAsync(store, 5, ct));
    }

    [Fact]
    public async Task Proof_of_a_large_tree_reads_only_a_logarithmic_number_of_hashes()
    {
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        var batch = new byte[1000][];
        for (var b = 0; b < 300; b++)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = MerkleHash.Leaf(BitConverter.GetBytes((b * 1000) + i));
            }

            store.Add(frontier.AppendBatch(batch).Nodes);
        }

        var counting = new CountingReader(store);
        var ct = TestContext.Current.CancellationToken;
        var root = await MerkleTree.RootAsync(store, 299_999, ct);
        var proof = await MerkleTree.InclusionProofAsync(counting, 123_456, 299_999, ct);
        Assert.True(MerkleProof.VerifyInclusion(123_456, 299_999, MerkleHash.Leaf(BitConverter.GetBytes(123_456)), proof, root));
        Assert.Equal(1, counting.Calls);
        Assert.True(counting.Nodes <= 2 * 19, $"read {counting.Nodes} hashes");
        var consistency = await MerkleTree.ConsistencyProofAsync(counting, 100_001, 299_999, ct);
        Assert.True(MerkleProof.VerifyConsistency(100_001, 299_999, consistency, await MerkleTree.RootAsync(store, 100_001, ct), root));
    }

    internal static (MemoryHashStore Store, byte[][] Leaves, byte[][] Roots) BuildTree(Random random, int size)
    {
        var leaves = new byte[size][];
        var roots = new byte[size + 1][];
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        roots[0] = frontier.Root();
        for (var i = 0; i < size; i++)
        {
            var entry = new byte[random.Next(0, 40)];
            random.NextBytes(entry);
            leaves[i] = MerkleHash.Leaf(entry);
            var appended = frontier.AppendBatch([leaves[i]]);
            store.Add(appended.Nodes);
            roots[i + 1] = appended.Root;
            Assert.Equal(Reference.Mth(leaves[..(i + 1)]), roots[i + 1]);
        }

        return (store, leaves, roots);
    }

    private static void AssertEveryBitFlipFails(IReadOnlyList<byte[]> proof, Func<byte[][], bool> verify)
    {
        for (var e = 0; e < proof.Count; e++)
        {
            for (var bit = 0; bit < 256; bit += 5)
            {
                var changed = proof.ToArray();
                changed[e] = Flip(proof[e], bit);
                Assert.False(verify(changed));
            }
        }
    }

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private sealed class CountingReader(IHashReader inner) : IHashReader
    {
        public int Calls { get; private set; }

        public int Nodes { get; private set; }

        public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
        {
            Calls++;
            Nodes += nodes.Count;
            return inner.ReadHashesAsync(nodes, cancellationToken);
        }
    }

    // The recursive definitions of RFC 9162 §2.1, written as plainly as possible to check the fast code.
    private static class Reference
    {
        public static byte[] Mth(byte[][] leaves)
        {
            if (leaves.Length == 0)
            {
                return MerkleHash.EmptyRoot();
            }

            if (leaves.Length == 1)
            {
                return leaves[0];
            }

            var k = K(leaves.Length);
            return MerkleHash.Node(Mth(leaves[..k]), Mth(leaves[k..]));
        }

        public static List<byte[]> Path(int m, byte[][] d)
        {
            if (d.Length == 1)
            {
                return [];
            }

            var k = K(d.Length);
            return m < k ? [.. Path(m, d[..k]), Mth(d[k..])] : [.. Path(m - k, d[k..]), Mth(d[..k])];
        }

        public static List<byte[]> Proof(int m, byte[][] d) => m == d.Length ? [] : Subproof(m, d, true);

        private static List<byte[]> Subproof(int m, byte[][] d, bool b)
        {
            if (m == d.Length)
            {
                return b ? [] : [Mth(d)];
            }

            var k = K(d.Length);
            return m <= k ? [.. Subproof(m, d[..k], b), Mth(d[k..])] : [.. Subproof(m - k, d[k..], false), Mth(d[..k])];
        }

        private static int K(int n)
        {
            var k = 1;
            while (k * 2 < n)
            {
                k *= 2;
            }

            return k;
        }
    }
}
