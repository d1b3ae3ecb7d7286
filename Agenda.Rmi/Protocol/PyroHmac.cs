using System.Security.Cryptography;

namespace Agenda.Rmi.Protocol;

/// <summary>
/// Pyro4 message signing (§7): HMAC-SHA1 over the payload as transmitted, then the values (not the ids) of every other
/// annotation in ascending id order. The header is not covered.
/// </summary>
public static class PyroHmac
{
    public const string AnnotationId = "HMAC";

    public static byte[] Compute(byte[] key, ReadOnlySpan<byte> data, IReadOnlyDictionary<string, byte[]> annotations)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
        hmac.AppendData(data);
        foreach (var (id, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            if (id != AnnotationId) hmac.AppendData(value);
        return hmac.GetHashAndReset();
    }

    /// <summary>Adds the HMAC annotation when a key is configured; returns the annotations unchanged otherwise.</summary>
    public static IReadOnlyDictionary<string, byte[]> Sign(byte[]? key, ReadOnlySpan<byte> data, IReadOnlyDictionary<string, byte[]> annotations)
    {
        if (key is null) return annotations;
        var signed = new Dictionary<string, byte[]>(annotations, StringComparer.Ordinal);
        signed[AnnotationId] = Compute(key, data, annotations);
        return signed;
    }

    /// <summary>Throws with Pyro4's SecurityError texts when the signature is wrong or only one side has a key.</summary>
    public static void Verify(byte[]? key, in PyroMessage message)
    {
        var signature = message.Annotations.GetValueOrDefault(AnnotationId);
        if (key is null && signature is null) return;
        if (key is null || signature is null) throw new PyroSecurityException("hmac key config not symmetric");
        var expected = Compute(key, message.Data.Span, message.Annotations);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) throw new PyroSecurityException("message hmac mismatch");
    }
}

/// <summary>A message failed HMAC verification; reported to Python as <c>Pyro4.errors.SecurityError</c> texts.</summary>
public sealed class PyroSecurityException(string message) : Exception(message);
