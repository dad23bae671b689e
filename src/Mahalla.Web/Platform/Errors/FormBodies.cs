using System.Text.Json.Serialization.Metadata;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// A form body sent to the API (multipart, with files) is held to the rules of a JSON body (ADR 0082): a field the
/// request does not have is refused rather than dropped, and a true/false field takes true or false, never anything
/// else read as false.
/// </summary>
public static class FormBodies
{
    /// <summary>
    /// Adds <c>validation.unknown_field</c> for every field that the JSON body <typeparamref name="T"/> does not have, by the
    /// names its JSON contract gives them; a map such as a report's answers comes as <c>answers[question]</c>. Files are
    /// checked apart.
    /// </summary>
    public static void RefuseUnknown<T>(HttpRequest request, IFormCollection form, Validation validation)
    {
        var options = JsonBodies.OptionsOf(request);
        var properties = options.GetTypeInfo(typeof(T)).Properties;
        bool Known(string key) => properties.Any(p => options.GetTypeInfo(p.PropertyType).Kind is JsonTypeInfoKind.Dictionary
            ? key.StartsWith(p.Name + "[", StringComparison.Ordinal) && key.EndsWith(']')
            : key == p.Name);
        foreach (var key in form.Keys.Where(k => !Known(k)))
        {
            validation.Add(JsonBodies.Shortened(key), "validation.unknown_field");
        }
    }

    /// <summary>
    /// A true/false field: <c>true</c>, <c>on</c> (a checked box) or <c>1</c> is true; missing, empty, <c>false</c>,
    /// <c>off</c> or <c>0</c> is false; anything else is refused (a "yes" read as false made an anonymous appeal public).
    /// </summary>
    public static bool Flag(IFormCollection form, string field, Validation validation)
    {
        var value = form[field].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value) || value is "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase)
            || value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        validation.Add(field, "validation.expected_true_or_false");
        return false;
    }
}
