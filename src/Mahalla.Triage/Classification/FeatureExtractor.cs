using System.Buffers;
using System.Runtime.InteropServices;
using Mahalla.Triage.Languages;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Classification;

/// <summary>How a text becomes features; stored in the model so that prediction repeats training exactly.</summary>
/// <param name="Normalise">
/// True: features come from <see cref="TextNormalizer.Normalize(string)"/> (language identified,
/// Uzbek Cyrillic written in Latin). False: from <see cref="TextNormalizer.Clean"/> folded
/// invariantly, script kept — what the language identifier itself needs.
/// </param>
/// <param name="CharMin">Shortest character n-gram (within a word padded with boundary marks).</param>
/// <param name="CharMax">Longest character n-gram.</param>
/// <param name="WordNgrams">1: words; 2: words and word pairs.</param>
/// <param name="HashBits">Size of the hashed feature space, 2^HashBits.</param>
public sealed record FeatureOptions(bool Normalise = true, int CharMin = 2, int CharMax = 5, int WordNgrams = 2, int HashBits = 22)
{
    /// <summary>The features of the request classifier.</summary>
    public static FeatureOptions Requests { get; } = new();

    /// <summary>The features of the language identifier.</summary>
    public static FeatureOptions LanguageId { get; } = new(Normalise: false, CharMin: 1, CharMax: 4, WordNgrams: 1, HashBits: 22);
}

/// <summary>A sparse, L2-normalised feature vector: ascending hashed feature ids and their values.</summary>
internal readonly record struct SparseVector(int[] Ids, float[] Values);

/// <summary>
/// Character n-grams inside words (robust to misspelling and suffixes) plus word n-grams,
/// hashed with a fixed FNV-1a so that ids never depend on the process or platform.
/// </summary>
internal static class FeatureExtractor
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static SparseVector Extract(string text, FeatureOptions options)
    {
        var key = Key(text, options);
        return FromTokens(Tokenizer.Tokens(key), key.Length, options);
    }

    /// <summary>As <see cref="Extract"/>, from the tokens of the text's key, already split (<paramref name="keyLength"/>: the key's length).</summary>
    internal static SparseVector FromTokens(List<string> tokens, int keyLength, FeatureOptions options)
    {
        var hashes = new List<int>(keyLength * (options.CharMax - options.CharMin + 2));
        var mask = (1 << options.HashBits) - 1;

        Span<char> padded = stackalloc char[66];
        ulong previousWord = 0;
        foreach (var token in tokens)
        {
            var word = token.Length > 64 ? token[..64] : token;
            padded[0] = '\u0002';
            word.AsSpan().CopyTo(padded[1..]);
            padded[word.Length + 1] = '\u0003';
            var span = padded[..(word.Length + 2)];
            for (var n = options.CharMin; n <= options.CharMax; n++)
            {
                for (var start = 0; start + n <= span.Length; start++)
                {
                    // A lone boundary mark carries nothing.
                    if (n == 1 && (start == 0 || start == span.Length - 1))
                    {
                        continue;
                    }

                    hashes.Add((int)(Hash(span.Slice(start, n), (ulong)n) & (ulong)mask));
                }
            }

            var wordHash = Hash(word, 0x9E3779B97F4A7C15UL);
            hashes.Add((int)(wordHash & (ulong)mask));
            if (options.WordNgrams >= 2 && previousWord != 0)
            {
                hashes.Add((int)(((previousWord * 31) ^ wordHash ^ 0x5bd1e995UL) * FnvPrime & (ulong)mask));
            }

            previousWord = wordHash;
        }

        return ToVector(hashes);
    }

    /// <summary>The text the features are computed from.</summary>
    public static string Key(string text, FeatureOptions options) => options.Normalise
        ? TextNormalizer.Normalize(text).Text
        : TextNormalizer.FoldCase(TextNormalizer.Clean(text), Language.Other);

    private static SparseVector ToVector(List<int> hashes)
    {
        if (hashes.Count == 0)
        {
            return new SparseVector([], []);
        }

        var span = CollectionsMarshal.AsSpan(hashes);
        SortIds(span);
        var ids = new List<int>(span.Length);
        var values = new List<float>(span.Length);
        var run = 1;
        for (var i = 1; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] == span[i - 1])
            {
                run++;
                continue;
            }

            ids.Add(span[i - 1]);

            // Sublinear term frequency: a word repeated in an angry message is not ten times the evidence.
            values.Add(1f + MathF.Log(run));
            run = 1;
        }

        var norm = 0.0;
        foreach (var v in values)
        {
            norm += v * v;
        }

        var scale = (float)(1.0 / Math.Sqrt(norm));
        var valueArray = values.ToArray();
        for (var i = 0; i < valueArray.Length; i++)
        {
            valueArray[i] *= scale;
        }

        return new SparseVector(ids.ToArray(), valueArray);
    }

    /// <summary>
    /// Sorts feature ids ascending. Ids below 2^22 (every model's hash space so far) are sorted by two passes of an
    /// 11-bit radix sort, which orders a request's thousand or so ids in a few linear passes where a comparison sort
    /// spent most of the feature extraction; the order is the same, so the vector is too.
    /// </summary>
    internal static void SortIds(Span<int> ids)
    {
        const int Bits = 11, Buckets = 1 << Bits, Mask = Buckets - 1;
        if (ids.Length < 64 || ids.ContainsAnyExceptInRange(0, (1 << (2 * Bits)) - 1))
        {
            ids.Sort();
            return;
        }

        Span<int> low = stackalloc int[Buckets];
        Span<int> high = stackalloc int[Buckets];
        low.Clear();
        high.Clear();
        foreach (var id in ids)
        {
            low[id & Mask]++;
            high[id >> Bits]++;
        }

        int lowStart = 0, highStart = 0;
        for (var b = 0; b < Buckets; b++)
        {
            (low[b], lowStart) = (lowStart, lowStart + low[b]);
            (high[b], highStart) = (highStart, highStart + high[b]);
        }

        var rented = ArrayPool<int>.Shared.Rent(ids.Length);
        var scratch = rented.AsSpan(0, ids.Length);
        foreach (var id in ids)
        {
            scratch[low[id & Mask]++] = id;
        }

        foreach (var id in scratch)
        {
            ids[high[id >> Bits]++] = id;
        }

        ArrayPool<int>.Shared.Return(rented);
    }

    private static ulong Hash(ReadOnlySpan<char> chars, ulong seed)
    {
        var hash = FnvOffset ^ (seed * FnvPrime);
        foreach (var c in chars)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        // Final avalanche so that the low bits used for bucketing depend on every character.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
