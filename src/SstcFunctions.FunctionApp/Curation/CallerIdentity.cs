using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SstcFunctions.FunctionApp.Curation;

/// <summary>
/// Who made a change, as far as the platform says: App Service authentication (Easy Auth) puts the signed-in user in
/// the <c>x-ms-client-principal</c> header (base64 JSON) and strips any copy a client sends; without it the caller
/// is known only to hold a function key.
/// </summary>
public static class CallerIdentity
{
    public const string PrincipalHeader = "x-ms-client-principal";
    public const string PrincipalNameHeader = "x-ms-client-principal-name";
    public const string FunctionKey = "function key";
    private const int MaxLength = 200;

    private static readonly string[] NameClaims =
    [
        "name", "preferred_username", "email", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    public static string Of(HttpRequest request)
    {
        if (request.Headers[PrincipalHeader].ToString() is { Length: > 0 } encoded && FromPrincipal(encoded) is { } name) return Clean(name);
        if (request.Headers[PrincipalNameHeader].ToString() is { Length: > 0 } plain) return Clean(plain);
        return FunctionKey;
    }

    /// <summary>The name claim of an App Service client principal ({"auth_typ","name_typ","claims":[{"typ","val"}]}).</summary>
    public static string? FromPrincipal(string base64)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            var root = document.RootElement;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
            var values = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String
                    && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(c => (Type: c.GetProperty("typ").GetString()!, Value: c.GetProperty("val").GetString()!))
                .ToList();
            foreach (var type in (nameType is null ? NameClaims : [nameType, .. NameClaims]))
            {
                if (values.FirstOrDefault(c => c.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value) return value;
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Clean(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(MaxLength).ToArray()).Trim();
        return clean.Length == 0 ? FunctionKey : clean;
    }
}
