using System.Text;

namespace Mahalla.Tlog.Notes;

/// <summary>
/// A C2SP signed note (signed-note v1.0.0): a text ending in a newline, a blank line, and one or more
/// signature lines. <see cref="Parse(string)"/> is strict and never returns a note that does not follow
/// the format; its text must still be ignored until <see cref="Verify"/> has succeeded.
/// </summary>
public sealed class Note
{
    /// <summary>The most signatures a parsed note may carry (the spec asks to accept at least 16).</summary>
    public const int MaxSignatures = 100;

    /// <summary>The largest note accepted, in UTF-8 bytes.</summary>
    public const int MaxBytes = 1 << 20;

    private const string SignaturePrefix = "— ";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Creates a note from its text (which must end in a newline) and signatures.</summary>
    public Note(string text, IReadOnlyList<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        CheckCharacters(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new NoteFormatException("The note text must end with a newline.");
        }

        Text = text;
        Signatures = [.. signatures];
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    /// <summary>The signature lines in the order they appear.</summary>
    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>Parses a note from UTF-8 bytes, rejecting invalid UTF-8.</summary>
    public static Note Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            throw new NoteFormatException($"The note is larger than {MaxBytes} bytes.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw new NoteFormatException("The note is not valid UTF-8.");
        }

        return Parse(text);
    }

    /// <summary>Parses a note, throwing <see cref="NoteFormatException"/> with the reason when it is malformed.</summary>
    public static Note Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (Encoding.UTF8.GetByteCount(note) > MaxBytes)
        {
            throw new NoteFormatException($"The note is larger than {MaxBytes} bytes.");
        }

        CheckCharacters(note);
        if (note.Length == 0 || note[^1] != '\n')
        {
            throw new NoteFormatException("The note must end with a newline.");
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new NoteFormatException("The note has no blank line before its signatures.");
        }

        var text = note[..(split + 1)];
        if (split + 2 == note.Length)
        {
            throw new NoteFormatException("The note has no signature lines; each starts with an em dash.");
        }

        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new NoteFormatException($"The note has more than {MaxSignatures} signatures.");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            signatures.Add(NoteSignature.ParseLine(line));
        }

        return new Note(text, signatures);
    }

    /// <summary>The note as text: the text, a blank line, the signature lines.</summary>
    public override string ToString()
    {
        if (Signatures.Count == 0)
        {
            throw new InvalidOperationException("A note without signatures cannot be written.");
        }

        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine()).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The same text with more signatures appended (duplicates of existing lines are dropped).</summary>
    public Note WithSignatures(IEnumerable<NoteSignature> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var all = Signatures.ToList();
        foreach (var signature in more)
        {
            if (!all.Any(s => s.ToLine() == signature.ToLine()))
            {
                all.Add(signature);
            }
        }

        return new Note(Text, all);
    }

    /// <summary>
    /// Verifies the signatures against the known keys, as signed-note requires: signatures whose
    /// (name, key id) matches no known key are ignored; a signature from a known key that fails makes the
    /// whole note rejected; at least one known key must have signed. Returns the keys whose signature verified.
    /// </summary>
    /// <exception cref="NoteVerificationException">A known key's signature is invalid, or no known key signed.</exception>
    public IReadOnlyList<NoteVerifier> Verify(IEnumerable<NoteVerifier> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(knownKeys);
        var keys = knownKeys.ToList();
        var textBytes = Encoding.UTF8.GetBytes(Text);
        var verified = new List<NoteVerifier>();
        foreach (var signature in Signatures)
        {
            foreach (var key in keys.Where(k => k.Name == signature.KeyName && k.KeyId == signature.KeyId))
            {
                if (!key.Verify(textBytes, signature.Signature))
                {
                    throw new NoteVerificationException($"The signature by {key.Name} ({key.KeyId:x8}) does not verify.");
                }

                if (!verified.Contains(key))
                {
                    verified.Add(key);
                }
            }
        }

        if (verified.Count == 0)
        {
            throw new NoteVerificationException("The note is not signed by any known key.");
        }

        return verified;
    }

    private static void CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x20 && text[i] != '\n')
            {
                throw new NoteFormatException($"The note contains the control character U+{(int)text[i]:X4} at position {i}.");
            }
        }

        try
        {
            _ = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            throw new NoteFormatException("The note contains an unpaired surrogate and is not valid UTF-8.");
        }
    }

    internal static string SignatureLinePrefix => SignaturePrefix;
}

/// <summary>One signature line of a note: the key name, the 32-bit key id and the signature bytes that follow it.</summary>
public sealed class NoteSignature
{
    /// <summary>Creates a signature line; the name must be a valid key name.</summary>
    public NoteSignature(string keyName, uint keyId, byte[] signature)
    {
        NoteKeyName.Check(keyName);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length == 0)
        {
            throw new NoteFormatException("A signature cannot be empty.");
        }

        KeyName = keyName;
        KeyId = keyId;
        Signature = signature;
    }

    /// <summary>The name of the key that signed.</summary>
    public string KeyName { get; }

    /// <summary>The key id (first four bytes of the base64 payload, big-endian).</summary>
    public uint KeyId { get; }

    /// <summary>The signature proper, without the key id.</summary>
    public byte[] Signature { get; }

    /// <summary>The line without its newline: <c>— name base64(keyid ‖ signature)</c>.</summary>
    public string ToLine()
    {
        var payload = new byte[4 + Signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(payload, KeyId);
        Signature.CopyTo(payload, 4);
        return $"{Note.SignatureLinePrefix}{KeyName} {Convert.ToBase64String(payload)}";
    }

    /// <summary>Parses one signature line (without its newline), e.g. from a witness response.</summary>
    public static NoteSignature ParseLine(string line)
    {
        if (!line.StartsWith(Note.SignatureLinePrefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException($"A signature line must start with an em dash and a space: \"{Shorten(line)}\".");
        }

        var rest = line[Note.SignatureLinePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new NoteFormatException($"A signature line has no space between key name and signature: \"{Shorten(line)}\".");
        }

        var name = rest[..space];
        var base64 = rest[(space + 1)..];
        NoteKeyName.Check(name);
        var payload = Base64.DecodeStrict(base64, "signature");
        if (payload.Length < 5)
        {
            throw new NoteFormatException($"The signature by {name} is too short.");
        }

        return new NoteSignature(name, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]);
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}

/// <summary>Thrown for text that does not follow the signed-note, checkpoint or related formats.</summary>
public sealed class NoteFormatException(string message) : FormatException(message);

/// <summary>Thrown when a well-formed note, checkpoint or proof fails verification.</summary>
public sealed class NoteVerificationException(string message) : Exception(message);
