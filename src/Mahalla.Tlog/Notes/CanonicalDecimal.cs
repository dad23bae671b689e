using System.Globalization;

namespace Mahalla.Tlog.Notes;

internal static class CanonicalDecimal
{
    // Sizes and indexes in checkpoints, witness requests and proofs are ASCII decimals without leading
    // zeros (so each number has exactly one spelling); "0" is the only number starting with 0.
    public static long Parse(string text, string what)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0')
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new NoteFormatException($"The {what} \"{text}\" is not a decimal number without leading zeros.");
        }

        return value;
    }
}
