using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class FacetsFunction(ProjectQueryParser parser, CatalogueQueries queries, RequestGuard guard)
{
    /// <summary>Runs on GET /api/facets: counts per region, country, topic, outcome, activity and modality, under the project filters.</summary>
    [Function("Facets")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/facets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
            parser.TryParseFilter(request, out var filter, out var problem)
                ? await queries.FacetsAsync(filter, cancellationToken)
                : problem);
}
