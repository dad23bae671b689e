using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mahalla.Tlog.Notes;

/// <summary>
/// A private ECDSA P-256 key with its name: signs notes (a log's checkpoints, type 0x02) or cosigns
/// checkpoints (a witness, ADR 0023). Stored as one line,
/// <c>PRIVATE+KEY+name+hex(keyid)+base64(0x02 ‖ PKCS#8 DER)</c>, in the spirit of Go's note signer keys.
/// Use one key for one role: a log key must not also be a witness key.
/// </summary>
public sealed class SignerKey : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private SignerKey(string name, ECDsa key)
    {
        NoteKeyName.Check(name);
        EcdsaKeys.RequireP256(key);
        Name = name;
        _key = key;
        var spki = key.ExportSubjectPublicKeyInfo();
        KeyId = NoteVerifier.KeyIdOf(spki);
        VerifierKey = NoteVerifier.FormatVerifierKey(name, spki);
    }

    /// <summary>The key name that appears in signature lines.</summary>
    public string Name { get; }

    /// <summary>The key id.</summary>
    public uint KeyId { get; }

    /// <summary>The public verifier key string to publish and to configure verifiers with.</summary>
    public string VerifierKey { get; }

    /// <summary>Generates a new P-256 key.</summary>
    public static SignerKey Generate(string name) => new(name, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Parses a key written by <see cref="Format"/>.</summary>
    public static SignerKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException("A signer key must start with PRIVATE+KEY+.");
        }

        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteFormatException("A signer key must be PRIVATE+KEY+name+keyid+base64 key.");
        }

        var material = Base64.DecodeStrict(parts[2], "private key");
        if (material.Length < 2 || material[0] != NoteVerifier.EcdsaSignatureType)
        {
            throw new NoteFormatException("Only ECDSA signer keys (type 0x02) are supported.");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(material.AsSpan(1), out _);
            var signer = new SignerKey(parts[0], key);
            if (parts[1] != signer.KeyId.ToString("x8", CultureInfo.InvariantCulture))
            {
                signer.Dispose();
                throw new NoteFormatException("The key id in the signer key does not match its key.");
            }

            return signer;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new NoteFormatException("The private key is not a valid PKCS#8 ECDSA key.");
        }
    }

    /// <summary>The private key line; keep it secret.</summary>
    public string Format()
    {
        var pkcs8 = _key.ExportPkcs8PrivateKey();
        var material = new byte[1 + pkcs8.Length];
        material[0] = NoteVerifier.EcdsaSignatureType;
        pkcs8.CopyTo(material, 1);
        CryptographicOperations.ZeroMemory(pkcs8);
        return $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String(material)}";
    }

    /// <summary>Signs a note text: ASN.1 DER ECDSA over SHA-256 of the text (signature type 0x02).</summary>
    public NoteSignature Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Constructing the note checks that the text is one a verifier could parse back.
        _ = new Note(text, []);
        return new NoteSignature(Name, KeyId, SignDer(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Cosigns a checkpoint text as a witness: the payload is the 8-byte big-endian timestamp followed by
    /// the DER ECDSA signature of the tlog-cosignature v1 message for that time.
    /// </summary>
    public NoteSignature Cosign(string checkpointText, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        var timestamp = time.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp, nameof(time));
        var der = SignDer(Cosignature.Message(checkpointText, timestamp));
        var payload = new byte[8 + der.Length];
        BinaryPrimitives.WriteUInt64BigEndian(payload, (ulong)timestamp);
        der.CopyTo(payload, 8);
        return new NoteSignature(Name, KeyId, payload);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private byte[] SignDer(byte[] message)
    {
        lock (_gate)
        {
            return _key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
    }
}
