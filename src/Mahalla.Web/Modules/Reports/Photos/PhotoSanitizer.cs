using System.Buffers.Binary;

namespace Mahalla.Web.Modules.Reports.Photos;

/// <summary>A photo after sanitising: what it really is, and its bytes without metadata.</summary>
public sealed record CleanPhoto(string ContentType, byte[] Content);

/// <summary>
/// Strips everything but the picture from JPEG, PNG and WebP files, by walking their container format (no
/// decoder needed): EXIF (GPS position, camera, serial numbers, times), XMP, IPTC, comments and text chunks
/// go; colour profiles and what the decoder needs stay. A JPEG's orientation is kept as a fresh EXIF block
/// holding that one tag, so that a phone photo is not shown sideways. Anything that is not a well-formed
/// file of these three kinds is refused (null), never stored as given.
/// </summary>
public static class PhotoSanitizer
{
    public static CleanPhoto? Clean(byte[] bytes)
    {
        try
        {
            return bytes switch
            {
                [0xFF, 0xD8, 0xFF, ..] => Jpeg(bytes) is { } jpeg ? new CleanPhoto("image/jpeg", jpeg) : null,
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(bytes) is { } png ? new CleanPhoto("image/png", png) : null,
                _ when bytes.Length >= 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8)
                    => WebP(bytes) is { } webp ? new CleanPhoto("image/webp", webp) : null,
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[]? Jpeg(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write([0xFF, 0xD8]);
        var pos = 2;
        var sawFrame = false;
        var orientation = 1;
        var wroteOrientation = false;
        while (pos + 4 <= b.Length)
        {
            if (b[pos] != 0xFF)
            {
                return null;
            }

            var marker = b[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(pos + 2));
            if (length < 2 || pos + 2 + length > b.Length)
            {
                return null;
            }

            var segment = b.AsSpan(pos, 2 + length);
            var payload = b.AsSpan(pos + 4, length - 2);
            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture runs to the end; copy it and stop.
                if (!sawFrame)
                {
                    return null;
                }

                if (orientation != 1 && !wroteOrientation)
                {
                    output.Write(OrientationExif(orientation));
                }

                output.Write(b.AsSpan(pos));
                return output.ToArray();
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                sawFrame = true;
            }

            if (marker == 0xE1 && payload.StartsWith("Exif\0\0"u8))
            {
                orientation = ReadOrientation(payload[6..]);
            }

            var keep = marker switch
            {
                0xE0 => payload.StartsWith("JFIF\0"u8) || payload.StartsWith("JFXX\0"u8),
                0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
                0xEE => payload.StartsWith("Adobe"u8), // colour transform flag the decoder needs
                >= 0xE1 and <= 0xEF => false,        // EXIF, XMP, IPTC, maker data
                0xFE => false,                         // comment
                _ => true,                             // tables, frame headers, restart intervals
            };
            if (keep)
            {
                if (marker is not (0xE0 or 0xE2 or 0xEE) && orientation != 1 && !wroteOrientation)
                {
                    output.Write(OrientationExif(orientation));
                    wroteOrientation = true;
                }

                output.Write(segment);
            }

            pos += 2 + length;
        }

        return null;
    }

    /// <summary>The Orientation tag (0x0112) of IFD0, or 1 when there is none or it is malformed.</summary>
    private static int ReadOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 1;
        }

        var little = tiff[0] == 'I' && tiff[1] == 'I';
        if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        {
            return 1;
        }

        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        var ifd = U32(tiff[4..]);
        if (ifd + 2 > tiff.Length)
        {
            return 1;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length)
            {
                return 1;
            }

            if (U16(tiff[entry..]) == 0x0112)
            {
                var value = U16(tiff[(entry + 8)..]);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }

        return 1;
    }

    /// <summary>An APP1 EXIF segment with one IFD0 entry: Orientation.</summary>
    private static byte[] OrientationExif(int orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
            0, 1,                                    // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0,                              // no next IFD
        ];
        var length = 2 + 6 + tiff.Length;
        var segment = new byte[2 + length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)length);
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    private static readonly HashSet<string> PngKeep = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "acTL", "fcTL", "fdAT"];

    private static byte[]? Png(byte[] b)
    {
        using var output = new MemoryStream(b.Length);
        output.Write(b.AsSpan(0, 8));
        var pos = 8;
        var first = true;
        while (pos + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(pos));
            if (length > int.MaxValue || pos + 12 + (long)length > b.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
            if (first && type != "IHDR")
            {
                return null;
            }

            first = false;
            var total = 12 + (int)length;
            if (PngKeep.Contains(type))
            {
                output.Write(b.AsSpan(pos, total));
            }

            pos += total;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }

    private static byte[]? WebP(byte[] b)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4));
        if (riffSize + 8L > b.Length || riffSize < 4)
        {
            return null;
        }

        var end = 8 + (int)riffSize;
        using var body = new MemoryStream(b.Length);
        body.Write("WEBP"u8);
        var pos = 12;
        var sawImage = false;
        while (pos + 8 <= end)
        {
            var fourcc = System.Text.Encoding.ASCII.GetString(b, pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4));
            var padded = size + (size & 1);
            if (pos + 8L + padded > end && pos + 8L + size != end)
            {
                return null;
            }

            var chunkLength = (int)Math.Min(8 + padded, end - pos);
            switch (fourcc)
            {
                case "EXIF" or "XMP ":
                    break;
                case "VP8X":
                    var chunk = b.AsSpan(pos, chunkLength).ToArray();
                    chunk[8] &= 0b1111_0011; // clear the EXIF (bit 3) and XMP (bit 2) flags
                    body.Write(chunk);
                    break;
                default:
                    sawImage |= fourcc is "VP8 " or "VP8L" or "ANMF";
                    body.Write(b.AsSpan(pos, chunkLength));
                    break;
            }

            pos += chunkLength;
        }

        if (!sawImage)
        {
            return null;
        }

        var output = new byte[8 + body.Length];
        "RIFF"u8.CopyTo(output);
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4), (uint)body.Length);
        body.ToArray().CopyTo(output, 8);
        return output;
    }
}
