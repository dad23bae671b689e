using System.Security.Cryptography;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;

namespace Mahalla.Tlog.Tests.Notes;

public sealed class NoteTests
{
    [Fact]
    public void Signed_checkpoint_round_trips_and_verifies_with_the_log_key()
    {
        using var key = SignerKey.Generate("mahalla.example/log");
        var checkpoint = new Checkpoint("mahalla.example/log", 20852163, MerkleHash.Leaf([1]));
        var text = checkpoint.Sign(key).ToString();
        Assert.StartsWith("mahalla.example/log\n20852163\n", text, StringComparison.Ordinal);
        Assert.Contains("\n\n— mahalla.example/log ", text, StringComparison.Ordinal);

        var note = Note.Parse(text);
        Assert.Equal(text, note.ToString());
        var verified = note.Verify([NoteVerifier.Parse(key.VerifierKey)]);
        Assert.Equal("mahalla.example/log", Assert.Single(verified).Name);
        Assert.True(Checkpoint.Parse(note.Text).SameTreeAs(checkpoint));
    }

    [Fact]
    public void Verifier_key_and_key_id_follow_the_ecdsa_signature_type()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = SignerKey.Parse(ToKeyLine("w.example", ecdsa));
        var spki = ecdsa.ExportSubjectPublicKeyInfo();
        var expectedId = Convert.ToHexStringLower(SHA256.HashData(spki)[..4]);
        Assert.Equal($"w.example+{expectedId}+{Convert.ToBase64String([0x02, .. spki])}", key.VerifierKey);

