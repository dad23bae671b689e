using System.Globalization;
using System.Text;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Witnessing;

/// <summary>What a witness remembers of one log: the latest checkpoint it cosigned.</summary>
/// <param name="Size">Its tree size.</param>
/// <param name="RootHash">Its root hash.</param>
public sealed record WitnessLogState(long Size, byte[] RootHash);

/// <summary>Where a witness keeps its per-origin state. <see cref="Save"/> must be durable and atomic before it returns.</summary>
public interface IWitnessStateStore
{
    /// <summary>The state for an origin, or null if the witness never cosigned for it.</summary>
    WitnessLogState? Get(string origin);

    /// <summary>Durably replaces the state for an origin.</summary>
    void Save(string origin, WitnessLogState state);
}

/// <summary>A witness's answer, ready to become an HTTP response.</summary>
/// <param name="StatusCode">The HTTP status the tlog-witness spec prescribes.</param>
/// <param name="ContentType">The response content type.</param>
/// <param name="Body">The response body (signature lines on success; the size on 409; a reason otherwise).</param>
public sealed record WitnessResponse(int StatusCode, string ContentType, string Body);

/// <summary>
/// The witness of tlog-witness v1.0.0: it cosigns a checkpoint only if a trusted log key signed it and
/// it is consistent with the latest checkpoint it cosigned for that origin, so a log that rolls back or
/// forks cannot obtain its cosignature. Check and update are atomic for the whole witness.
/// </summary>
public sealed class Witness
{
    private readonly SignerKey _key;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> _logs;
    private readonly IWitnessStateStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a witness with its key, the trusted log keys by origin, its state store and clock.</summary>
    public Witness(SignerKey key, IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> logs, IWitnessStateStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _key = key;
        _logs = logs;
        _store = store;
        _time = time;
    }

    /// <summary>Handles an <c>add-checkpoint</c> request body, with the status codes of the spec.</summary>
    public WitnessResponse AddCheckpoint(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try
        {
            request = AddCheckpointRequest.Parse(body);
            checkpoint = Checkpoint.Parse(request.Checkpoint.Text);
        }
        catch (NoteFormatException e)
        {
            return Text(400, $"malformed request: {e.Message}");
        }

        if (!_logs.TryGetValue(checkpoint.Origin, out var logKeys))
        {
            return Text(404, $"unknown log origin \"{checkpoint.Origin}\"");
        }

        try
        {
            request.Checkpoint.Verify(logKeys);
        }
        catch (NoteVerificationException e)
        {
            return Text(403, e.Message);
        }

        if (request.OldSize > checkpoint.Size)
        {
            return Text(400, $"old size {request.OldSize} is larger than the checkpoint size {checkpoint.Size}");
        }

        lock (_gate)
        {
            var state = _store.Get(checkpoint.Origin);
            var latest = state?.Size ?? 0;
            if (request.OldSize != latest)
            {
                return new WitnessResponse(409, "text/x.tlog.size", latest.ToString(CultureInfo.InvariantCulture) + "\n");
            }

            if (state is not null && request.OldSize == checkpoint.Size)
            {
                if (!state.RootHash.AsSpan().SequenceEqual(checkpoint.RootHash))
                {
                    return new WitnessResponse(409, "text/x.tlog.size", latest.ToString(CultureInfo.InvariantCulture) + "\n");
                }

                if (request.Proof.Count != 0)
                {
                    return Text(422, "the consistency proof between equal sizes must be empty");
                }
            }
            else if (request.OldSize == 0)
            {
                if (request.Proof.Count != 0)
                {
                    return Text(422, "the consistency proof from size 0 must be empty");
                }

                if (checkpoint.Size == 0 && !checkpoint.RootHash.AsSpan().SequenceEqual(MerkleHash.EmptyRoot()))
                {
                    return Text(422, "the root of an empty tree must be the hash of the empty string");
                }
            }
            else if (!MerkleProof.VerifyConsistency(request.OldSize, checkpoint.Size, request.Proof, state!.RootHash, checkpoint.RootHash))
            {
                return Text(422, $"the consistency proof from size {request.OldSize} does not verify");
            }

            _store.Save(checkpoint.Origin, new WitnessLogState(checkpoint.Size, checkpoint.RootHash));
            return new WitnessResponse(200, "text/plain; charset=utf-8", _key.Cosign(request.Checkpoint.Text, _time.GetUtcNow()).ToLine() + "\n");
        }
    }

    private static WitnessResponse Text(int status, string message) => new(status, "text/plain; charset=utf-8", message + "\n");
}
