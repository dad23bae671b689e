using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Tiles;

namespace Mahalla.Tlog.Tests.Tiles;

public sealed class TileTests
{
    [Theory]
    [InlineData(0, 1234067L, 256, "tile/0/x001/x234/067")]
    [InlineData(1, 5L, 17, "tile/1/005.p/17")]
    [InlineData(2, 0L, 256, "tile/2/000")]
    [InlineData(0, 1000L, 256, "tile/0/x001/000")]
    public void Tile_path_uses_the_three_digit_x_encoding(int level, long index, int width, string path)
    {
        var tile = TileId.Hashes(level, index, width);
        Assert.Equal(path, tile.Path);
        Assert.True(TileId.TryParse(path, out var parsed));
        Assert.Equal(tile, parsed);
    }

    [Fact]
    public void Entry_bundle_path_is_under_tile_entries()
    {
        Assert.Equal("tile/entries/x001/x234/067.p/8", TileId.Entries(1234067, 8).Path);
        Assert.True(TileId.TryParse("tile/entries/x001/x234/067.p/8", out var parsed));
        Assert.True(parsed.IsEntryBundle);
    }

    [Theory]
    [InlineData("tile/0/1234067")]
    [InlineData("tile/0/x001/x234/67")]
    [InlineData("tile/0/x000/067")]
    [InlineData("tile/00/067")]
    [InlineData("tile/64/067")]
    [InlineData("tile/0/067.p/0")]
    [InlineData("tile/0/067.p/256")]
    [InlineData("tile/0/067.p/08")]
    [InlineData("tile/0/001/067")]
    [InlineData("tiles/0/067")]
    public void Non_canonical_tile_path_is_rejected(string path)
    {
        Assert.False(TileId.TryParse(path, out _));
    }

    [Fact]
    public void Tree_of_70000_has_the_tiles_of_the_spec_example()
    {
        var tiles = TileId.AllForTreeSize(70_000, includeEntryBundles: false).ToList();
        Assert.Equal(273, tiles.Count(t => t.Level == 0 && !t.IsPartial));
        Assert.Equal(112, tiles.Single(t => t.Level == 0 && t.IsPartial).Width);
        Assert.Single(tiles, t => t.Level == 1 && !t.IsPartial);
        Assert.Equal(17, tiles.Single(t => t.Level == 1 && t.IsPartial).Width);
        Assert.Equal(1, tiles.Single(t => t.Level == 2).Width);
        Assert.Equal(277, tiles.Count);
        Assert.Equal(274, TileId.AllForTreeSize(70_000, includeEntryBundles: true).Count(t => t.IsEntryBundle));
    }

    [Fact]
    public void Entry_bundle_round_trips_and_truncated_bundle_is_rejected()
    {
        byte[][] entries = [[], [1, 2, 3], new byte[300]];
        var bundle = EntryBundle.Encode([.. entries.Select(e => new ReadOnlyMemory<byte>(e))]);
        Assert.Equal(2 + 2 + 3 + 2 + 300, bundle.Length);
        Assert.Equal(0x01, bundle[7]);
        Assert.Equal(0x2c, bundle[8]);
        Assert.Equal(entries, EntryBundle.Decode(bundle, 3));
        Assert.Throws<FormatException>(() => EntryBundle.Decode(bundle.AsSpan(0, bundle.Length - 1), 3));
        Assert.Throws<FormatException>(() => EntryBundle.Decode(bundle, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    [InlineData(65_537)]
    public async Task Client_rebuilds_root_and_proofs_from_tiles_served_from_stored_hashes(int size)
    {
        var ct = TestContext.Current.CancellationToken;
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        var leaves = Enumerable.Range(0, size).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToArray();
        var batch = frontier.AppendBatch(leaves);
        store.Add(batch.Nodes);

        var served = new Dictionary<string, byte[]>();
        foreach (var tile in TileId.AllForTreeSize(size, includeEntryBundles: false))
        {
            served[tile.Path] = await HashTiles.ReadAsync(store, tile, size, ct);
        }

        var fetcher = new DictionaryFetcher(served);
        var reader = new TileHashReader(size, fetcher);
        Assert.Equal(batch.Root, await MerkleTree.RootAsync(reader, size, ct));
        foreach (var index in new[] { 0, size / 3, size - 1 })
        {
            var proof = await MerkleTree.InclusionProofAsync(reader, index, size, ct);
            Assert.True(MerkleProof.VerifyInclusion(index, size, leaves[index], proof, batch.Root));
        }

        var old = Math.Max(1, size / 2 + 1);
        var oldRoot = MerkleHash.Root(leaves[..old]);
        Assert.True(MerkleProof.VerifyConsistency(old, size, await MerkleTree.ConsistencyProofAsync(reader, old, size, ct), oldRoot, batch.Root));
        Assert.All(fetcher.Fetched, p => Assert.True(served.ContainsKey(p)));
    }

    [Fact]
    public async Task Tile_beyond_the_tree_size_is_not_served()
    {
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        store.Add(frontier.AppendBatch([.. Enumerable.Range(0, 300).Select(i => MerkleHash.Leaf([(byte)i]))]).Nodes);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(44 * 32, (await HashTiles.ReadAsync(store, TileId.Hashes(0, 1, 44), 300, ct)).Length);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await HashTiles.ReadAsync(store, TileId.Hashes(0, 1, 45), 300, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await HashTiles.ReadAsync(store, TileId.Hashes(1, 0, 2), 300, ct));
    }

    private sealed class DictionaryFetcher(Dictionary<string, byte[]> tiles) : ITileFetcher
    {
        public List<string> Fetched { get; } = [];

        public ValueTask<byte[]> FetchAsync(string path, CancellationToken cancellationToken)
        {
            lock (Fetched)
            {
                Fetched.Add(path);
            }

            return ValueTask.FromResult(tiles[path]);
        }
    }
}
