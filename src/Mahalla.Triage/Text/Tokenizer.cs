using System.Globalization;

namespace Mahalla.Triage.Text;

/// <summary>Splits normalised text into words: letters, digits and combining marks, with ʻ and ʼ kept inside a word.</summary>
internal static class Tokenizer
{
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsInnerMark(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)))
            {
                i++;
            }

            // oʻ and gʻ at the end of a word (bogʻ, togʻ) keep their mark.
            if (i < text.Length && text[i] == UzbekTransliteration.OkinaMark && text[i - 1] is 'o' or 'g' or 'O' or 'G')
            {
                i++;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    // ʻ and ʼ are modifier letters to Unicode, but they only belong to a word between letters.
    public static bool IsWordChar(char c) =>
        (char.IsLetterOrDigit(c) && c is not UzbekTransliteration.OkinaMark and not UzbekTransliteration.TutuqMark) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsInnerMark(char c) => c is UzbekTransliteration.OkinaMark or UzbekTransliteration.TutuqMark or '-';
}
