using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Curation;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// The members a problem of this API may carry besides RFC 9457's own (the "extension members"): one typed list, so
/// the code that answers and the OpenAPI schema (generated from this type) cannot disagree.
/// </summary>
public sealed record ProblemExtensions
{
    /// <summary>The query parameter that was wrong.</summary>
    public string? Parameter { get; init; }
    /// <summary>The values it accepts.</summary>
    public IReadOnlyList<string>? ValidValues { get; init; }
    /// <summary>The query parameters the operation accepts (for an unknown parameter).</summary>
    public IReadOnlyList<string>? ValidParameters { get; init; }
    /// <summary>Every field of a patch or card that is wrong.</summary>
    public IReadOnlyList<FieldProblem>? Errors { get; init; }
    /// <summary>On 412: the project's current ETag.</summary>
    public string? CurrentETag { get; init; }
    /// <summary>On 409: the brochure the file name maps to, its file and its URL.</summary>
    public string? BrochureId { get; init; }
    public string? ExistingFileName { get; init; }
    public string? Existing { get; init; }
    /// <summary>On 500: the id under which the failure was logged.</summary>
    public string? TraceId { get; init; }
}

/// <summary>The response shapes of the API: JSON bodies in the record JSON shape, and RFC 9457 problems for every error.</summary>
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

    /// <summary>The framework's <see cref="ProblemDetails"/> for <paramref name="statusCode"/>, with the given extension members.</summary>
    public static ProblemDetails ProblemDetails(int statusCode, string title, string? detail, ProblemExtensions? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status." + statusCode.ToString(CultureInfo.InvariantCulture),
            Title = title,
            Status = statusCode,
            Detail = detail,
        };
        if (extensions is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(extensions, RecordJson.Options)!.AsObject())
            {
                if (value is not null) problem.Extensions[name] = value.DeepClone();
            }
        }
        return problem;
    }

    /// <summary>A problem answer (application/problem+json, never cached). Every error of the API is made here.</summary>
    public static BodyResult Problem(int statusCode, string title, string? detail, ProblemExtensions? extensions = null,
        IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(ProblemDetails(statusCode, title, detail, extensions), RecordJson.Options), ProblemContentType)
        {
            CacheControl = "no-store",
            Headers = headers ?? new Dictionary<string, string>(),
        };

    public static BodyResult BadRequest(string detail, ProblemExtensions? extensions = null) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail, extensions);

    public static BodyResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);
}
