using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

public sealed class WithdrawProjectFunction(CurationService curation, RequestGuard guard)
{
    /// <summary>
    /// Runs on DELETE /api/projects/{id} (function key): withdraws the card, which stays readable by id with its
    /// history and leaves lists, facets and exports; PATCH {"withdrawn": false} restores it.
    /// </summary>
    [Function("WithdrawProject")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/projects/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var outcome = await curation.WithdrawAsync(id, request.Headers.IfMatch.ToString(), CallerIdentity.Of(request), cancellationToken);
            return outcome.Failure is null ? CurationHttp.Record(outcome.State!) : CurationHttp.Failure(outcome, id);
        });
}
