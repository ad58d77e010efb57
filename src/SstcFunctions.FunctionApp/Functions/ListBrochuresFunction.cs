using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class ListBrochuresFunction(CatalogueStore store, CatalogueReadModel readModel, RequestGuard guard)
{
    /// <summary>Runs on GET /api/brochures: every brochure with its processing status. Reads only: deleted files are
    /// handled by BlobDeleted events and the reconciler, never by a GET.</summary>
    [Function("ListBrochures")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/brochures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (request.Query.Keys.Any(k => !k.Equals("code", StringComparison.OrdinalIgnoreCase)))
            {
                return ApiResults.BadRequest("GET /api/brochures takes no query parameters.");
            }
            var curation = (await readModel.GetAsync(cancellationToken)).Curation;
            var brochures = (await store.ListBrochuresAsync(cancellationToken)).Select(b => b with { UnmatchedCorrections = curation.Unmatched(b.Id) }).ToList();
            return ApiResults.Json(new BrochureList(brochures), cacheControl: ApiResults.StatusReadCaching);
        });
}
