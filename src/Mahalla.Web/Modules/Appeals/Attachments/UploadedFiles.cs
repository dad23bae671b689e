using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Appeals.Attachments;

/// <summary>An uploaded file that passed the checks: a JPEG, PNG, WebP or PDF by its content, not its name.</summary>
public sealed record UploadedFile(string FileName, string ContentType, byte[] Content);

public static class UploadedFiles
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 5 * 1024 * 1024;

    public static async Task<List<UploadedFile>> CheckAsync(IReadOnlyList<IFormFile> files, string field, Validation validation, CancellationToken ct)
    {
        var accepted = new List<UploadedFile>();
        var present = files.Where(f => f.Length > 0).ToList();
        if (present.Count > MaxFiles)
        {
            validation.Add(field, "validation.attachments.too_many");
            return accepted;
        }

        foreach (var file in present)
        {
            if (file.Length > MaxBytes)
            {
                validation.Add(field, "validation.attachments.too_large");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var type = Sniff(bytes);
            if (type is null)
            {
                validation.Add(field, "validation.attachments.type");
                continue;
            }

            accepted.Add(new UploadedFile(SafeName(file.FileName), type, bytes));
        }

        return accepted;
    }

    /// <summary>The content type the bytes really are, or null when they are none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8) ? "application/pdf"
        : null;

    private static string SafeName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "file";
        }

        return clean.Length > 120 ? clean[^120..] : clean;
    }
}
