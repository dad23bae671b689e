using System.Text;
using System.Text.Json;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Receipts;
using Mahalla.Tlog.Tiles;

namespace Mahalla.Cli;

/// <summary><c>mahalla tlog …</c>: the auditor's offline checks. Exit 0 when everything holds, 1 when a check fails, 2 on wrong usage.</summary>
internal static class TlogCommands
{
    private const string UsageText = """
        mahalla tlog — check the transparency log without trusting its server

          tlog verify-receipt --receipt FILE --trusted-keys FILE [--checkpoint FILE] [--witness-threshold K]
              verify a receipt (.tlog-proof): the entry, its inclusion proof and the signed checkpoint;
              --checkpoint adds the signatures of a checkpoint note of the same tree.
          tlog verify-consistency --old FILE --new FILE (--proof FILE | --url BASE) [--trusted-keys FILE] [--witness-threshold K]
              check that the newer checkpoint extends the older one; the proof file holds base64 hashes,
              one per line, or the JSON {"hashes":[…]} that BASE/api/tlog/proof/consistency?from=&to= answers.
          tlog fetch --url BASE --out DIR
              download BASE/tlog/checkpoint, BASE/tlog/vkey and every tile and entry bundle of the log.
          tlog recompute --dir DIR [--trusted-keys FILE]
              recompute the tree from the downloaded entry bundles, compare every tile and the root with
              the checkpoint, and verify its signature (with the trusted keys, else the downloaded vkey).
          tlog audit --provider Sqlite|Postgres --connection "CONNECTION STRING"
              recompute every logged event's entry from the platform's database and report any row changed
              behind the platform's back, any event missing from the log, and any entry without its event.

        The trusted-keys file has lines "log VKEY" and "witness VKEY". K defaults to 1 if witnesses are listed.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["verify-receipt", .. var rest] => VerifyReceipt(CommandLine.Parse(rest, "receipt", "trusted-keys", "checkpoint", "witness-threshold")),
                ["verify-consistency", .. var rest] => await VerifyConsistencyAsync(CommandLine.Parse(rest, "old", "new", "proof", "url", "trusted-keys", "witness-threshold")),
                ["fetch", .. var rest] => await FetchAsync(CommandLine.Parse(rest, "url", "out")),
                ["recompute", .. var rest] => await RecomputeAsync(CommandLine.Parse(rest, "dir", "trusted-keys")),
                ["audit", .. var rest] => await AuditCommand.RunAsync(CommandLine.Parse(rest, "provider", "connection")),
                _ => throw new UsageException(args.Length == 0 ? "missing command" : $"unknown command \"{args[0]}\""),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"mahalla tlog: {e.Message}\n\n{UsageText}");
            return 2;
        }
        catch (Exception e) when (e is VerificationFailedException or NoteVerificationException or NoteFormatException or FormatException or InvalidDataException)
        {
            Console.Error.WriteLine($"FAILED: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or JsonException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"mahalla tlog: {e.Message}");
            return 1;
        }
    }

    private static int VerifyReceipt(CommandLine options)
    {
        var receipt = TlogProof.Parse(ReadText(options.Required("receipt")));
        var keys = TrustedKeys.Load(options.Required("trusted-keys"));
        if (options.Optional("checkpoint") is { } checkpointFile)
        {
            var extra = Note.Parse(ReadText(checkpointFile));
            if (!Checkpoint.Parse(extra.Text).SameTreeAs(Checkpoint.Parse(receipt.Checkpoint.Text)))
            {
                throw new VerificationFailedException("the checkpoint given is not the receipt's tree (origin, size or root differ); use verify-consistency to relate two trees");
            }

            receipt = new TlogProof(receipt.Extra, receipt.Index, receipt.InclusionProof, receipt.Checkpoint.WithSignatures(extra.Signatures));
        }

        var verified = receipt.Verify(keys.Policy(options.OptionalInt("witness-threshold")));
        Console.WriteLine($"OK: entry {receipt.Index} is in {verified.Checkpoint.Origin} at tree size {verified.Checkpoint.Size}");
        Console.WriteLine($"    entry SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(receipt.Extra!))}");
        Console.WriteLine($"    witnesses: {(verified.Witnesses.Count == 0 ? "none" : string.Join(", ", verified.Witnesses))}");
        return 0;
    }

    private static async Task<int> VerifyConsistencyAsync(CommandLine options)
    {
        var oldNote = Note.Parse(ReadText(options.Required("old")));
        var newNote = Note.Parse(ReadText(options.Required("new")));
        Checkpoint oldCheckpoint, newCheckpoint;
        if (options.Optional("trusted-keys") is { } keysFile)
        {
            var policy = TrustedKeys.Load(keysFile).Policy(options.OptionalInt("witness-threshold"));
            oldCheckpoint = policy.Verify(oldNote).Checkpoint;
            newCheckpoint = policy.Verify(newNote).Checkpoint;
        }
        else
        {
            Console.Error.WriteLine("warning: no --trusted-keys, so the checkpoints' signatures are not checked");
            oldCheckpoint = Checkpoint.Parse(oldNote.Text);
            newCheckpoint = Checkpoint.Parse(newNote.Text);
        }

        if (oldCheckpoint.Origin != newCheckpoint.Origin)
        {
            throw new VerificationFailedException($"the checkpoints are of different logs (\"{oldCheckpoint.Origin}\" and \"{newCheckpoint.Origin}\")");
        }

        IReadOnlyList<byte[]> proof = (options.Optional("proof"), options.Optional("url")) switch
        {
            ({ } file, null) => ParseProof(ReadText(file)),
            (null, { } url) => await FetchProofAsync(url, oldCheckpoint.Size, newCheckpoint.Size),
            _ => throw new UsageException("give exactly one of --proof and --url"),
        };

        if (!MerkleProof.VerifyConsistency(oldCheckpoint.Size, newCheckpoint.Size, proof, oldCheckpoint.RootHash, newCheckpoint.RootHash))
        {
            throw new VerificationFailedException($"the tree of size {newCheckpoint.Size} is not proven to extend the tree of size {oldCheckpoint.Size}");
        }

        Console.WriteLine($"OK: {newCheckpoint.Origin} at size {newCheckpoint.Size} extends size {oldCheckpoint.Size}");
        return 0;
    }

    private static async Task<int> FetchAsync(CommandLine options)
    {
        var baseUrl = options.Required("url").TrimEnd('/');
        var dir = options.Required("out");
        Directory.CreateDirectory(dir);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var checkpointText = await http.GetStringAsync(new Uri($"{baseUrl}/tlog/checkpoint"));
        var vkey = await http.GetStringAsync(new Uri($"{baseUrl}/tlog/vkey"));
        var checkpoint = Checkpoint.Parse(Note.Parse(checkpointText).Text);
        var tiles = TileId.AllForTreeSize(checkpoint.Size, includeEntryBundles: true).ToList();
        var fetched = 0;
        await Parallel.ForEachAsync(tiles, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (tile, ct) =>
        {
            var target = Path.Combine(dir, tile.Path);
            // Full tiles never change, so a resumed download keeps them.
            if (!tile.IsPartial && File.Exists(target))
            {
                return;
            }

            var bytes = await http.GetByteArrayAsync(new Uri($"{baseUrl}/tlog/{tile.Path}"), ct);
            await AtomicFile.WriteAsync(target, bytes, ct);
            Interlocked.Increment(ref fetched);
        });

        await AtomicFile.WriteAsync(Path.Combine(dir, "vkey"), Encoding.UTF8.GetBytes(vkey.Trim() + "\n"), CancellationToken.None);
        await AtomicFile.WriteAsync(Path.Combine(dir, "checkpoint"), Encoding.UTF8.GetBytes(checkpointText), CancellationToken.None);
        Console.WriteLine($"fetched {fetched} of {tiles.Count} tiles of {checkpoint.Origin} at size {checkpoint.Size} into {dir}");
        return 0;
    }

    private static async Task<int> RecomputeAsync(CommandLine options)
    {
        var dir = options.Required("dir");
        var note = Note.Parse(ReadText(Path.Combine(dir, "checkpoint")));
        CheckpointPolicy policy;
        if (options.Optional("trusted-keys") is { } keysFile)
        {
            policy = TrustedKeys.Load(keysFile).Policy(0);
        }
        else
        {
            Console.Error.WriteLine("warning: verifying with the vkey downloaded from the log itself; pass --trusted-keys to pin the key");
            policy = new CheckpointPolicy(null, [NoteVerifier.Parse(ReadText(Path.Combine(dir, "vkey")).Trim())], [], 0);
        }

        var checkpoint = policy.Verify(note).Checkpoint;
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        foreach (var bundle in TileId.AllForTreeSize(checkpoint.Size, includeEntryBundles: true).Where(t => t.IsEntryBundle))
        {
            var entries = EntryBundle.Decode(await File.ReadAllBytesAsync(Path.Combine(dir, bundle.Path)), bundle.Width);
            store.Add(frontier.AppendBatch([.. entries.Select(e => MerkleHash.Leaf(e))]).Nodes);
        }

        foreach (var tile in TileId.AllForTreeSize(checkpoint.Size, includeEntryBundles: false))
        {
            var expected = await HashTiles.ReadAsync(store, tile, checkpoint.Size);
            var downloaded = await File.ReadAllBytesAsync(Path.Combine(dir, tile.Path));
            if (!expected.AsSpan().SequenceEqual(downloaded))
            {
                throw new VerificationFailedException($"tile {tile.Path} does not match the hashes of the entries");
            }
        }

        var root = frontier.Root();
        if (!root.AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new VerificationFailedException($"the entries hash to {Convert.ToBase64String(root)}, but the checkpoint states {Convert.ToBase64String(checkpoint.RootHash)}");
        }

        Console.WriteLine($"OK: {checkpoint.Size} entries of {checkpoint.Origin} hash to the signed root {Convert.ToBase64String(root)}");
        return 0;
    }

    private static async Task<IReadOnlyList<byte[]>> FetchProofAsync(string baseUrl, long from, long to)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var json = await http.GetStringAsync(new Uri($"{baseUrl.TrimEnd('/')}/api/tlog/proof/consistency?from={from}&to={to}"));
        return ParseProof(json);
    }

    // A proof is either {"hashes":["base64",…]} or base64 hashes one per line.
    private static byte[][] ParseProof(string text)
    {
        string[] hashes;
        if (text.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(text);
            hashes = [.. json.RootElement.GetProperty("hashes").EnumerateArray().Select(h => h.GetString() ?? throw new FormatException("a proof hash is null"))];
        }
        else
        {
            hashes = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return [.. hashes.Select(Convert.FromBase64String)];
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }

        try
        {
            return File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (DecoderFallbackException)
        {
            // A damaged file is a failed check (exit 1), not a crash.
            throw new InvalidDataException($"{path} is not UTF-8 text");
        }
    }
}

internal static class AtomicFile
{
    // Write to a temporary file in the same directory, flush to disk, then rename over the target, so a
    // crash leaves either the old or the new content, never a torn file.
    public static async Task WriteAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
