using Mahalla.Tests.Reports;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Reports.Photos;

namespace Mahalla.Tests.Domain;

public sealed class GeoAndPhotoTests
{
    private const string SquareWithHole =
        "{\"type\":\"Polygon\",\"coordinates\":[[[69,41],[69.1,41],[69.1,41.1],[69,41.1],[69,41]],[[69.04,41.04],[69.06,41.04],[69.06,41.06],[69.04,41.06],[69.04,41.04]]]}";

    [Theory]
    [InlineData(41.02, 69.02, true)]
    [InlineData(41.05, 69.05, false)] // in the hole
    [InlineData(41.2, 69.05, false)]
    [InlineData(41.099, 69.099, true)]
    public void A_point_is_inside_the_outer_ring_and_outside_its_holes(double lat, double lon, bool inside) =>
        Assert.Equal(inside, GeoShape.Parse(SquareWithHole).Contains(lat, lon));

    [Fact]
    public void A_multipolygon_contains_the_points_of_each_part_and_a_feature_reads_its_geometry()
    {
        var shape = GeoShape.Parse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" +
            "[[[69,41],[69.1,41],[69.1,41.1],[69,41]]],[[[70,42],[70.1,42],[70.1,42.1],[70,42]]]]}}");

        Assert.True(shape.Contains(41.01, 69.09));
        Assert.True(shape.Contains(42.01, 70.09));
        Assert.False(shape.Contains(41.5, 69.5));
        Assert.True(GeoShape.Parse(shape.ToGeoJson()).Contains(42.01, 70.09));
    }

    [Theory]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[69,41]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[69,41],[69.1,41],[69.1,41.1],[69,41.1]]]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[69,41],[69.1,41],[69,41]]]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[69,91],[69.1,41],[69.1,41.1],[69,91]]]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[\"69\",41],[69.1,41],[69.1,41.1],[\"69\",41]]]}")]
    [InlineData("{\"type\":\"Polygon\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[69,41],")]
    public void Anything_but_a_valid_polygon_is_refused_with_a_reason(string json) =>
        Assert.False(string.IsNullOrEmpty(Assert.Throws<GeoJsonException>(() => GeoShape.Parse(json)).Message));

    [Fact]
    public void Distances_on_the_sphere_match_known_values()
    {
        // One degree of latitude is about 111.2 km; Tashkent–Samarkand is about 270 km as the crow flies.
        Assert.InRange(Earth.DistanceMeters(41, 69, 42, 69), 111_000, 111_400);
        Assert.InRange(Earth.DistanceMeters(41.2995, 69.2401, 39.6542, 66.9597), 260_000, 280_000);
    }

    [Theory]
    [InlineData("gps.jpg", "image/jpeg")]
    [InlineData("gps.png", "image/png")]
    [InlineData("gps.webp", "image/webp")]
    public void Sanitising_removes_the_position_and_the_camera_and_keeps_the_picture(string name, string type)
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", name));

        var clean = PhotoSanitizer.Clean(original);

        Assert.NotNull(clean);
        Assert.Equal(type, clean.ContentType);
        Assert.NotEmpty(PhotoMetadata.Gps(original));
        Assert.NotEmpty(PhotoMetadata.Camera(original));
        Assert.Empty(PhotoMetadata.Gps(clean.Content));
        Assert.Empty(PhotoMetadata.Camera(clean.Content));
        Assert.True(clean.Content.Length < original.Length);
        Assert.Equal(clean.Content, PhotoSanitizer.Clean(clean.Content)!.Content); // idempotent
    }

    [Fact]
    public void A_jpeg_keeps_only_its_orientation_so_that_it_is_not_shown_sideways()
    {
        var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", "gps.jpg"));

        var clean = PhotoSanitizer.Clean(original)!;

        Assert.Equal(6, PhotoMetadata.Orientation(original));
        Assert.Equal(6, PhotoMetadata.Orientation(clean.Content));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 })]                       // truncated JPEG
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0, 0, 0xFF, 0xD9 })]       // scan before any frame
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 })] // PNG without IHDR
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]                               // a PDF is not a photo
    [InlineData(new byte[] { })]
    public void Malformed_or_other_files_are_refused(byte[] bytes) => Assert.Null(PhotoSanitizer.Clean(bytes));

    [Fact]
    public void A_truncated_copy_of_a_real_photo_is_refused_at_every_length_without_throwing()
    {
        foreach (var name in new[] { "gps.jpg", "gps.png", "gps.webp" })
        {
            var original = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Fixtures", name));
            for (var length = 0; length < original.Length - 2; length += 7)
            {
                var result = PhotoSanitizer.Clean(original[..length]);
                if (result is not null)
                {
                    // Only a cut inside the JPEG's compressed data can still parse; it never carries the metadata.
                    Assert.Empty(PhotoMetadata.Gps(result.Content));
                }
            }
        }
    }
}
