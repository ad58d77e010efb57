using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class GetProjectFunction(CatalogueQueries queries, RequestGuard guard)
{
    /// <summary>Runs on GET /api/projects/{id}: one project record, or 404.</summary>
    [Function("GetProject")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/projects/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () => await queries.GetAsync(id, cancellationToken));
}
