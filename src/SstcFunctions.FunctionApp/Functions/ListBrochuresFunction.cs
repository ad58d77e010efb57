using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class ListBrochuresFunction(CatalogueStore store, BrochureFiles files, CatalogueReadModel readModel, RequestGuard guard)
{
    /// <summary>Runs on GET /api/brochures: every brochure with its processing status (and sweeps out those whose file was deleted).</summary>
    [Function("ListBrochures")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/brochures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (request.Query.Keys.Any(k => !k.Equals("code", StringComparison.OrdinalIgnoreCase)))
            {
                return ApiResults.BadRequest("GET /api/brochures takes no query parameters.");
            }
            await files.SweepIfDueAsync(cancellationToken);
            var curation = (await readModel.GetAsync(cancellationToken)).Curation;
            var brochures = (await store.ListBrochuresAsync(cancellationToken)).Select(b => b with { UnmatchedCorrections = curation.Unmatched(b.Id) }).ToList();
            return ApiResults.Json(new { brochures }, cacheControl: ApiResults.StatusReadCaching);
        });
}
