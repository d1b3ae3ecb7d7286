using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Agenda.Core.Accounts;

/// <summary>
/// The text of a personal access token, <c>agt_{id}_{secret}</c>: the id finds the row without scanning, the secret is
/// 32 random bytes in base64url (43 characters, which may themselves contain '_'). Only SHA-256 of the secret is
/// stored; a fast hash is enough because the secret has 256 bits of entropy, unlike a password.
/// </summary>
internal static class AccessTokenText
{
    public const string Prefix = "agt_";
    private const int SecretBytes = 32;
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Format(long id, string secret) => $"{Prefix}{id}_{secret}";

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Splits a presented token; false for anything this service could not have issued.</summary>
    public static bool TryParse(string? token, out long id, out string secret)
    {
        id = 0;
        secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || !long.TryParse(rest[..separator], System.Globalization.NumberStyles.None, null, out id)) return false;
        secret = rest[(separator + 1)..].ToString();
        return secret.Length == SecretLength;
    }
}
