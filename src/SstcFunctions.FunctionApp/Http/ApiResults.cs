using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>The response shapes of the API: JSON bodies in the record JSON shape, and RFC 7807 problems for every error.</summary>
public static class ApiResults
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>Catalogue reads may be reused briefly; a client revalidates with If-None-Match afterwards.</summary>
    public const string CatalogueReadCaching = "public, max-age=10";
    /// <summary>Brochure status changes while a brochure is processed: always revalidate.</summary>
    public const string StatusReadCaching = "no-cache";

    public static BodyResult Json<T>(T value, int statusCode = StatusCodes.Status200OK, string? cacheControl = CatalogueReadCaching,
        IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, RecordJson.Options), JsonContentType)
        {
            CacheControl = cacheControl,
            Headers = headers ?? new Dictionary<string, string>(),
        };

    public static BodyResult Problem(int statusCode, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var problem = new JsonObject
        {
            ["type"] = "https://www.rfc-editor.org/rfc/rfc9110#status." + statusCode.ToString(CultureInfo.InvariantCulture),
            ["title"] = title,
            ["status"] = statusCode,
            ["detail"] = detail,
        };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem[name] = JsonSerializer.SerializeToNode(value, RecordJson.Options);
        }
        return new BodyResult(statusCode, JsonSerializer.SerializeToUtf8Bytes(problem, RecordJson.Options), ProblemContentType)
        {
            CacheControl = "no-store",
            Headers = headers ?? new Dictionary<string, string>(),
        };
    }

    public static BodyResult BadRequest(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail, extensions);

    public static BodyResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);
}
