using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Opaque, tamper-evident page tokens: base64url(JSON position + filter fingerprint) "." base64url(HMAC-SHA256).
/// A token that was edited, truncated, forged or issued for another filter does not verify.
/// </summary>
public sealed class ContinuationTokens(byte[] key)
{
    private const int MacBytes = 16;
    private const int MaxTokenLength = 1_000;

    public string Issue(ProjectPosition after, ProjectFilter filter)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(after.BrochureId, after.Ordinal, filter.Fingerprint()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>The position the token continues after, or null when it is not one this service issued for this filter.</summary>
    public ProjectPosition? Verify(string token, ProjectFilter filter)
    {
        if (token.Length is 0 or > MaxTokenLength) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload))) return null;
        TokenPayload? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<TokenPayload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
        if (parsed is null || parsed.B is null || parsed.F != filter.Fingerprint() || parsed.O < 0) return null;
        return new ProjectPosition(parsed.B, parsed.O);
    }

    /// <summary>The key from configuration, or one derived from a secret the app already has (the storage connection).</summary>
    public static ContinuationTokens FromSecret(string? configuredKey, string fallbackSecret) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("sstc-continuation-token|" + (string.IsNullOrEmpty(configuredKey) ? fallbackSecret : configuredKey))));

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(key, payload)[..MacBytes];

    private sealed record TokenPayload(string? B, int O, string? F);
}
