using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mahalla.Tlog.Notes;

/// <summary>
/// A public key that verifies note signatures, identified by name and key id. Created from a verifier
/// key string (<c>name+hex(keyid)+base64(0x02 ‖ DER SPKI)</c>): <see cref="Parse"/> for ordinary ECDSA
/// note signatures (logs), <see cref="ParseCosigner"/> for witness cosignatures.
/// </summary>
public abstract class NoteVerifier
{
    /// <summary>The signed-note signature type of ECDSA keys.</summary>
    public const byte EcdsaSignatureType = 0x02;

    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    private protected NoteVerifier(string name, uint keyId, ECDsa key, string verifierKey)
    {
        Name = name;
        KeyId = keyId;
        _key = key;
        VerifierKey = verifierKey;
    }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The key id: the first four bytes of SHA-256 of the DER SPKI public key, big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The verifier key string this verifier was made from.</summary>
    public string VerifierKey { get; }

    /// <summary>Parses a verifier key for ECDSA P-256 note signatures (type 0x02), as a log signs checkpoints.</summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var (name, id, key) = Decode(verifierKey);
        return new SignatureVerifier(name, id, key, verifierKey);
    }

    /// <summary>Parses a witness verifier key: same encoding, but it verifies timestamped cosignatures (ADR 0023).</summary>
    public static NoteVerifier ParseCosigner(string verifierKey)
    {
        var (name, id, key) = Decode(verifierKey);
        return new CosignatureVerifier(name, id, key, verifierKey);
    }

    /// <summary>The key id of an ECDSA public key: SHA-256(DER SPKI)[:4], big-endian.</summary>
    public static uint KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>Formats a verifier key string.</summary>
    public static string FormatVerifierKey(string name, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        NoteKeyName.Check(name);
        var material = new byte[1 + subjectPublicKeyInfo.Length];
        material[0] = EcdsaSignatureType;
        subjectPublicKeyInfo.CopyTo(material.AsSpan(1));
        return $"{name}+{KeyIdOf(subjectPublicKeyInfo):x8}+{Convert.ToBase64String(material)}";
    }

    internal abstract bool Verify(byte[] text, byte[] signature);

    private protected bool VerifyDer(byte[] message, ReadOnlySpan<byte> derSignature)
    {
        lock (_gate)
        {
            return _key.VerifyData(message, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
    }

    private static (string Name, uint KeyId, ECDsa Key) Decode(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        var parts = verifierKey.Trim().Split('+', 3);
        if (parts.Length != 3)
        {
            throw new NoteFormatException("A verifier key must be name+keyid+base64 key.");
        }

        NoteKeyName.Check(parts[0]);
        if (parts[1].Length != 8 || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) || parts[1] != parts[1].ToLowerInvariant())
        {
            throw new NoteFormatException("The key id of a verifier key must be 8 lowercase hex digits.");
        }

        var material = Base64.DecodeStrict(parts[2], "verifier key");
        if (material.Length < 2 || material[0] != EcdsaSignatureType)
        {
            throw new NoteFormatException("Only ECDSA verifier keys (signature type 0x02) are supported.");
        }

        var spki = material[1..];
        var key = EcdsaKeys.ImportPublic(spki);
        if (KeyIdOf(spki) != id)
        {
            key.Dispose();
            throw new NoteFormatException($"The key id {parts[1]} does not match the public key (expected {KeyIdOf(spki):x8}).");
        }

        return (parts[0], id, key);
    }

    private sealed class SignatureVerifier(string name, uint keyId, ECDsa key, string verifierKey)
        : NoteVerifier(name, keyId, key, verifierKey)
    {
        internal override bool Verify(byte[] text, byte[] signature) => VerifyDer(text, signature);
    }

    private sealed class CosignatureVerifier(string name, uint keyId, ECDsa key, string verifierKey)
        : NoteVerifier(name, keyId, key, verifierKey)
    {
        internal override bool Verify(byte[] text, byte[] signature)
        {
            if (signature.Length <= 8)
            {
                return false;
            }

            var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
            if (timestamp > long.MaxValue)
            {
                return false;
            }

            return VerifyDer(Cosignature.Message(Encoding.UTF8.GetString(text), (long)timestamp), signature.AsSpan(8));
        }
    }
}

internal static class EcdsaKeys
{
    public static ECDsa ImportPublic(byte[] spki)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length)
            {
                throw new NoteFormatException("The public key has trailing bytes.");
            }

            RequireP256(key);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            throw new NoteFormatException("The public key is not a valid ECDSA SubjectPublicKeyInfo.");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static void RequireP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve;
        if (!curve.IsNamed || curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new NoteFormatException("Only NIST P-256 keys are accepted.");
        }
    }
}