        var line = key.Sign("hello\n").ToLine();
        var payload = Convert.FromBase64String(line.Split(' ')[2]);
        Assert.Equal(expectedId, Convert.ToHexStringLower(payload[..4]));
        // The rest is a DER signature over SHA-256 of the text, verifiable with plain BCL ECDSA.
        Assert.True(ecdsa.VerifyData("hello\n"u8, payload[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Signer_key_file_round_trips()
    {
        using var key = SignerKey.Generate("log.example/a");
        using var again = SignerKey.Parse(key.Format());
        Assert.Equal(key.VerifierKey, again.VerifierKey);
        Assert.True(Note.Parse(new Note("x\n", [again.Sign("x\n")]).ToString()).Verify([NoteVerifier.Parse(key.VerifierKey)]).Count == 1);
    }

    [Fact]
    public void Note_with_a_tampered_text_is_rejected()
    {
        using var key = SignerKey.Generate("log.example");
        var text = new Note("a\nb\n", [key.Sign("a\nb\n")]).ToString();
        var tampered = Note.Parse(text.Replace("b\n\n", "c\n\n", StringComparison.Ordinal));
        Assert.Throws<NoteVerificationException>(() => tampered.Verify([NoteVerifier.Parse(key.VerifierKey)]));
    }

    [Fact]
    public void Unknown_signatures_are_ignored_but_a_note_without_a_known_one_is_rejected()
    {
        using var known = SignerKey.Generate("log.example");
        using var other = SignerKey.Generate("log.example");
        var note = new Note("t\n", [other.Sign("t\n"), known.Sign("t\n")]);
        Assert.Single(Note.Parse(note.ToString()).Verify([NoteVerifier.Parse(known.VerifierKey)]));
        var onlyOther = new Note("t\n", [other.Sign("t\n")]);
        Assert.Throws<NoteVerificationException>(() => onlyOther.Verify([NoteVerifier.Parse(known.VerifierKey)]));
    }

    [Fact]
    public void Signature_that_claims_a_known_key_but_does_not_verify_rejects_the_whole_note()
    {
        using var key = SignerKey.Generate("log.example");
        var good = key.Sign("t\n");
        var forged = new NoteSignature(key.Name, key.KeyId, key.Sign("u\n").Signature);
        var note = new Note("t\n", [good, forged]);
        Assert.Throws<NoteVerificationException>(() => note.Verify([NoteVerifier.Parse(key.VerifierKey)]));
    }

    [Theory]
    [InlineData("no signatures\n", "blank line")]
    [InlineData("text\n\n", "em dash")]
    [InlineData("text\n\n— name AAAAAAA=", "end with a newline")]
    [InlineData("text\n\n- name AAAAAAA=\n", "em dash")]
    [InlineData("text\n\n— name\n", "no space")]
    [InlineData("text\n\n—  AAAAAAA=\n", "empty")]
    [InlineData("text\n\n— na+me AAAAAAA=\n", "'+'")]
    [InlineData("text\n\n— name AAAA\n", "too short")]
    [InlineData("text\n\n— name AAAAAAA\n", "base64")]
    [InlineData("text\n\n— name AAAAAAA= \n", "base64")]
    [InlineData("te\tst\n\n— name AAAAAAA=\n", "control character")]
    [InlineData("text\r\n\n— name AAAAAAA=\n", "control character")]
    public void Malformed_note_is_rejected_with_a_clear_reason(string note, string reason)
    {
        var e = Assert.Throws<NoteFormatException>(() => Note.Parse(note));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_with_more_than_the_signature_limit_is_rejected_but_sixteen_are_accepted()
    {
        var line = "— k AAAAAAA=\n";
        Assert.Equal(16, Note.Parse("t\n\n" + string.Concat(Enumerable.Repeat(line, 16))).Signatures.Count);
        Assert.Throws<NoteFormatException>(() => Note.Parse("t\n\n" + string.Concat(Enumerable.Repeat(line, Note.MaxSignatures + 1))));
    }

    [Fact]
    public void Note_text_may_contain_empty_lines_and_the_last_one_separates_the_signatures()
    {
        var note = Note.Parse("a\n\nb\n\n— k AAAAAAA=\n");
        Assert.Equal("a\n\nb\n", note.Text);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        Assert.Throws<NoteFormatException>(() => Note.Parse([0x61, 0xff, 0x0a, 0x0a]));
    }

    [Theory]
    [InlineData("origin\n10\n")]
    [InlineData("origin\n010\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n10\nAAAA\n")]
    [InlineData("\n10\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n10\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_checkpoint_is_rejected(string text)
    {
        Assert.Throws<NoteFormatException>(() => Checkpoint.Parse(text));
    }

    [Fact]
    public void Checkpoint_extension_lines_are_kept()
    {
        var c = Checkpoint.Parse("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n");
        Assert.Equal(["ext one"], c.Extensions);
        Assert.Equal("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\n", c.ToText());
    }

    [Fact]
    public void Policy_requires_k_distinct_witness_cosignatures_and_rejects_a_bad_one()
    {
        using var log = SignerKey.Generate("log.example");
        using var w1 = SignerKey.Generate("w1.example");
        using var w2 = SignerKey.Generate("w2.example");
        var checkpoint = new Checkpoint("log.example", 5, MerkleHash.Leaf([5]));
        var note = checkpoint.Sign(log);
        var time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var cosigned = note.WithSignatures([w1.Cosign(note.Text, time)]);
        var witnesses = new[] { NoteVerifier.ParseCosigner(w1.VerifierKey), NoteVerifier.ParseCosigner(w2.VerifierKey) };
        var logKeys = new[] { NoteVerifier.Parse(log.VerifierKey) };

        Assert.Equal(["w1.example"], new CheckpointPolicy("log.example", logKeys, witnesses, 1).Verify(Note.Parse(cosigned.ToString())).Witnesses);
        Assert.Throws<NoteVerificationException>(() => new CheckpointPolicy("log.example", logKeys, witnesses, 2).Verify(cosigned));
        Assert.Throws<NoteVerificationException>(() => new CheckpointPolicy("other.example", logKeys, witnesses, 0).Verify(cosigned));

        // A cosignature whose timestamp was changed no longer verifies.
        var cosignature = w1.Cosign(note.Text, time);
        var altered = (byte[])cosignature.Signature.Clone();
        altered[7] ^= 1;
        var bad = note.WithSignatures([new NoteSignature(w1.Name, w1.KeyId, altered)]);
        Assert.Throws<NoteVerificationException>(() => new CheckpointPolicy(null, logKeys, witnesses, 0).Verify(bad));

        // The cosigned message is the tlog-cosignature v1 layout with the timestamp from the signature.
        using var w1Public = ECDsa.Create();
        w1Public.ImportSubjectPublicKeyInfo(Convert.FromBase64String(w1.VerifierKey.Split('+', 3)[2])[1..], out _);
        var message = System.Text.Encoding.UTF8.GetBytes("cosignature/v1\ntime 1700000000\n" + note.Text);
        Assert.Equal(1_700_000_000UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(cosignature.Signature));
        Assert.True(w1Public.VerifyData(message, cosignature.Signature.AsSpan(8), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Checkpoint_signed_only_by_a_witness_is_not_accepted_as_signed_by_the_log()
    {
        using var log = SignerKey.Generate("log.example");
        using var w1 = SignerKey.Generate("w1.example");
        var text = new Checkpoint("log.example", 1, MerkleHash.Leaf([1])).ToText();
        var note = new Note(text, [w1.Cosign(text, DateTimeOffset.UnixEpoch.AddDays(1))]);
        var policy = new CheckpointPolicy(null, [NoteVerifier.Parse(log.VerifierKey)], [NoteVerifier.ParseCosigner(w1.VerifierKey)], 0);
        Assert.Throws<NoteVerificationException>(() => policy.Verify(note));
    }

    [Theory]
    [InlineData("name+0000000+AgAA")]
    [InlineData("name+00000000")]
    [InlineData("name+00000000+AQAA")]
    [InlineData("name+00000000+AgAA")]
    public void Malformed_verifier_key_is_rejected(string vkey)
    {
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(vkey));
    }

    [Fact]
    public void Verifier_key_with_a_wrong_key_id_is_rejected()
    {
        using var key = SignerKey.Generate("n");
        var parts = key.VerifierKey.Split('+', 3);
        var wrong = $"{parts[0]}+{(key.KeyId ^ 1):x8}+{parts[2]}";
        Assert.Throws<NoteFormatException>(() => NoteVerifier.Parse(wrong));
    }

    private static string ToKeyLine(string name, ECDsa key)
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        var id = Convert.ToHexStringLower(SHA256.HashData(spki)[..4]);
        return $"PRIVATE+KEY+{name}+{id}+{Convert.ToBase64String([0x02, .. key.ExportPkcs8PrivateKey()])}";
    }
}
