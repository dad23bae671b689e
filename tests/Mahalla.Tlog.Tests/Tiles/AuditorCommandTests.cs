using System.Text;
using Mahalla.Cli;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Tiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tlog.Tests.Tiles;

public sealed class AuditorCommandTests
{
    [Fact]
    public async Task Fetched_log_recomputes_to_its_signed_root_and_a_rewritten_entry_is_caught()
    {
        var ct = TestContext.Current.CancellationToken;
        using var logKey = SignerKey.Generate("log.mahalla.example");
        const int size = 600;
        var entries = Enumerable.Range(0, size).Select(i => Encoding.UTF8.GetBytes($"entry {i}")).ToArray();
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        var oldBatch = frontier.AppendBatch([.. entries[..250].Select(e => MerkleHash.Leaf(e))]);
        store.Add(oldBatch.Nodes);
        var batch = frontier.AppendBatch([.. entries[250..].Select(e => MerkleHash.Leaf(e))]);
        store.Add(batch.Nodes);
        var files = new Dictionary<string, byte[]>
        {
            ["tlog/checkpoint"] = Encoding.UTF8.GetBytes(new Checkpoint(logKey.Name, size, batch.Root).Sign(logKey).ToString()),
            ["tlog/vkey"] = Encoding.UTF8.GetBytes(logKey.VerifierKey),
        };
        foreach (var tile in TileId.AllForTreeSize(size, includeEntryBundles: true))
        {
            files["tlog/" + tile.Path] = tile.IsEntryBundle
                ? EntryBundle.Encode([.. entries.Skip((int)tile.Index * 256).Take(tile.Width).Select(e => new ReadOnlyMemory<byte>(e))])
                : await HashTiles.ReadAsync(store, tile, size, ct);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/{**path}", (string path) => files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes) : Results.NotFound());
        await app.StartAsync(ct);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var dir = Directory.CreateTempSubdirectory("tlog-fetch-").FullName;
        try
        {
            Assert.Equal(0, await TlogCommands.RunAsync(["fetch", "--url", url, "--out", dir]));
            Assert.True(File.Exists(Path.Combine(dir, "tile", "0", "002.p", "88")));
            Assert.Equal(0, await TlogCommands.RunAsync(["recompute", "--dir", dir]));

            // A server that changed entry 300 behind the log's back no longer matches the signed root.
            var bundle = Path.Combine(dir, "tile", "entries", "001");
            var bytes = await File.ReadAllBytesAsync(bundle, ct);
            var at = Encoding.UTF8.GetString(bytes).IndexOf("entry 300", StringComparison.Ordinal);
            bytes[at + 8] = (byte)'1';
            await File.WriteAllBytesAsync(bundle, bytes, ct);
            Assert.Equal(1, await TlogCommands.RunAsync(["recompute", "--dir", dir]));

            // Consistency between the two checkpoints, with the proof as a file and as the JSON the log serves.
            await File.WriteAllTextAsync(Path.Combine(dir, "old"), new Checkpoint(logKey.Name, 250, oldBatch.Root).Sign(logKey).ToString(), ct);
            await File.WriteAllBytesAsync(Path.Combine(dir, "new"), files["tlog/checkpoint"], ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "keys"), $"log {logKey.VerifierKey}\n", ct);
            var proof = await MerkleTree.ConsistencyProofAsync(store, 250, size, ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "proof.json"), "{\"hashes\":[" + string.Join(',', proof.Select(h => $"\"{Convert.ToBase64String(h)}\"")) + "]}", ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "bad-proof"), string.Join('\n', proof.Skip(1).Select(Convert.ToBase64String)), ct);
            string[] common = ["verify-consistency", "--old", Path.Combine(dir, "old"), "--new", Path.Combine(dir, "new"), "--trusted-keys", Path.Combine(dir, "keys")];
            Assert.Equal(0, await TlogCommands.RunAsync([.. common, "--proof", Path.Combine(dir, "proof.json")]));
            Assert.Equal(1, await TlogCommands.RunAsync([.. common, "--proof", Path.Combine(dir, "bad-proof")]));
            Assert.Equal(2, await TlogCommands.RunAsync([.. common]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
