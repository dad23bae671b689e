using System.Text.Json.Serialization.Metadata;

namespace Mahalla.Web.Platform.Errors;

/// <summary>
/// A form body sent to the API (multipart, with files) is held to the rules of a JSON body (ADRs 0082 and 0085): a field
/// the request does not have is refused rather than dropped, a field is given once, and a true/false field takes true or
/// false, never anything else read as false.
/// </summary>
public static class FormBodies
{
    /// <summary>
    /// Adds <c>validation.unknown_field</c> for every field that the JSON body <typeparamref name="T"/> does not have, by the
    /// names its JSON contract gives them (a map such as a report's answers comes as <c>answers[question]</c>), and
    /// <c>validation.duplicate_field</c> for a field given more than once that does not take a list: it would otherwise
    /// be read as its values joined by commas, or as the first of them (ADR 0085). Files are checked apart.
    /// </summary>
    public static void RefuseUnknownOrRepeated<T>(HttpRequest request, IFormCollection form, Validation validation)
    {
        var options = JsonBodies.OptionsOf(request);
        var properties = options.GetTypeInfo(typeof(T)).Properties.Select(p => (p.Name, Info: options.GetTypeInfo(p.PropertyType))).ToList();

        // What a field holds: a property's type, or for answers[question] the type of the map's values; null when unknown.
        JsonTypeInfo? Target(string key)
        {
            foreach (var (name, info) in properties)
            {
                if (info is { Kind: JsonTypeInfoKind.Dictionary, ElementType: { } element })
                {
                    if (key.StartsWith(name + "[", StringComparison.Ordinal) && key.EndsWith(']'))
                    {
                        return options.GetTypeInfo(element);
                    }
                }
                else if (key == name)
                {
                    return info;
                }
            }

            return null;
        }

        foreach (var (key, values) in form)
        {
            var target = Target(key);
            if (target is null)
            {
                validation.Add(JsonBodies.Shortened(key), "validation.unknown_field");
            }
            else if (values.Count > 1 && target.Kind is not JsonTypeInfoKind.Enumerable)
            {
                validation.Add(JsonBodies.Shortened(key), "validation.duplicate_field");
            }
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
