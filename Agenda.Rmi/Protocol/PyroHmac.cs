using System.Buffers;
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
        return Finish(hmac, annotations);
    }

    /// <summary>As the span overload, for a payload held in pieces.</summary>
    public static byte[] Compute(byte[] key, in ReadOnlySequence<byte> data, IReadOnlyDictionary<string, byte[]> annotations)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
        foreach (var piece in data) hmac.AppendData(piece.Span);
        return Finish(hmac, annotations);
    }

    private static byte[] Finish(IncrementalHash hmac, IReadOnlyDictionary<string, byte[]> annotations)
    {
        foreach (var (id, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
            if (id != AnnotationId) hmac.AppendData(value);
        return hmac.GetHashAndReset();
    }

    /// <summary>Adds the HMAC annotation when a key is configured; returns the annotations unchanged otherwise.</summary>
    public static IReadOnlyDictionary<string, byte[]> Sign(byte[]? key, ReadOnlySpan<byte> data, IReadOnlyDictionary<string, byte[]> annotations) =>
        key is null ? annotations : With(annotations, Compute(key, data, annotations));

    public static IReadOnlyDictionary<string, byte[]> Sign(byte[]? key, in ReadOnlySequence<byte> data, IReadOnlyDictionary<string, byte[]> annotations) =>
        key is null ? annotations : With(annotations, Compute(key, data, annotations));

    private static Dictionary<string, byte[]> With(IReadOnlyDictionary<string, byte[]> annotations, byte[] signature) =>
        new(annotations, StringComparer.Ordinal) { [AnnotationId] = signature };

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
