extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using cli::Mahalla.Cli;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Witnessing;
using Mahalla.Web.Modules.Transparency.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Transparency;

/// <summary>
/// The platform with a configured log key and two real witnesses — the HTTP server of <c>mahalla witness serve</c>
/// on 127.0.0.1, each with its own key and state directory — and a policy of 2 of 2: what it publishes, what it
/// withholds while a witness is down or the log has been rewritten, and its receipts through the offline verifier.
/// </summary>
public abstract class WitnessedLogTests(WitnessedApp app)
{
    // The console is one per process: the PostgreSQL and SQLite classes run in parallel and take turns with it.
    private static readonly SemaphoreSlim ConsoleTurn = new(1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Published_checkpoints_carry_both_witnesses_cosignatures_under_their_keys()
    {
        await app.FileAsync("Koʻchada suv quvuri yorilgan.");
        var pass = await app.SequenceAsync();
        Assert.Equal(pass.TreeSize, pass.PublishedSize);

        var client = app.CreateClient();
        Assert.Equal(app.LogKey.VerifierKey, await client.VkeyAsync());
        var note = await client.CheckpointNoteAsync();
        var verified = app.Policy(2).Verify(note);
        Assert.Equal(pass.TreeSize, verified.Checkpoint.Size);
        Assert.Equal(app.Witnesses.Select(w => w.Name).Order(), verified.Witnesses.Order());
        foreach (var witness in app.Witnesses)
        {
            // Each cosignature verifies under that witness's key alone, and the witness now holds exactly this tree.
            Assert.Equal(witness.Name, Assert.Single(note.Verify([NoteVerifier.ParseCosigner(witness.Vkey)])).Name);
            var state = witness.State(WitnessedApp.Origin);
            Assert.Equal(verified.Checkpoint.Size, state?.Size);
            Assert.Equal(verified.Checkpoint.RootHash, state?.RootHash);
        }

        // The log's signature alone does not make a checkpoint the policy accepts.
        var logOnly = new Note(note.Text, [.. note.Signatures.Where(s => s.KeyName == WitnessedApp.Origin)]);
        Assert.Throws<NoteVerificationException>(() => app.Policy(1).Verify(logOnly));
    }

    [Fact]
    public async Task While_a_witness_is_down_nothing_new_is_published_and_the_log_publishes_once_it_is_back()
    {
        await app.FileAsync("Issiq suv yoʻq.");
        await app.SequenceAsync();
        var client = app.CreateClient();
        var before = await client.CheckpointTextAsync();
        var old = Checkpoint.Parse(Note.Parse(before).Text);

        await app.Witnesses[1].StopAsync();
        try
        {
            await app.FileAsync("Issiq suv hali ham yoʻq.");
            var pass = await app.SequenceAsync();
            Assert.True(pass.Led);
            Assert.True(pass.TreeSize > old.Size);
            Assert.Null(pass.PublishedSize);
            Assert.Equal(before, await client.CheckpointTextAsync());
            // Nothing beyond the published tree is served, and the witness that was up saw the new tree: one is not enough.
            var beyond = await client.GetAsync(new Uri($"/api/tlog/proof/inclusion?index=0&size={pass.TreeSize}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
            Assert.Equal(pass.TreeSize, app.Witnesses[0].State(WitnessedApp.Origin)?.Size);
            Assert.Equal(old.Size, app.Witnesses[1].State(WitnessedApp.Origin)?.Size);

            // Another pass with the witness still down changes nothing.
            Assert.Null((await app.SequenceAsync()).PublishedSize);
            Assert.Equal(before, await client.CheckpointTextAsync());
        }
        finally
        {
            await app.Witnesses[1].StartAsync();
        }

        var again = await app.SequenceAsync();
        Assert.Equal(again.TreeSize, again.PublishedSize);
        var current = app.Policy(2).Verify(await client.CheckpointNoteAsync()).Checkpoint;
        Assert.Equal(again.TreeSize, current.Size);
        await client.AssertExtendsAsync(old, current);
    }

    [Fact]
    public async Task A_log_that_rewrites_an_entry_gets_no_witness_cosignature_and_publishes_nothing()
    {
        await app.FileAsync("Maktab yonida chiroq yoʻq.");
        await app.SequenceAsync();
        var client = app.CreateClient();
        var honest = await client.CheckpointTextAsync();
        var witnessed = Checkpoint.Parse(Note.Parse(honest).Text);

        // Someone with the database rewrites an integrated entry and recomputes every hash, so the log is
        // self-consistent again; the sequencer then extends that history and signs it with the real key.
        var index = witnessed.Size / 2;
        var original = await app.WithDbAsync(db => db.Set<LogEntry>().Where(e => e.Index == index).Select(e => e.Data).SingleAsync(Ct));
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("\nactor ", "\nactor x", StringComparison.Ordinal));
        Assert.NotEqual(original, forged);
        await RewriteAsync(index, forged);
        try
        {
            await app.FileAsync("Maktab yonida chiroq hali ham yoʻq.");
            var pass = await app.SequenceAsync();
            Assert.True(pass.Led);
            Assert.True(pass.TreeSize > witnessed.Size);
            Assert.Null(pass.PublishedSize);
            Assert.Equal(honest, await client.CheckpointTextAsync());
            foreach (var witness in app.Witnesses)
            {
                // Neither witness moved: the rewritten log cannot prove it extends what they cosigned.
                Assert.Equal(witnessed.Size, witness.State(WitnessedApp.Origin)?.Size);
                Assert.Equal(witnessed.RootHash, witness.State(WitnessedApp.Origin)?.RootHash);
            }
        }
        finally
        {
            // Undo the rewrite (and rehash what was appended on top of it), so the class's other tests see an honest log.
            await RewriteAsync(index, original);
        }

        var recovered = await app.SequenceAsync();
        Assert.Equal(recovered.TreeSize, recovered.PublishedSize);
        var current = app.Policy(2).Verify(await client.CheckpointNoteAsync()).Checkpoint;
        await client.AssertExtendsAsync(witnessed, current);
        await app.AssertOneConsistentLogAsync();
    }

    [Fact]
    public async Task A_receipt_from_the_tracking_page_verifies_offline_and_fails_with_any_one_byte_changed()
    {
        var filed = await app.FileAsync("Koʻprik singan, bolalar maktabga aylanib borishadi.");
        var operatorClient = await app.SignedInAsync("demo-operator");
        (await operatorClient.PostAsJsonAsync($"/api/appeals/{filed.Id}/answer", new { text = "Taʼmirlash rejalashtirildi." }, Ct)).EnsureSuccessStatusCode();
        await app.SequenceAsync();
        var client = app.CreateClient();
        var receipt = await client.GetStringAsync(new Uri(TransparencyApi.ReceiptLink(await app.TrackPageAsync(filed)), UriKind.Relative), Ct);

        var dir = Directory.CreateTempSubdirectory("receipt-").FullName;
        try
        {
            // What an auditor trusts: the log's key as published, and the witnesses' keys from their operators.
            var keys = Path.Combine(dir, "trusted-keys");
            await File.WriteAllTextAsync(keys, $"# Mahalla test log\nlog {await client.VkeyAsync()}\n"
                + string.Concat(app.Witnesses.Select(w => $"witness {w.Vkey}\n")), Ct);
            var file = Path.Combine(dir, $"{filed.TrackingNumber}.tlog-proof");
            string[] verify = ["tlog", "verify-receipt", "--receipt", file, "--trusted-keys", keys, "--witness-threshold", "2"];
            await File.WriteAllTextAsync(file, receipt, Ct);
            var (code, output, error) = await MahallaCliAsync(verify);
            Assert.True(code == 0, error);
            Assert.Contains($"OK: entry ", output, StringComparison.Ordinal);
            Assert.All(app.Witnesses, w => Assert.Contains(w.Name, output, StringComparison.Ordinal));

            // Each byte of the file changed in turn (entry, index, proof, checkpoint, signatures, line ends): every change is
            // refused with a reason — the smallest change (lowest bit), and every 16th byte also made invalid UTF-8.
            var bytes = Encoding.UTF8.GetBytes(receipt);
            var refused = await RefusedAsync(bytes, file, verify, (b, _) => (byte)(b ^ 0x01));
            Assert.Equal(bytes.Length, refused);
            var everySixteenth = bytes.Where((b, i) => i % 16 == 0 && b != 0x80).Count();
            Assert.Equal(everySixteenth, await RefusedAsync(bytes, file, verify, (_, i) => i % 16 == 0 ? (byte)0x80 : null));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_a_threshold_above_its_witnesses()
    {
        await using var misconfigured = new MahallaApp(app.Provider);
        foreach (var (key, value) in app.Settings)
        {
            misconfigured.Settings[key] = value;
        }

        misconfigured.Settings["Transparency:WitnessThreshold"] = "3";
        var refused = Assert.ThrowsAny<Exception>(() => misconfigured.Services);
        Assert.Contains("Transparency:WitnessThreshold cannot exceed the number of witnesses", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>How many one-byte changes of the receipt the command-line verifier refuses (each must exit 1 with a "FAILED:" reason).</summary>
    private static async Task<int> RefusedAsync(byte[] bytes, string file, string[] verify, Func<byte, int, byte?> change)
    {
        var refused = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (change(bytes[i], i) is not { } changedByte || changedByte == bytes[i])
            {
                continue;
            }

            var changed = (byte[])bytes.Clone();
            changed[i] = changedByte;
            await File.WriteAllBytesAsync(file, changed, Ct);
            var (code, _, error) = await MahallaCliAsync(verify);
            Assert.True(code == 1 && error.StartsWith("FAILED: ", StringComparison.Ordinal),
                $"byte {i} (0x{bytes[i]:x2} → 0x{changedByte:x2}): exit {code}, {error}");
            refused++;
        }

        return refused;
    }

    /// <summary>Runs the <c>mahalla</c> program's own entry point in-process and captures what it prints.</summary>
    private static async Task<(int Code, string Output, string Error)> MahallaCliAsync(params string[] args)
    {
        var entry = typeof(TlogCommands).Assembly.EntryPoint!;
        await ConsoleTurn.WaitAsync(Ct);
        var (output, error) = (new StringWriter(), new StringWriter());
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var result = entry.Invoke(null, [args]);
            var code = result is Task<int> task ? await task : (int)result!;
            return (code, output.ToString(), error.ToString());
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return (-1, output.ToString(), inner.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ConsoleTurn.Release();
        }
    }

    /// <summary>What an operator with database access could do: change an integrated entry and recompute every node hash and the root.</summary>
    private Task RewriteAsync(long index, byte[] data) => app.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await db.Set<LogEntry>().Where(e => e.Index == index).ExecuteUpdateAsync(s => s.SetProperty(e => e.Data, data), Ct);
        var entries = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index != null).OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(Ct);
        var tree = new MerkleFrontier().AppendBatch([.. entries.Select(e => MerkleHash.Leaf(e))]);
        await db.Set<LogNode>().ExecuteDeleteAsync(Ct);
        db.AddRange(tree.Nodes.Select(n => new LogNode(LogNode.KeyOf(n.Node.Level, n.Node.Index), n.Hash)));
        await db.SaveChangesAsync(Ct);
        await db.Set<LogState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.TreeSize, tree.TreeSize).SetProperty(x => x.RootHash, tree.Root), Ct);
        await transaction.CommitAsync(Ct);
        return tree.TreeSize;
    });
}

