using System.Net;
using System.Text;
using Mahalla.Cli;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Receipts;
using Mahalla.Tlog.Witnessing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tlog.Tests.Witnessing;

public sealed class WitnessTests : IDisposable
{
    private const string Origin = "log.mahalla.example";
    private readonly SignerKey _logKey = SignerKey.Generate(Origin);
    private readonly SignerKey _witnessKey = SignerKey.Generate("witness.example/w1");
    private readonly MemoryHashStore _store = new();
    private readonly MerkleFrontier _frontier = new();
    private readonly List<byte[]> _roots = [MerkleHash.EmptyRoot()];

    public void Dispose()
    {
        _logKey.Dispose();
        _witnessKey.Dispose();
    }

    [Fact]
    public async Task Witness_cosigns_consistent_checkpoints_and_refuses_rollback_and_forks_over_http()
    {
        var ct = TestContext.Current.CancellationToken;
        var stateDir = Directory.CreateTempSubdirectory("witness-state-").FullName;
        try
        {
            var witness = NewWitness(new FileWitnessStateStore(stateDir));
            await using var app = WitnessServer.Build(witness, "127.0.0.1:0");
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            Grow(10);
            var (status, body) = await PostAsync(http, Request(0, 10), ct);
            Assert.Equal(HttpStatusCode.OK, status);
            var cosigned = Signed(10).WithSignatures([NoteSignature.ParseLine(body.TrimEnd('\n'))]);
            Assert.Equal(["witness.example/w1"], Policy(1).Verify(Note.Parse(cosigned.ToString())).Witnesses);

            Grow(27);
            (status, _) = await PostAsync(http, Request(10, 27), ct);
            Assert.Equal(HttpStatusCode.OK, status);

            // Rollback: the log presents an older size as its latest.
            (status, body) = await PostAsync(http, Request(10, 10), ct);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal("27\n", body);

            // Fork at the same size: a different root for size 27.
            var forked = new Checkpoint(Origin, 27, MerkleHash.Leaf("rewritten"u8)).Sign(_logKey);
            (status, body) = await PostAsync(http, new AddCheckpointRequest(27, [], forked).Format(), ct);
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal("27\n", body);

            // Fork that grows: a log that rewrote entry 3 cannot prove consistency with what the witness saw.
            var (forkRoot, forkProof) = await ForkAsync(27, 40, rewritten: 3, ct);
            (status, _) = await PostAsync(http, new AddCheckpointRequest(27, forkProof, new Checkpoint(Origin, 40, forkRoot).Sign(_logKey)).Format(), ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);

            // A checkpoint whose log signature is not valid.
            using var impostor = SignerKey.Generate(Origin);
            Grow(30);
            (status, _) = await PostAsync(http, new AddCheckpointRequest(27, await ProofAsync(27, 30), new Checkpoint(Origin, 30, _roots[30]).Sign(impostor)).Format(), ct);
            Assert.Equal(HttpStatusCode.Forbidden, status);

            (status, _) = await PostAsync(http, "old 27\n\nunknown.example\n1\n" + Convert.ToBase64String(new byte[32]) + "\n\n— unknown.example AAAAAAA=\n", ct);
            Assert.Equal(HttpStatusCode.NotFound, status);
            (status, _) = await PostAsync(http, "old 027\n\n" + Signed(30), ct);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            (status, _) = await PostAsync(http, Request(31, 30), ct);
            Assert.Equal(HttpStatusCode.BadRequest, status);

            // The state survives a restart of the witness (same directory).
            var restarted = NewWitness(new FileWitnessStateStore(stateDir));
            Assert.Equal(409, restarted.AddCheckpoint(Request(10, 30)).StatusCode);
            Assert.Equal(200, restarted.AddCheckpoint(Request(27, 30)).StatusCode);
        }
        finally
        {
            Directory.Delete(stateDir, recursive: true);
        }
    }

    [Fact]
    public async Task Witness_client_learns_the_witness_size_from_a_conflict_and_collects_a_cosignature()
    {
        var ct = TestContext.Current.CancellationToken;
        var witness = NewWitness(new MemoryStateStore());
        await using var app = WitnessServer.Build(witness, "127.0.0.1:0");
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient();
        var client = new WitnessClient(http);
        Grow(5);
        Assert.Equal(200, witness.AddCheckpoint(Request(0, 5)).StatusCode);
        Grow(9);

        // The log does not know what the witness holds and starts from 0; the 409 tells it 5.
        var lines = await client.AddCheckpointAsync(new Uri(address), Signed(9), 9, 0, (old, c) => ProofAsync(old, 9), ct);
        var note = Signed(9).WithSignatures(lines);
        Assert.Single(Policy(1).Verify(note).Witnesses);
    }

