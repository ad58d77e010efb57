using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// The API's one entity-tag matcher, on the framework's <see cref="EntityTagHeaderValue"/>: <c>If-None-Match</c> on
/// reads (weak comparison, RFC 9110 §13.1.2: a proxy may have weakened our tag) and <c>If-Match</c> on edits (strong
/// comparison, §13.1.1). File downloads leave both to <c>FileStreamResult</c>.
/// </summary>
public static class EntityTags
{
    /// <summary>A strong tag of a body: 18 bytes of its SHA-256, URL-safe base64.</summary>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> body) =>
        new("\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18).Replace('+', '-').Replace('/', '_') + "\"");

    /// <summary>True when <c>If-None-Match</c> names <paramref name="current"/> (or <c>*</c>): answer 304.</summary>
    public static bool IfNoneMatchHits(StringValues ifNoneMatch, EntityTagHeaderValue current) =>
        AnyMatches(ifNoneMatch, current, useStrongComparison: false) ?? false;

    /// <summary>
    /// True when the edit may go ahead: no <c>If-Match</c> at all, or one naming <paramref name="current"/> (or <c>*</c>).
    /// An unparsable header matches nothing.
    /// </summary>
    public static bool IfMatchAllows(StringValues ifMatch, EntityTagHeaderValue current) =>
        StringValues.IsNullOrEmpty(ifMatch) || string.IsNullOrWhiteSpace(ifMatch.ToString()) || (AnyMatches(ifMatch, current, useStrongComparison: true) ?? false);

    private static bool? AnyMatches(StringValues header, EntityTagHeaderValue current, bool useStrongComparison)
    {
        if (header.Count == 0) return null;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return false;
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison));
    }
}