/// <summary>The app with a configured log key and two running witnesses, requiring both (k = 2 of 2).</summary>
public abstract class WitnessedApp(Provider provider) : MahallaApp(provider), IAsyncLifetime
{
    public const string Origin = "mahalla.test/log";

    public SignerKey LogKey { get; } = SignerKey.Generate(Origin);

    public IReadOnlyList<RunningWitness> Witnesses { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Witnesses = [new RunningWitness("witness.test/w1", LogKey.VerifierKey), new RunningWitness("witness.test/w2", LogKey.VerifierKey)];
        Settings["Transparency:Origin"] = Origin;
        Settings["Transparency:SigningKey"] = LogKey.Format();
        for (var i = 0; i < Witnesses.Count; i++)
        {
            await Witnesses[i].StartAsync();
            Settings[$"Transparency:Witnesses:{i}:Url"] = Witnesses[i].Url;
            Settings[$"Transparency:Witnesses:{i}:Vkey"] = Witnesses[i].Vkey;
        }

        Settings["Transparency:WitnessThreshold"] = "2";
    }

    /// <summary>What a reader trusting the log and both witnesses accepts, with k cosignatures required.</summary>
    public CheckpointPolicy Policy(int k) =>
        new(Origin, [NoteVerifier.Parse(LogKey.VerifierKey)], [.. Witnesses.Select(w => NoteVerifier.ParseCosigner(w.Vkey))], k);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var witness in Witnesses)
        {
            await witness.DisposeAsync();
        }

        LogKey.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A witness as <c>mahalla witness serve</c> runs it: the same server and file state store, on 127.0.0.1 and a
