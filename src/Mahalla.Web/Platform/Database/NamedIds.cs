using System.Security.Cryptography;
using System.Text;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Ids derived from a name: the first 16 bytes of its SHA-256, marked as a name-based UUID. The same name gives the
/// same id on every node and in every installation (a territory from its SOATO code, a note from its idempotency key).
/// </summary>
public static class NamedIds
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
