using System.Globalization;
using System.Text;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Checkpoints;

/// <summary>
/// The body of a C2SP tlog-checkpoint v1.0.0: origin, tree size, root hash and optional extension lines.
/// A parsed checkpoint is only well-formed; it says nothing until its note is verified
/// (<see cref="CheckpointPolicy.Verify"/>).
/// </summary>
public sealed class Checkpoint
{
    /// <summary>Creates a checkpoint body, checking every field as <see cref="Parse"/> would.</summary>
    public Checkpoint(string origin, long size, byte[] rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(rootHash);
        if (origin.Length == 0 || origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new NoteFormatException("The checkpoint origin must be one non-empty line.");
        }

        if (size < 0)
        {
            throw new NoteFormatException("The checkpoint tree size cannot be negative.");
        }

        if (rootHash.Length != MerkleHash.Size)
        {
            throw new NoteFormatException($"The checkpoint root hash must be {MerkleHash.Size} bytes.");
        }

        Extensions = [.. extensions ?? []];
        if (Extensions.Any(e => e.Length == 0 || e.Contains('\n', StringComparison.Ordinal)))
        {
            throw new NoteFormatException("Checkpoint extension lines must be non-empty single lines.");
        }

        Origin = origin;
        Size = size;
        RootHash = (byte[])rootHash.Clone();
    }

    /// <summary>The log's identity, e.g. <c>mahalla.uz/log</c>.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public long Size { get; }

    /// <summary>The RFC 6962 root hash at <see cref="Size"/>.</summary>
    public byte[] RootHash { get; }

    /// <summary>Opaque extension lines (not recommended by the spec; not auditable).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Parses a checkpoint note text (the text of a note, not its signatures).</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new NoteFormatException("A checkpoint must end with a newline.");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new NoteFormatException("A checkpoint needs an origin, a tree size and a root hash line.");
        }

        if (lines.Any(l => l.Length == 0))
        {
            throw new NoteFormatException("A checkpoint cannot contain empty lines.");
        }

        var size = CanonicalDecimal.Parse(lines[1], "tree size");
        return new Checkpoint(lines[0], size, Base64.DecodeStrict(lines[2], "root hash"), lines[3..]);
    }

    /// <summary>The note text: origin, size, base64 root, extension lines, each ending in a newline.</summary>
    public string ToText()
    {
        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            builder.Append(extension).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Whether two checkpoints state the same tree (origin, size and root).</summary>
    public bool SameTreeAs(Checkpoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Origin == other.Origin && Size == other.Size && RootHash.AsSpan().SequenceEqual(other.RootHash);
    }

    /// <summary>Signs this checkpoint with the log's key, giving the note to publish.</summary>
    public Note Sign(SignerKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var text = ToText();
        return new Note(text, [logKey.Sign(text)]);
    }
}
