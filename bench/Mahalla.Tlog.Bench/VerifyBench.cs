using System.Diagnostics;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Receipts;
using Mahalla.Tlog.Witnessing;

namespace Mahalla.Tlog.Bench;

/// <summary>
/// What a client or auditor spends to check: inclusion and consistency proofs from the largest tree, and a
/// real receipt (entry, index, proof, signed checkpoint) parsed and verified from its text, signed by the log
/// alone and cosigned by two witnesses. One thread; each measurement runs for about two seconds.
/// </summary>
internal static class VerifyBench
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    public static void Run(string provider, ProofMaterial m)
    {
        var size = m.Size;
        Rate(provider, $"inclusion proofs at size {size:N0} ({m.Inclusions[0].Proof.Count} hashes)", m.Inclusions.Count, i =>
            MerkleProof.VerifyInclusion(m.Inclusions[i].Index, size, m.Inclusions[i].Leaf, m.Inclusions[i].Proof, m.Root));
        Rate(provider, $"consistency proofs to size {size:N0}", m.Consistencies.Count, i =>
            MerkleProof.VerifyConsistency(m.Consistencies[i].From, size, m.Consistencies[i].Proof, m.Consistencies[i].FromRoot, m.Root));

        var note = Note.Parse(m.Note);
        var logKey = NoteVerifier.Parse(m.Vkey);
        var receipt = new TlogProof(m.Entry, m.EntryIndex, m.EntryProof, note).ToString();
        var logOnly = new CheckpointPolicy(null, [logKey], [], 0);
        Rate(provider, "receipts (parse + inclusion + log signature)", 1, _ => TlogProof.Parse(receipt).Verify(logOnly).Checkpoint.Size == size);

        using var w1 = SignerKey.Generate("witness.bench/w1");
        using var w2 = SignerKey.Generate("witness.bench/w2");
        var logs = new Dictionary<string, IReadOnlyList<NoteVerifier>> { [logKey.Name] = [logKey] };
        var lines = new[] { w1, w2 }.Select(w => NoteSignature.ParseLine(
            new Witness(w, logs, new MemoryState(), TimeProvider.System).AddCheckpoint(new AddCheckpointRequest(0, [], note).Format()).Body.TrimEnd('\n')));
        var cosigned = new TlogProof(m.Entry, m.EntryIndex, m.EntryProof, note.WithSignatures(lines)).ToString();
        var twoOfTwo = new CheckpointPolicy(null, [logKey], [NoteVerifier.ParseCosigner(w1.VerifierKey), NoteVerifier.ParseCosigner(w2.VerifierKey)], 2);
        Rate(provider, "receipts cosigned by 2 witnesses, policy 2 of 2 (3 signatures)", 1, _ => TlogProof.Parse(cosigned).Verify(twoOfTwo).Witnesses.Count == 2);
    }

    private static void Rate(string provider, string what, int variants, Func<int, bool> verify)
    {
        for (var i = 0; i < 1_000; i++)
        {
            Check(verify(i % variants), what);
        }

        var count = 0;
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < Duration)
        {
            for (var i = 0; i < 100; i++, count++)
            {
                Check(verify(count % variants), what);
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Report.Line($"verify|{provider}|{what}|{Fmt.N(count / elapsed.TotalSeconds)}|{elapsed.TotalMicroseconds / count:0.0}");
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"A valid {what} did not verify.");
        }
    }

    private sealed class MemoryState : IWitnessStateStore
    {
        private readonly Dictionary<string, WitnessLogState> _states = [];

        public WitnessLogState? Get(string origin) => _states.GetValueOrDefault(origin);

        public void Save(string origin, WitnessLogState state) => _states[origin] = state;
    }
}
