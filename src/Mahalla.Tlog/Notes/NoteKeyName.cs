namespace Mahalla.Tlog.Notes;

internal static class NoteKeyName
{
    // signed-note: key names are non-empty and contain no Unicode space and no '+'.
    public static void Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new NoteFormatException("A key name cannot be empty.");
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))
            {
                throw new NoteFormatException($"The key name \"{name}\" contains a space, a control character or '+'.");
            }
        }
    }
}

internal static class Base64
{
    // Convert.FromBase64String skips whitespace and accepts non-zero padding bits; a strict format must
    // have exactly one encoding per value, so the text is compared with the re-encoding.
    public static byte[] DecodeStrict(string text, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new NoteFormatException($"The {what} is not valid base64.");
        }

        if (Convert.ToBase64String(bytes) != text)
        {
            throw new NoteFormatException($"The {what} is not canonical base64.");
        }

        return bytes;
    }
}
