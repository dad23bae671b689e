using System.Text;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Appeals;

/// <summary>
/// Checks free text before it is stored: required, within its length, and well-formed Unicode
/// without control characters (PostgreSQL cannot store NUL; an unpaired surrogate is a broken
/// encoding). A form's bytes that are not UTF-8 reach the app already decoded, each as U+FFFD, the
/// replacement character: that is refused too, rather than stored with the person's letters lost
/// (ADR 0088). Text is otherwise stored exactly as given and rendered escaped.
/// </summary>
public static class TextInput
{
    public static string? Check(string? text, string field, int maxLength, Validation validation, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                validation.Add(field, "validation.required");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            validation.Add(field, maxLength == Data.Appeal.MaxTextLength ? "validation.text_too_long" : "validation.reason_too_long");
            return null;
        }

        if (!IsClean(text))
        {
            validation.Add(field, "validation.invalid_characters");
            return null;
        }

        return text.Normalize(NormalizationForm.FormC);
    }

    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\uFFFD' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }
}