/// port chosen at first start and kept across restarts (a restart keeps its state directory, like the real one).
/// </summary>
public sealed class RunningWitness(string name, string logVkey) : IAsyncDisposable
{
    private readonly SignerKey _key = SignerKey.Generate(name);
    private readonly string _stateDir = Directory.CreateTempSubdirectory("witness-").FullName;
    private WebApplication? _server;
    private int _port;

    public string Name => _key.Name;

    public string Vkey => _key.VerifierKey;

    public string Url => $"http://127.0.0.1:{_port}";

    public async Task StartAsync()
    {
        var log = NoteVerifier.Parse(logVkey);
        var witness = new Witness(_key, new Dictionary<string, IReadOnlyList<NoteVerifier>> { [log.Name] = [log] }, new FileWitnessStateStore(_stateDir), TimeProvider.System);
        _server = WitnessServer.Build(witness, $"127.0.0.1:{_port}");
        await _server.StartAsync();
        _port = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    /// <summary>The latest checkpoint this witness cosigned for the origin, from its state directory.</summary>
    public WitnessLogState? State(string origin) => new FileWitnessStateStore(_stateDir).Get(origin);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _key.Dispose();
        Directory.Delete(_stateDir, recursive: true);
    }
}

public sealed class WitnessedSqliteApp() : WitnessedApp(Provider.Sqlite);

public sealed class WitnessedPostgresApp() : WitnessedApp(Provider.Postgres);

public sealed class WitnessedLogTestsOnSqlite(WitnessedSqliteApp app) : WitnessedLogTests(app), IClassFixture<WitnessedSqliteApp>;

public sealed class WitnessedLogTestsOnPostgres(WitnessedPostgresApp app) : WitnessedLogTests(app), IClassFixture<WitnessedPostgresApp>;
