using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class UploadBrochureFunction(BrochureUploadReader reader, BrochureFiles files, UploadLimiter limiter, RequestGuard guard)
{
    public const string ReplaceParameter = "replace";

    /// <summary>
    /// Runs on POST /api/brochures?name=…[&amp;replace=true] (function key) with a PDF body: stores the file for the blob
    /// trigger and answers 202 with the pending status and its Location. A name that maps to an existing brochure
    /// stored under another file name is a 409 naming that brochure, unless replace=true.
    /// </summary>
    [Function("UploadBrochure")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/brochures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            if (!TryReadReplace(request, out var replace))
            {
                return ApiResults.BadRequest($"?{ReplaceParameter}= takes true or false.", new ProblemExtensions { Parameter = ReplaceParameter, ValidValues = ["true", "false"] });
            }
            // Bounded memory: a few uploads stream at once; one more is told to come back, not queued in memory.
            using var slot = limiter.TryEnter();
            if (slot is null) return Busy();
            var upload = await reader.ReadAsync(request, cancellationToken);
            if (upload.Problem is { } problem) return problem;
            BrochureUploadOutcome outcome;
            using (upload.Pdf)
            {
                try
                {
                    outcome = await files.UploadAsync(upload.FileName!, upload.Pdf!, replace, cancellationToken);
                }
                catch (Exception e) when (e is UploadTooLargeException || e.InnerException is UploadTooLargeException)
                {
                    return reader.TooLarge();
                }
            }
            if (outcome.Conflict is { } existing) return NameConflict(upload.FileName!, existing);
            var status = outcome.Status!;
            var location = "/api/brochures/" + status.Id;
            return ApiResults.Json(status, StatusCodes.Status202Accepted, cacheControl: "no-store",
                headers: new Dictionary<string, string> { ["Location"] = location });
        });

    private static bool TryReadReplace(HttpRequest request, out bool replace)
    {
        replace = false;
        if (!request.Query.TryGetValue(ReplaceParameter, out var values)) return true;
        return values.Count == 1 && bool.TryParse(values.ToString(), out replace);
    }

    private static BodyResult NameConflict(string fileName, Storage.BrochureStatus existing) =>
        ApiResults.Problem(StatusCodes.Status409Conflict, "Another file is this brochure",
            $"'{fileName}' becomes brochure id '{existing.Id}', which is already the brochure of '{existing.FileName}'. " +
            $"Rename the file, or send ?{ReplaceParameter}=true to replace that brochure with this file.",
            new ProblemExtensions { BrochureId = existing.Id, ExistingFileName = existing.FileName, Existing = "/api/brochures/" + existing.Id });

    private BodyResult Busy() =>
        ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Too many uploads at once",
            $"This instance is storing {limiter.MaxConcurrent} uploads already; retry shortly.",
            headers: new Dictionary<string, string> { ["Retry-After"] = RequestGuard.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
