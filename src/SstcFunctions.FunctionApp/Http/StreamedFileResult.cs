using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// A file streamed from storage to the client without buffering it whole (brochures can be 50 MB). Like
/// <see cref="BodyResult"/> it writes itself, so it behaves the same in every host and in tests.
/// </summary>
public sealed class StreamedFileResult(Stream content, long length, string contentType, string fileName) : IActionResult
{
    public string? CacheControl { get; init; }
    public string? ETag { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        await using var source = content;
        var response = context.HttpContext.Response;
        if (CacheControl is not null) response.Headers.CacheControl = CacheControl;
        if (ETag is not null) response.Headers.ETag = ETag;
        // The stored file is served as what it is said to be, never as whatever a browser might sniff it to be.
        response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = length;
        if (HttpMethods.IsHead(context.HttpContext.Request.Method)) return;
        await source.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
