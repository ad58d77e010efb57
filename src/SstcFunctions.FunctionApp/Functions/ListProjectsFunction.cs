using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class ListProjectsFunction(ProjectQueryParser parser, CatalogueQueries queries, RequestGuard guard)
{
    /// <summary>
    /// Runs on GET /api/projects: filtered, paged projects in (brochure, ordinal) order; CSV of every match with
    /// Accept: text/csv or format=csv.
    /// </summary>
    [Function("ListProjects")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/projects")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
            parser.TryParseProjects(request, out var query, out var problem)
                ? await queries.ListAsync(query, cancellationToken)
                : problem);
}
