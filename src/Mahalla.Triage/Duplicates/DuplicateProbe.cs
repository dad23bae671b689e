using System.Buffers.Binary;

namespace Mahalla.Triage.Duplicates;

/// <summary>
/// One new request compared with stored signatures one at a time, by the same rule as
/// <see cref="DuplicateGrouper"/>: the two signatures share at least one locality-sensitive band
/// and reach <see cref="DuplicateOptions.MinSimilarity"/>. For the case where the earlier requests'
/// groups are already stored and only the new request's best duplicate is wanted: nothing is
/// indexed or kept, and a stored signature is read from its base64 form on the stack.
/// </summary>
/// <remarks>Place, time and category are the caller's to check (e.g. in the query that yields the stored signatures).</remarks>
public sealed class DuplicateProbe
{
    private readonly uint[] values;
    private readonly bool empty;
    private readonly double minSimilarity;

    /// <summary>A probe for the request with <paramref name="signature"/>.</summary>
    public DuplicateProbe(TextSignature signature, double minSimilarity)
    {
        ArgumentNullException.ThrowIfNull(signature);
        values = signature.Values.ToArray();
        empty = signature.IsEmpty;
        this.minSimilarity = minSimilarity;
    }

    /// <summary>
    /// The estimated similarity to a stored signature (written by <see cref="TextSignature.ToBase64"/>)
    /// when the grouper would call the two duplicates; otherwise null.
    /// </summary>
    /// <exception cref="FormatException">Not a signature.</exception>
    public double? SimilarityTo(string storedBase64)
    {
        ArgumentNullException.ThrowIfNull(storedBase64);
        Span<byte> bytes = stackalloc byte[TextSignature.Length * 4];
        if (!Convert.TryFromBase64String(storedBase64, bytes, out var written) || written != bytes.Length)
        {
            throw new FormatException($"A signature is {TextSignature.Length * 4} bytes of base64.");
        }

        if (empty)
        {
            return null;
        }

        var same = 0;
        var sharesBand = false;
        var otherEmpty = true;
        for (var band = 0; band < DuplicateGrouper.Bands; band++)
        {
            var bandSame = true;
            for (var row = 0; row < DuplicateGrouper.Rows; row++)
            {
                var f = (band * DuplicateGrouper.Rows) + row;
                var other = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(f * 4)..]);
                otherEmpty &= other == uint.MaxValue;
                if (other == values[f])
                {
                    same++;
                }
                else
                {
                    bandSame = false;
                }
            }

            sharesBand |= bandSame;
        }

        if (otherEmpty || !sharesBand)
        {
            return null;
        }

        var similarity = same / (double)TextSignature.Length;
        return similarity >= minSimilarity ? similarity : null;
    }
}
