using System.Security.Cryptography;
using System.Text;
using Mahalla.Web.Platform.Errors;

namespace Mahalla.Web.Modules.Open311.Data;

/// <summary>
/// A client application allowed to post service requests (an organisation's own system, a civic app).
/// Guarantee: the key itself is never stored — only its SHA-256 hash and its first characters, so that
/// administrators can tell keys apart; whoever reads the database cannot post with a key.
/// </summary>
public sealed class Open311Client
{
    public const int MaxNameLength = 100;
    public const string KeyPrefixText = "m311_";
    public const int ShownPrefixLength = 12;

    private Open311Client()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>SHA-256 of the key, lowercase hex.</summary>
    public string KeyHash { get; private set; } = "";

    /// <summary>The key's first characters (<c>m311_AbCdEfG</c>), to recognise it in lists.</summary>
    public string KeyPrefix { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>A new client and its key; the key is returned this once and never again.</summary>
    public static (Open311Client Client, string Key) Issue(Guid id, string name, DateTime nowUtc) =>
        Issue(id, name, KeyPrefixText + Base64Url(RandomNumberGenerator.GetBytes(32)), nowUtc);

    /// <summary>A client for a key chosen elsewhere (the demo key from configuration).</summary>
    public static (Open311Client Client, string Key) Issue(Guid id, string name, string key, DateTime nowUtc)
    {
        Rule(!string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength, "open311.validation.client_name");
        Rule(key.Length is >= 8 and <= 200, "open311.validation.key");
        var client = new Open311Client
        {
            Id = id,
            Name = name.Trim(),
            KeyHash = Hash(key),
            KeyPrefix = key[..Math.Min(ShownPrefixLength, key.Length / 2)],
            CreatedAtUtc = nowUtc,
        };
        return (client, key);
    }

    public void Revoke(DateTime nowUtc)
    {
        Rule(IsActive, "open311.rule.client_already_revoked");
        RevokedAtUtc = nowUtc;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Rule(bool holds, string rule)
    {
        if (!holds)
        {
            throw new BusinessRuleException(rule);
        }
    }
}
