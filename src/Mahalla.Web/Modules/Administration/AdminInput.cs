using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Administration;

/// <summary>A name in the four interface languages, as administrators type it and as the admin API returns it.</summary>
public sealed record NamesInput(string? UzLatn, string? UzCyrl, string? Ru, string? En)
{
    public static NamesInput From(LocalizedName name) => new(name.UzLatn, name.UzCyrl, name.Ru, name.En);
}

/// <summary>
/// Checks what administrators type before it reaches an entity: required, trimmed, within the
/// column's length and free of characters the databases cannot store. Errors are text keys, so
/// the API and the pages show them in the user's language.
/// </summary>
internal static class AdminInput
{
    public const int NameLength = 200;

    public static string? Text(string? value, string field, int maxLength, Validation validation, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                validation.Add(field, "validation.required");
            }

            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            validation.Add(field, maxLength switch
            {
                <= 40 => "admin.validation.too_long_40",
                <= 150 => "admin.validation.too_long_150",
                <= 200 => "admin.validation.too_long_200",
                <= 256 => "admin.validation.too_long_256",
                _ => "validation.text_too_long",
            });
            return null;
        }

        if (!TextInput.IsClean(text))
        {
            validation.Add(field, "validation.invalid_characters");
            return null;
        }

        return text.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>All four names are required: every page is shown in every language.</summary>
    public static LocalizedName? Names(NamesInput? names, Validation validation, int maxLength = NameLength)
    {
        var uzLatn = OneLine(Text(names?.UzLatn, "names.uzLatn", maxLength, validation));
        var uzCyrl = OneLine(Text(names?.UzCyrl, "names.uzCyrl", maxLength, validation));
        var ru = OneLine(Text(names?.Ru, "names.ru", maxLength, validation));
        var en = OneLine(Text(names?.En, "names.en", maxLength, validation));
        return uzLatn is null || uzCyrl is null || ru is null || en is null ? null : new LocalizedName(uzLatn, uzCyrl, ru, en);
    }

    /// <summary>
    /// A name on one line with single spaces: a line break, a tab or a double space pasted into a name is never meant, and
    /// would make "Bogʻbon  mahallasi" another mahalla than "Bogʻbon mahallasi" (ADR 0087).
    /// </summary>
    private static string? OneLine(string? name) =>
        name is null || !name.Any(char.IsWhiteSpace) ? name : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A new name in every language, for anything that is renamed.</summary>
public sealed record RenameRequest(NamesInput? Names);
