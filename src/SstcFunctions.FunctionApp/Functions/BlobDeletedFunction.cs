using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class BlobDeletedFunction(BrochureFiles files, CatalogueStorageOptions options, RequestGuard guard)
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    /// <summary>
    /// Runs on POST /api/events/blob-deleted (function key): the Event Grid webhook for <c>Microsoft.Storage.BlobDeleted</c>
    /// in the brochures container (infra/hooks/blob-events.bicep in Azure, the local Event Grid publisher locally), so a
    /// file deleted from storage takes its brochure out of the catalogue within seconds. Answers Event Grid's
    /// subscription validation handshake; other event types and containers are acknowledged and ignored.
    /// </summary>
    [Function("BlobDeleted")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/events/blob-deleted")] HttpRequest request,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, async () =>
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                return ApiResults.BadRequest("The body is not an Event Grid event array: " + e.Message);
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array) return ApiResults.BadRequest("The body is not an Event Grid event array.");
                var removed = new List<string>();
                foreach (var e in document.RootElement.EnumerateArray())
                {
                    var type = e.TryGetProperty("eventType", out var t) ? t.GetString() : null;
                    if (type == "Microsoft.EventGrid.SubscriptionValidationEvent"
                        && e.TryGetProperty("data", out var data) && data.TryGetProperty("validationCode", out var code))
                    {
                        return ApiResults.Json(new SubscriptionValidationResult(code.GetString()), cacheControl: "no-store");
                    }
                    if (type != EventType || BlobName(e) is not { } blobName) continue;
                    if (await files.RemoveIfFileGoneAsync(blobName, cancellationToken) is { } id) removed.Add(id);
                }
                return ApiResults.Json(new BlobDeletedResult(removed), cacheControl: "no-store");
            }
        });

    /// <summary>The blob name from <c>subject</c> (<c>/blobServices/default/containers/{container}/blobs/{name}</c>), when in the brochures container.</summary>
    private string? BlobName(JsonElement e)
    {
        var prefix = $"/blobServices/default/containers/{options.BrochureContainer}/blobs/";
        return e.TryGetProperty("subject", out var subject) && subject.GetString() is { } s && s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length
            ? s[prefix.Length..]
            : null;
    }
}
