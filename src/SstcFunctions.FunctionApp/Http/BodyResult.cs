using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// A finished response body with its headers. Writes itself without MVC formatters, so it behaves the same in the
/// Functions host, the local host and a test's DefaultHttpContext. Successful GETs carry a strong ETag of the body and
/// answer a matching If-None-Match with 304.
/// </summary>
public sealed class BodyResult(int statusCode, byte[] body, string contentType) : IActionResult
{
    public int StatusCode { get; } = statusCode;
    public byte[] Body { get; } = body;
    public string ContentType { get; } = contentType;
    public string? CacheControl { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A bodiless answer (204).</summary>
    public static BodyResult Empty(int statusCode) => new(statusCode, [], "");

    private EntityTagHeaderValue? _etag;

    /// <summary>Strong tag of the body, hashed once per result (a cached result is served many times).</summary>
    public EntityTagHeaderValue ETag => _etag ??= EntityTags.Of(Body);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        foreach (var (name, value) in Headers) response.Headers[name] = value;
        if (CacheControl is not null) response.Headers.CacheControl = CacheControl;

        var cacheable = StatusCode == StatusCodes.Status200OK && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        if (cacheable)
        {
            response.Headers.ETag = ETag.ToString();
            if (EntityTags.IfNoneMatchHits(request.Headers.IfNoneMatch, ETag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.StatusCode = StatusCode;
        if (Body.Length == 0) return;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        if (!HttpMethods.IsHead(request.Method)) await response.Body.WriteAsync(Body, context.HttpContext.RequestAborted);
    }
}
