using Azure;
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
    /// Runs on GET /api/brochures/{id}/pdf: the brochure's source file, streamed, so a project's provenance can be opened
    /// at its page (<c>…/pdf#page=N</c>). 404 when the brochure or its file is gone.
    /// </summary>
    [Function("GetBrochurePdf")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/brochures/{id}/pdf")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            var status = await store.GetBrochureAsync(id, cancellationToken);
            if (status is null) return ApiResults.NotFound($"No brochure with id '{id}'.");

            var blob = store.Storage.BrochureBlobs.GetBlobClient(status.FileName);
            Azure.Storage.Blobs.Models.BlobDownloadStreamingResult download;
            try
            {
                download = await store.Storage.RunAsync(() => blob.DownloadStreamingAsync(cancellationToken: cancellationToken), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                return ApiResults.NotFound($"The file of brochure '{id}' is no longer stored.");
            }

            var etag = download.Details.ETag.ToString("H");
            if (Matches(request.Headers.IfNoneMatch, etag))
            {
                await download.Content.DisposeAsync();
                return new BodyResult(StatusCodes.Status304NotModified, [], "")
                {
                    CacheControl = "no-cache",
                    Headers = new Dictionary<string, string> { ["ETag"] = etag },
                };
            }
            return new StreamedFileResult(download.Content, download.Details.ContentLength, PdfContentType, status.FileName)
            {
                // A brochure can be replaced under the same id: reuse only after revalidating.
                CacheControl = "no-cache",
                ETag = etag,
            };
        });

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && EntityTagHeaderValue.TryParse(etag, out var ours)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
}
