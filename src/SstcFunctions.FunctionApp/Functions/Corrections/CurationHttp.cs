using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions.Corrections;

/// <summary>What the curation functions share: reading a JSON body, and turning outcomes into responses.</summary>
internal static class CurationHttp
{
    public const string MergePatchContentType = "application/merge-patch+json";
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>The body as a JSON object, or a 415/413/400 problem.</summary>
    public static async Task<(JsonObject? Body, BodyResult? Problem)> ReadObjectAsync(HttpRequest request, string[] mediaTypes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !mediaTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return (null, ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the body as {string.Join(" or ", mediaTypes)}.", new ProblemExtensions { ValidValues = mediaTypes }));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A correction is at most {MaxBodyBytes / 1024} KiB."));
            }
        }
        try
        {
            if (JsonNode.Parse(buffer.ToArray()) is JsonObject body) return (body, null);
            return (null, ApiResults.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, ApiResults.BadRequest("The body is not valid JSON: " + e.Message));
        }
    }

    /// <summary>A card's record with its ETag, never cached (the caller is about to edit it).</summary>
    public static BodyResult Record(CardState state, int statusCode = StatusCodes.Status200OK, string? location = null)
    {
        var headers = new Dictionary<string, string> { ["ETag"] = state.ETag };
        if (location is not null) headers["Location"] = location;
        return new BodyResult(statusCode, JsonSerializer.SerializeToUtf8Bytes(state.Record, RecordJson.Options), ApiResults.JsonContentType)
        {
            CacheControl = "no-store",
            Headers = headers,
        };
    }

    public static BodyResult Failure(CurationOutcome outcome, string projectOrBrochure) => outcome.Failure switch
    {
        CurationFailure.NotFound => ApiResults.NotFound($"No project or brochure '{BrochureRoute.Printable(projectOrBrochure)}'."),
        CurationFailure.Stale => ApiResults.Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            "The project changed since you read it: load it again (its ETag is below) and reapply your change.",
            new ProblemExtensions { CurrentETag = outcome.State?.ETag },
            headers: outcome.State is { } state ? new Dictionary<string, string> { ["ETag"] = state.ETag } : null),
        _ => ApiResults.BadRequest(
            outcome.Problems.Count == 1 ? outcome.Problems[0].Detail : $"{outcome.Problems.Count} problems: " + string.Join(" ", outcome.Problems.Select(p => $"{p.Field}: {p.Detail}")),
            new ProblemExtensions { Errors = outcome.Problems }),
    };
}
