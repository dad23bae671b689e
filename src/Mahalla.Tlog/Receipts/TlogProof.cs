using System.Globalization;
using System.Text;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Receipts;

/// <summary>
/// A receipt in the C2SP tlog-proof format (<c>c2sp.org/tlog-proof@v1</c>): optional extra data, the entry
/// index, the inclusion proof and the checkpoint note with its cosignatures. Mahalla puts the logged entry
/// itself in <see cref="Extra"/> (ADR 0026), so a receipt verifies with nothing but trusted keys.
/// </summary>
public sealed class TlogProof
{
    /// <summary>The first line of every proof.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>Creates a proof.</summary>
    public TlogProof(byte[]? extra, long index, IReadOnlyList<byte[]> inclusionProof, Note checkpoint)
    {
        ArgumentNullException.ThrowIfNull(inclusionProof);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (inclusionProof.Any(h => h is null || h.Length != MerkleHash.Size))
        {
            throw new NoteFormatException($"Every inclusion proof hash must be {MerkleHash.Size} bytes.");
        }

        Extra = extra;
        Index = index;
        InclusionProof = [.. inclusionProof];
        Checkpoint = checkpoint;
    }

    /// <summary>Opaque extra data; for Mahalla receipts, the entry bytes.</summary>
    public byte[]? Extra { get; }

    /// <summary>The 0-based index of the entry.</summary>
    public long Index { get; }

    /// <summary>The inclusion proof, leaf's sibling first.</summary>
    public IReadOnlyList<byte[]> InclusionProof { get; }

    /// <summary>The signed checkpoint the proof leads to.</summary>
    public Note Checkpoint { get; }

    /// <summary>Parses a proof strictly.</summary>
    public static TlogProof Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new NoteFormatException("The proof has no empty line before its checkpoint.");
        }

        var lines = text[..blank].Split('\n');
        if (lines[0] != Header)
        {
            throw new NoteFormatException($"The proof must start with \"{Header}\".");
        }

        var next = 1;
        byte[]? extra = null;
        if (next < lines.Length && lines[next].StartsWith("extra ", StringComparison.Ordinal))
        {
            extra = Base64.DecodeStrict(lines[next]["extra ".Length..], "extra data");
            next++;
        }

        if (next >= lines.Length || !lines[next].StartsWith("index ", StringComparison.Ordinal))
        {
            throw new NoteFormatException("The proof has no \"index\" line.");
        }

        var index = CanonicalDecimal.Parse(lines[next]["index ".Length..], "index");

        var proof = new List<byte[]>();
        foreach (var line in lines[(next + 1)..])
        {
            var hash = Base64.DecodeStrict(line, "inclusion proof line");
            if (hash.Length != MerkleHash.Size)
            {
                throw new NoteFormatException($"An inclusion proof line is {hash.Length} bytes, not {MerkleHash.Size}.");
            }

            proof.Add(hash);
        }

        return new TlogProof(extra, index, proof, Note.Parse(text[(blank + 2)..]));
    }

    /// <summary>The proof as text (file extension <c>.tlog-proof</c>).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
        {
            builder.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        builder.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(Checkpoint.ToString()).ToString();
    }

    /// <summary>
    /// Verifies the receipt: the checkpoint meets <paramref name="policy"/> (log key, k of n witnesses) and
    /// the inclusion proof binds the entry in <see cref="Extra"/> at <see cref="Index"/> to its root.
    /// Guarantees, when it returns, that the trusted log committed to this entry at this index.
    /// </summary>
    /// <exception cref="NoteVerificationException">Any check fails.</exception>
    public VerifiedCheckpoint Verify(CheckpointPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Extra is null)
        {
            throw new NoteVerificationException("The receipt carries no entry (no extra line).");
        }

        var verified = policy.Verify(Checkpoint);
        var checkpoint = verified.Checkpoint;
        if (!MerkleProof.VerifyInclusion(Index, checkpoint.Size, MerkleHash.Leaf(Extra), InclusionProof, checkpoint.RootHash))
        {
            throw new NoteVerificationException($"The inclusion proof does not place this entry at index {Index} of the tree of size {checkpoint.Size}.");
        }

        return verified;
    }
}
