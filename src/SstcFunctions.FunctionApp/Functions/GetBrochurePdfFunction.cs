using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class GetBrochurePdfFunction(CatalogueStore store, RequestGuard guard)
{
    public const string PdfContentType = "application/pdf";

    /// <summary>
    /// Runs on GET and HEAD /api/brochures/{id}/pdf: the brochure's source file, so a project's provenance can be opened
    /// at its page (<c>…/pdf#page=N</c>). Served by the framework's <see cref="FileStreamResult"/>: <c>Range</c> → 206
    /// with only the bytes asked for (a PDF viewer opening page N fetches ranges, not the whole file),
    /// <c>If-None-Match</c>/<c>If-Range</c> against the blob's ETag → 304 or the whole file. The blob is read through a
    /// seekable stream that downloads only what is read. 404 when the brochure or its file is gone.
    /// </summary>
    [Function("GetBrochurePdf")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/brochures/{id}/pdf")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            var status = await store.GetBrochureAsync(id, cancellationToken);
            if (status is null) return ApiResults.NotFound($"No brochure with id '{id}'.");

            if (await store.Files.OpenReadAsync(status.FileName, cancellationToken) is not { } file)
            {
                return ApiResults.NotFound($"The file of brochure '{id}' is no longer stored.");
            }

            var headers = request.HttpContext.Response.Headers;
            // A brochure can be replaced under the same id: reuse only after revalidating.
            headers.CacheControl = "no-cache";
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(status.FileName);
            headers.ContentDisposition = disposition.ToString();
            return new FileStreamResult(file.Content, PdfContentType)
            {
                EnableRangeProcessing = true,
                EntityTag = EntityTagHeaderValue.Parse(file.ETag),
                LastModified = file.LastModified,
            };
        });
}
