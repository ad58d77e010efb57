using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class DeleteBrochureFunction(BrochureFiles files, RequestGuard guard)
{
    /// <summary>Runs on DELETE /api/brochures/{id} (function key): removes the file, the brochure, its projects and index entries.</summary>
    [Function("DeleteBrochure")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/brochures/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!BrochureRoute.IsValidId(id)) return ApiResults.NotFound($"No brochure with id '{BrochureRoute.Printable(id)}'.");
            return await files.DeleteAsync(id, cancellationToken)
                ? BodyResult.Empty(StatusCodes.Status204NoContent)
                : ApiResults.NotFound($"No brochure with id '{id}'.");
        });
}
