using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

public sealed class ProjectHistoryFunction(CurationService curation, RequestGuard guard)
{
    /// <summary>
    /// Runs on GET /api/projects/{id}/history: the card's current extraction and every change people made, oldest
    /// first (when, who, what, each field before and after), plus each re-ingestion that found it again or not.
    /// </summary>
    [Function("ProjectHistory")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/projects/{id}/history")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (await curation.HistoryAsync(id, cancellationToken) is not { } history) return ApiResults.NotFound($"No project with id '{BrochureRoute.Printable(id)}'.");
            return ApiResults.Json(new ProjectHistory(history.State.Record.Id, history.State.BrochureId, history.State.CardKey,
                history.State.Record.Origin, history.Entries), cacheControl: ApiResults.StatusReadCaching);
        });
}
