using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

public sealed class AddProjectFunction(CurationService curation, RequestGuard guard)
{
    /// <summary>
    /// Runs on POST /api/brochures/{id}/projects (function key) with a card the extractor missed (title required, the
    /// other editable fields optional): 201 with its Location and ETag.
    /// </summary>
    [Function("AddProject")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/brochures/{id}/projects")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            var (body, problem) = await CurationHttp.ReadObjectAsync(request, ["application/json"], cancellationToken);
            if (problem is not null) return problem;
            var outcome = await curation.AddAsync(id, body!, CallerIdentity.Of(request), cancellationToken);
            return outcome.Failure is null
                ? CurationHttp.Record(outcome.State!, StatusCodes.Status201Created, "/api/projects/" + outcome.State!.Record.Id)
                : CurationHttp.Failure(outcome, id);
        });
}
