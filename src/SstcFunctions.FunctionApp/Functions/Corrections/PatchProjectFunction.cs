using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

public sealed class PatchProjectFunction(CurationService curation, RequestGuard guard)
{
    /// <summary>
    /// Runs on PATCH /api/projects/{id} (function key) with an RFC 7396 merge patch over the editable fields, the
    /// "reviewed" and "withdrawn" flags: validated against the filter vocabularies, conditional on If-Match.
    /// </summary>
    [Function("PatchProject")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "api/projects/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var (patch, problem) = await CurationHttp.ReadObjectAsync(request, [CurationHttp.MergePatchContentType, "application/json"], cancellationToken);
            if (problem is not null) return problem;
            var outcome = await curation.PatchAsync(id, patch!, request.Headers.IfMatch.ToString(), CallerIdentity.Of(request), cancellationToken);
            return outcome.Failure is null ? CurationHttp.Record(outcome.State!) : CurationHttp.Failure(outcome, id);
        });
}
