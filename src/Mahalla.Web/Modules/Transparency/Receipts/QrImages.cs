using QRCoder;

namespace Mahalla.Web.Modules.Transparency.Receipts;

/// <summary>A QR code as a PNG data URI and its side in pixels.</summary>
internal sealed record QrImage(string DataUri, int Size);

/// <summary>QR codes for receipts: short URLs only, so the image stays around a kilobyte and the tracking page light.</summary>
internal static class QrImages
{
    private const int PixelsPerModule = 4;

    public static QrImage Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        return new QrImage("data:image/png;base64," + Convert.ToBase64String(png), data.ModuleMatrix.Count * PixelsPerModule);
    }
}