    [Fact]
    public async Task Receipt_round_trips_through_the_offline_verifier()
    {
        var ct = TestContext.Current.CancellationToken;
        var entries = Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"{{\"v\":1,\"event\":{i}}}")).ToArray();
        var batch = _frontier.AppendBatch([.. entries.Select(e => MerkleHash.Leaf(e))]);
        _store.Add(batch.Nodes);
        var witness = NewWitness(new MemoryStateStore());
        var note = new Checkpoint(Origin, 20, batch.Root).Sign(_logKey);
        var cosignature = NoteSignature.ParseLine(witness.AddCheckpoint(new AddCheckpointRequest(0, [], note).Format()).Body.TrimEnd('\n'));
        note = note.WithSignatures([cosignature]);

        var receipt = new TlogProof(entries[13], 13, await MerkleTree.InclusionProofAsync(_store, 13, 20, ct), note);
        var parsed = TlogProof.Parse(receipt.ToString());
        Assert.Equal(receipt.ToString(), parsed.ToString());
        Assert.Equal(20, parsed.Verify(Policy(1)).Checkpoint.Size);

        var changedEntry = new TlogProof(Encoding.UTF8.GetBytes("{\"v\":1,\"event\":99}"), 13, parsed.InclusionProof, note);
        Assert.Throws<NoteVerificationException>(() => changedEntry.Verify(Policy(1)));
        var otherIndex = new TlogProof(entries[13], 12, parsed.InclusionProof, note);
        Assert.Throws<NoteVerificationException>(() => otherIndex.Verify(Policy(1)));
        var withoutWitness = new TlogProof(entries[13], 13, parsed.InclusionProof, new Checkpoint(Origin, 20, batch.Root).Sign(_logKey));
        Assert.Throws<NoteVerificationException>(() => withoutWitness.Verify(Policy(1)));
        Assert.Equal(20, withoutWitness.Verify(Policy(0)).Checkpoint.Size);

        // The command-line verifier agrees.
        var dir = Directory.CreateTempSubdirectory("receipt-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "r.tlog-proof"), receipt.ToString());
            File.WriteAllText(Path.Combine(dir, "bad.tlog-proof"), changedEntry.ToString());
            File.WriteAllText(Path.Combine(dir, "keys"), $"# trusted\nlog {_logKey.VerifierKey}\nwitness {_witnessKey.VerifierKey}\n");
            Assert.Equal(0, await TlogCommands.RunAsync(["verify-receipt", "--receipt", Path.Combine(dir, "r.tlog-proof"), "--trusted-keys", Path.Combine(dir, "keys")]));
            Assert.Equal(1, await TlogCommands.RunAsync(["verify-receipt", "--receipt", Path.Combine(dir, "bad.tlog-proof"), "--trusted-keys", Path.Combine(dir, "keys")]));
            Assert.Equal(2, await TlogCommands.RunAsync(["verify-receipt", "--receipt", Path.Combine(dir, "r.tlog-proof")]));
            Assert.Equal(2, await TlogCommands.RunAsync(["verify-receipt", "--receipt", Path.Combine(dir, "r.tlog-proof"), "--trusted-keys", Path.Combine(dir, "keys"), "--witness-threshold", "2"]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private Witness NewWitness(IWitnessStateStore store) =>
        new(_witnessKey, new Dictionary<string, IReadOnlyList<NoteVerifier>> { [Origin] = [NoteVerifier.Parse(_logKey.VerifierKey)] }, store, TimeProvider.System);

    private CheckpointPolicy Policy(int k) =>
        new(Origin, [NoteVerifier.Parse(_logKey.VerifierKey)], [NoteVerifier.ParseCosigner(_witnessKey.VerifierKey)], k);

    private void Grow(int size)
    {
        while (_frontier.Size < size)
        {
            var batch = _frontier.AppendBatch([MerkleHash.Leaf(BitConverter.GetBytes(_frontier.Size))]);
            _store.Add(batch.Nodes);
            _roots.Add(batch.Root);
        }
    }

    private Note Signed(int size) => new Checkpoint(Origin, size, _roots[size]).Sign(_logKey);

    private string Request(int oldSize, int size) =>
        new AddCheckpointRequest(oldSize, oldSize == 0 || oldSize >= size ? [] : ProofAsync(oldSize, size).AsTask().GetAwaiter().GetResult(), Signed(size)).Format();

    private async ValueTask<IReadOnlyList<byte[]>> ProofAsync(long oldSize, long size) =>
        await MerkleTree.ConsistencyProofAsync(_store, oldSize, size);

    private static async Task<(byte[] Root, IReadOnlyList<byte[]> Proof)> ForkAsync(int oldSize, int size, int rewritten, CancellationToken ct)
    {
        var frontier = new MerkleFrontier();
        var store = new MemoryHashStore();
        for (var i = 0; i < size; i++)
        {
            store.Add(frontier.AppendBatch([MerkleHash.Leaf(i == rewritten ? "rewritten"u8 : BitConverter.GetBytes((long)i))]).Nodes);
        }

        return (frontier.Root(), await MerkleTree.ConsistencyProofAsync(store, oldSize, size, ct));
    }

    private static async Task<(HttpStatusCode, string)> PostAsync(HttpClient http, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, new UTF8Encoding(false), "text/plain");
        using var response = await http.PostAsync("/add-checkpoint", content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Equal("text/x.tlog.size", response.Content.Headers.ContentType?.MediaType);
        }

        return (response.StatusCode, text);
    }

    private sealed class MemoryStateStore : IWitnessStateStore
    {
        private readonly Dictionary<string, WitnessLogState> _states = [];

        public WitnessLogState? Get(string origin) => _states.GetValueOrDefault(origin);

        public void Save(string origin, WitnessLogState state) => _states[origin] = state;
    }
}
