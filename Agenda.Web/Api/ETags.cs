using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Agenda.Web.Api;

/// <summary>
/// ETags are the contact's version as a strong tag, <c>"3"</c>: a version names exactly one JSON representation, so
/// byte-for-byte equality holds. If-None-Match compares weakly (W/"3" matches), If-Match strongly (RFC 9110 §13.1).
/// </summary>
internal static class ETags
{
    public static string Of(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>A parsed If-Match: <c>*</c>, or the versions named by strong tags (weak or foreign tags never match).</summary>
    public sealed record IfMatch(bool Any, IReadOnlySet<long> Versions)
    {
        public bool Matches(long version) => Any || Versions.Contains(version);
    }

    /// <summary>Null when the header is absent; false in <paramref name="valid"/> when it is present but unreadable.</summary>
    public static IfMatch? ReadIfMatch(string? header, out bool valid)
    {
        valid = true;
        if (string.IsNullOrWhiteSpace(header)) return null;
        if (!EntityTagHeaderValue.TryParseStrictList([header], out var tags)) { valid = false; return null; }
        var versions = tags.Where(t => !t.IsWeak).Select(VersionOf).OfType<long>().ToHashSet();
        return new IfMatch(tags.Any(t => t.Equals(EntityTagHeaderValue.Any)), versions);
    }

    /// <summary>True unless If-None-Match names this version or is *; an unreadable header is ignored (RFC 9110 §13.1.2).</summary>
    public static bool NoneMatch(string? header, long version)
    {
        if (string.IsNullOrWhiteSpace(header)) return true;
        if (!EntityTagHeaderValue.TryParseList([header], out var tags)) return true;
        return !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || VersionOf(t) == version);
    }

    private static long? VersionOf(EntityTagHeaderValue tag) =>
        long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
