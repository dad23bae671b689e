using System.Globalization;
using System.Text;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Witnessing;

/// <summary>
/// The body of a tlog-witness v1.0.0 <c>add-checkpoint</c> request: <c>old N</c>, up to 63 base64
/// consistency proof lines, an empty line, then the signed checkpoint note.
/// </summary>
/// <param name="OldSize">The size the client believes the witness last cosigned.</param>
/// <param name="Proof">The consistency proof from <paramref name="OldSize"/> to the checkpoint's size.</param>
/// <param name="Checkpoint">The signed checkpoint note.</param>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, Note Checkpoint)
{
    /// <summary>The most proof lines a request may carry.</summary>
    public const int MaxProofLines = 63;

    /// <summary>The request body.</summary>
    public string Format()
    {
        var builder = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Proof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(Checkpoint.ToString()).ToString();
    }

    /// <summary>Parses a request body strictly; <see cref="NoteFormatException"/> says what is wrong.</summary>
    public static AddCheckpointRequest Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || !body.StartsWith("old ", StringComparison.Ordinal))
        {
            throw new NoteFormatException("The request must start with an \"old <size>\" line.");
        }

        var oldSize = CanonicalDecimal.Parse(body[4..newline], "old size");

        var proof = new List<byte[]>();
        var position = newline + 1;
        while (true)
        {
            var end = body.IndexOf('\n', position);
            if (end < 0)
            {
                throw new NoteFormatException("The request has no empty line before the checkpoint.");
            }

            if (end == position)
            {
                position = end + 1;
                break;
            }

            if (proof.Count == MaxProofLines)
            {
                throw new NoteFormatException($"The request has more than {MaxProofLines} proof lines.");
            }

            var hash = Base64.DecodeStrict(body[position..end], "consistency proof line");
            if (hash.Length != MerkleHash.Size)
            {
                throw new NoteFormatException($"A consistency proof line is {hash.Length} bytes, not {MerkleHash.Size}.");
            }

            proof.Add(hash);
            position = end + 1;
        }

        return new AddCheckpointRequest(oldSize, proof, Note.Parse(body[position..]));
    }
}
