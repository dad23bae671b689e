using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mahalla.Web.Platform.Database;

namespace Mahalla.Web.Components.Shared;

/// <summary>
/// A page form that makes something carries an id of its own, new on every page load (ADR 0083). What the form makes is
/// named by that id and by what was written in it: the same form sent again unchanged (a double click, the back button)
/// makes nothing new, and a form whose text was changed after going back makes what its text now says.
/// </summary>
public static class FormOnce
{
    /// <summary>The value of a new form's hidden id field.</summary>
    public static string NewFormId() => Guid.NewGuid().ToString("N");

    /// <summary>The id of what the form makes, or null for a form id the page did not write (nothing is then deduplicated).</summary>
    public static Guid? IdFor<T>(string? form, T written) =>
        KeyFor(form, JsonSerializer.Serialize(written)) is { } key ? NamedIds.From("mahalla:form:" + key) : null;

    /// <summary>An idempotency key for a use case that takes one (a note), made the same way.</summary>
    public static string? KeyFor(string? form, string written) =>
        form is { Length: 32 } && form.All(char.IsAsciiHexDigit)
            ? $"page:{form}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(written)))[..32]}"
            : null;
}
