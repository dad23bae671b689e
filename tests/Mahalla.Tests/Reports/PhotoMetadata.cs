using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Mahalla.Tests.Reports;

/// <summary>Reads what a photo tells about where and with what it was taken, with an independent library (MetadataExtractor).</summary>
public static class PhotoMetadata
{
    public static IReadOnlyList<string> Gps(byte[] bytes) => Tags(bytes).OfType<GpsDirectory>()
        .SelectMany(d => d.Tags).Select(t => $"{t.Name}={t.Description}").ToList();

    public static IReadOnlyList<string> Camera(byte[] bytes) => Tags(bytes).OfType<ExifIfd0Directory>()
        .SelectMany(d => d.Tags).Where(t => t.Type is ExifDirectoryBase.TagMake or ExifDirectoryBase.TagModel)
        .Select(t => $"{t.Name}={t.Description}").ToList();

    public static int? Orientation(byte[] bytes) => Tags(bytes).OfType<ExifIfd0Directory>()
        .Select(d => d.TryGetInt32(ExifDirectoryBase.TagOrientation, out var o) ? o : (int?)null).FirstOrDefault(o => o is not null);

    private static IReadOnlyList<MetadataExtractor.Directory> Tags(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return ImageMetadataReader.ReadMetadata(stream);
    }
}
