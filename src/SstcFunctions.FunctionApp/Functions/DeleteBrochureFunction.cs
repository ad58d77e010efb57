using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class DeleteBrochureFunction(BrochureFiles files, RequestGuard guard)
{
    /// <summary>
    /// Runs on DELETE /api/brochures/{id} (function key): deletes the file and marks the brochure deleting, so the
    /// catalogue hides its projects at once; answers 202 with that status (GET /api/brochures/{id} says deleting until
    /// the background removal of its records completes, then 404). 204 when only a stray file was removed.
    /// </summary>
    [Function("DeleteBrochure")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/brochures/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            var outcome = await files.DeleteAsync(id, cancellationToken);
            if (outcome.Marked is { } marked)
            {
                return ApiResults.Json(marked, StatusCodes.Status202Accepted, cacheControl: "no-store",
                    headers: new Dictionary<string, string> { ["Location"] = "/api/brochures/" + id });
            }
            return outcome.Removed ? BodyResult.Empty(StatusCodes.Status204NoContent) : ApiResults.NotFound($"No brochure with id '{id}'.");
        });
}
