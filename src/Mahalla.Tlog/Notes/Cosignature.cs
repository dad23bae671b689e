using System.Globalization;
using System.Text;

namespace Mahalla.Tlog.Notes;

/// <summary>The message a witness signs (tlog-cosignature v1.0.1), shared by signing and verification.</summary>
internal static class Cosignature
{
    public static byte[] Message(string checkpointText, long timestamp) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {timestamp}\n{checkpointText}"));
}
