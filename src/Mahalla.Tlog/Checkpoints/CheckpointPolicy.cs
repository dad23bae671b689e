using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Checkpoints;

/// <summary>
/// Whom a reader trusts: the log's keys for one origin, the witnesses' keys, and how many distinct
/// witnesses (k of n) must have cosigned. A checkpoint passes <see cref="Verify"/> only if a log key
/// signed it and at least <see cref="WitnessThreshold"/> trusted witnesses cosigned it, and no
/// signature by a trusted key is invalid.
/// </summary>
public sealed class CheckpointPolicy
{
    /// <summary>Creates a policy. <paramref name="origin"/> null accepts the origin of the log keys' own name.</summary>
    public CheckpointPolicy(string? origin, IReadOnlyList<NoteVerifier> logKeys, IReadOnlyList<NoteVerifier> witnessKeys, int witnessThreshold)
    {
        ArgumentNullException.ThrowIfNull(logKeys);
        ArgumentNullException.ThrowIfNull(witnessKeys);
        if (logKeys.Count == 0)
        {
            throw new ArgumentException("A policy needs at least one log key.", nameof(logKeys));
        }

        if (witnessThreshold < 0 || witnessThreshold > witnessKeys.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(witnessThreshold), $"The witness threshold must be between 0 and the {witnessKeys.Count} witness keys.");
        }

        Origin = origin;
        LogKeys = [.. logKeys];
        WitnessKeys = [.. witnessKeys];
        WitnessThreshold = witnessThreshold;
    }

    /// <summary>The accepted origin line, or null to accept any origin signed by a log key.</summary>
    public string? Origin { get; }

    /// <summary>The log's verifier keys.</summary>
    public IReadOnlyList<NoteVerifier> LogKeys { get; }

    /// <summary>The witnesses' cosignature verifier keys.</summary>
    public IReadOnlyList<NoteVerifier> WitnessKeys { get; }

    /// <summary>How many distinct witnesses must have cosigned.</summary>
    public int WitnessThreshold { get; }

    /// <summary>Verifies a signed checkpoint note against the policy.</summary>
    /// <exception cref="NoteFormatException">The note or checkpoint is malformed.</exception>
    /// <exception cref="NoteVerificationException">It is well-formed but the policy is not met.</exception>
    public VerifiedCheckpoint Verify(Note note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var checkpoint = Checkpoint.Parse(note.Text);
        if (Origin is not null && checkpoint.Origin != Origin)
        {
            throw new NoteVerificationException($"The checkpoint is for origin \"{checkpoint.Origin}\", not \"{Origin}\".");
        }

        var verified = note.Verify(LogKeys.Concat(WitnessKeys));
        if (!verified.Any(LogKeys.Contains))
        {
            throw new NoteVerificationException("The checkpoint is not signed by the log's key.");
        }

        var witnesses = verified.Where(WitnessKeys.Contains).Select(k => k.Name).Distinct(StringComparer.Ordinal).ToList();
        if (witnesses.Count < WitnessThreshold)
        {
            throw new NoteVerificationException($"The checkpoint has {witnesses.Count} valid witness cosignatures; the policy requires {WitnessThreshold}.");
        }

        return new VerifiedCheckpoint(checkpoint, note, witnesses);
    }
}

/// <summary>A checkpoint whose note met a <see cref="CheckpointPolicy"/>.</summary>
/// <param name="Checkpoint">The checkpoint body.</param>
/// <param name="Note">The note as verified.</param>
/// <param name="Witnesses">Names of the trusted witnesses whose cosignatures verified.</param>
public sealed record VerifiedCheckpoint(Checkpoint Checkpoint, Note Note, IReadOnlyList<string> Witnesses);
