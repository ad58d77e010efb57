using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class UploadBrochureFunction(BrochureUploadReader reader, BrochureFiles files, RequestGuard guard)
{
    /// <summary>
    /// Runs on POST /api/brochures?name=… (function key) with a PDF body: stores the file for the blob trigger and
    /// answers 202 with the pending status and its Location.
    /// </summary>
    [Function("UploadBrochure")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/brochures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            var upload = await reader.ReadAsync(request, cancellationToken);
            if (upload.Problem is { } problem) return problem;
            var status = await files.UploadAsync(upload.FileName!, upload.Pdf!, cancellationToken);
            var location = "/api/brochures/" + status.Id;
            return ApiResults.Json(status, StatusCodes.Status202Accepted, cacheControl: "no-store",
                headers: new Dictionary<string, string> { ["Location"] = location });
        });
}
