using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class GetBrochureFunction(CatalogueStore store, CatalogueReadModel readModel, RequestGuard guard)
{
    /// <summary>Runs on GET /api/brochures/{id}: the brochure's status (pending, succeeded or failed with the reason), or 404.</summary>
    [Function("GetBrochure")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/brochures/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            var status = await store.GetBrochureAsync(id, cancellationToken);
            return status is null
                ? ApiResults.NotFound($"No brochure with id '{id}'.")
                : ApiResults.Json(status with { UnmatchedCorrections = (await readModel.GetAsync(cancellationToken)).Curation.Unmatched(id) }, cacheControl: ApiResults.StatusReadCaching);
        });
}
