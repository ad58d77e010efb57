using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// The one place HTTP functions turn failures into problems: storage trouble → 503 with Retry-After, a client that went
/// away → nothing, anything else → a 500 problem without internals. No stack trace ever reaches a client.
/// </summary>
public sealed class RequestGuard(ILogger<RequestGuard> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (OperationCanceledException) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new EmptyResult(); // The client is gone; there is no one to answer.
        }
        catch (BadHttpRequestException e)
        {
            return ApiResults.Problem(e.StatusCode, "Invalid request", e.Message);
        }
        catch (Exception e) when (e is CatalogueUnavailableException or RequestFailedException or OperationCanceledException || CatalogueStorage.IsTransient(e))
        {
            // OperationCanceledException here is a storage call that timed out, not the client leaving (handled above).
            logger.LogWarning(e, "Storage unavailable for {Method} {Path}", request.Method, request.Path);
            return Unavailable();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure for {Method} {Path}", request.Method, request.Path);
            return ApiResults.Problem(StatusCodes.Status500InternalServerError, "Unexpected error",
                "The request failed unexpectedly; it has been logged.", new ProblemExtensions { TraceId = request.HttpContext.TraceIdentifier });
        }
    }

    public static BodyResult Unavailable() =>
        ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
            "The catalogue storage cannot be reached right now; retry shortly.",
            headers: new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
