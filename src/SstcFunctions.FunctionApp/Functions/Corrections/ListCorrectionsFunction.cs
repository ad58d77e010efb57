using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

public sealed class ListCorrectionsFunction(CatalogueReadModel readModel, RequestGuard guard)
{
    /// <summary>
    /// Runs on GET /api/corrections: every correction and added card with where it landed in the current extraction
    /// (match exact, similar, added, or none); match=none lists those whose card no longer exists.
    /// </summary>
    [Function("ListCorrections")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/corrections")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            string[] matches = [MatchKinds.Exact, MatchKinds.Similar, MatchKinds.Added, MatchKinds.None];
            string? only = null;
            foreach (var (name, value) in request.Query)
            {
                if (name.Equals(ProjectQueryParameters.FunctionKey, StringComparison.OrdinalIgnoreCase)) continue;
                if (!name.Equals("match", StringComparison.Ordinal) || value.Count != 1 || !matches.Contains(value.ToString()))
                {
                    return ApiResults.BadRequest("GET /api/corrections takes one optional parameter, match.",
                        new ProblemExtensions { Parameter = "match", ValidValues = matches });
                }
                only = value.ToString();
            }
            var snapshot = await readModel.GetAsync(cancellationToken);
            var corrections = snapshot.Curation.Corrections.Where(c => only is null || c.Match == only)
                .OrderBy(c => c.BrochureId, StringComparer.Ordinal).ThenBy(c => c.CardKey, StringComparer.Ordinal).ToList();
            return ApiResults.Json(new CorrectionList(corrections, corrections.Count), cacheControl: ApiResults.StatusReadCaching);
        });
}
