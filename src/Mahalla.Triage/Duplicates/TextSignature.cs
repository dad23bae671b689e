using System.Buffers.Binary;
using Mahalla.Triage.Classification;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Duplicates;

/// <summary>
/// A MinHash signature of a text's character 4-grams, taken on normalised text so that script,
/// apostrophes and case do not matter. Two signatures estimate the Jaccard similarity of the
/// texts. Immutable; stable across processes and versions of this format (store it as base64).
/// </summary>
public sealed class TextSignature
{
    /// <summary>Number of hash functions (and of values in a signature).</summary>
    public const int Length = 64;

    private const int Shingle = 4;

    private static readonly (ulong A, ulong B)[] Functions = CreateFunctions();

    private readonly uint[] values;

    private TextSignature(uint[] values) => this.values = values;

    internal ReadOnlySpan<uint> Values => values;

    /// <summary>True when the text had no letters or digits to sign; such a signature resembles nothing.</summary>
    public bool IsEmpty => values[0] == uint.MaxValue && values.AsSpan().IndexOfAnyExcept(uint.MaxValue) < 0;

    /// <summary>The signature of <paramref name="text"/> (normalised first).</summary>
    public static TextSignature Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OfTokens(Tokenizer.Tokens(TextNormalizer.Normalize(text).Text));
    }

    /// <summary>As <see cref="Of"/>, from the tokens of the normalised text.</summary>
    internal static TextSignature OfTokens(List<string> tokens)
    {
        var joined = " " + string.Join(' ', tokens) + " ";
        var values = new uint[Length];
        values.AsSpan().Fill(uint.MaxValue);
        if (tokens.Count == 0)
        {
            return new TextSignature(values);
        }

        var shingles = new HashSet<ulong>();
        for (var i = 0; i + Shingle <= joined.Length; i++)
        {
            shingles.Add(Fnv(joined.AsSpan(i, Shingle)));
        }

        foreach (var shingle in shingles)
        {
            for (var f = 0; f < Length; f++)
            {
                var h = (uint)(((Functions[f].A * shingle) + Functions[f].B) >> 32);
                if (h < values[f])
                {
                    values[f] = h;
                }
            }
        }

        return new TextSignature(values);
    }

    /// <summary>Estimated Jaccard similarity of the two texts' 4-gram sets, 0 to 1.</summary>
    public double Similarity(TextSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        var same = 0;
        for (var f = 0; f < Length; f++)
        {
            same += values[f] == other.values[f] ? 1 : 0;
        }

        return same / (double)Length;
    }

    /// <summary>The signature as base64 (256 bytes of little-endian values), for storage beside the request.</summary>
    public string ToBase64()
    {
        var bytes = new byte[Length * 4];
        for (var f = 0; f < Length; f++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(f * 4), values[f]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Reads a signature written by <see cref="ToBase64"/>.</summary>
    /// <exception cref="FormatException">Not a signature.</exception>
    public static TextSignature FromBase64(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length != Length * 4)
        {
            throw new FormatException($"A signature is {Length * 4} bytes, not {bytes.Length}.");
        }

        var values = new uint[Length];
        for (var f = 0; f < Length; f++)
        {
            values[f] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(f * 4));
        }

        return new TextSignature(values);
    }

    private static ulong Fnv(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static (ulong, ulong)[] CreateFunctions()
    {
        // Fixed seed: stored signatures must stay comparable with new ones.
        var random = new SplitMix64(0x4D61_6861_6C6C_61UL);
        return [.. Enumerable.Range(0, Length).Select(_ => (random.Next() | 1UL, random.Next()))];
    }
}
