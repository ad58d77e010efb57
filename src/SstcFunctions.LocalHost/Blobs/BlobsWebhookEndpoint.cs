using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Config;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.{name}</c>: the endpoint the Functions host exposes for
/// Event Grid–sourced blob triggers, served here by the same code. The request is handed to the blob extension's own
/// handler (its <see cref="IExtensionConfigProvider"/> is an <c>IAsyncConverter&lt;HttpRequestMessage, HttpResponseMessage&gt;</c>,
/// which is how the Functions host calls it): it answers the <c>SubscriptionValidation</c> handshake and turns each
/// <c>Notification</c> event into a message on the blob-trigger queue, from which the WebJobs queue listener runs the
/// function with its retries and poison queue. No key is checked, as under <c>func start</c>; in Azure the
/// <c>blobs_extension</c> system key guards it.
/// </summary>
public static class BlobsWebhookEndpoint
{
    public const string Path = "runtime/webhooks/blobs";

    /// <summary>The name the Functions host gives an isolated-worker function in the webhook's <c>functionName</c>.</summary>
    public static string HostFunctionName(BlobTriggerFunction function) => $"Host.Functions.{function.FunctionName}";

    /// <summary>Event Grid delivers at most 1 MB per request.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBlobsWebhook(this IEndpointRouteBuilder endpoints, BlobTriggerFunction function)
    {
        endpoints.MapPost(Path, async context => await (await HandleAsync(context, function)).ExecuteAsync(context)).WithDisplayName("Blob extension webhook");
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BlobTriggerFunction function)
    {
        var functionName = context.Request.Query["functionName"].ToString();
        if (functionName != HostFunctionName(function))
        {
            return Results.Problem(ApiResults.ProblemDetails(StatusCodes.Status404NotFound, "Unknown function", $"functionName must name the blob-triggered function: {HostFunctionName(function)} (got '{functionName}')."));
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(ApiResults.ProblemDetails(StatusCodes.Status413PayloadTooLarge, "Event batch too large", null));
        }
        var converter = context.RequestServices.GetServices<IExtensionConfigProvider>()
            .OfType<IAsyncConverter<HttpRequestMessage, HttpResponseMessage>>()
            .SingleOrDefault(provider => provider.GetType().Assembly == typeof(BlobTriggerAttribute).Assembly);
        if (converter is null)
        {
            return Results.Problem(ApiResults.ProblemDetails(StatusCodes.Status503ServiceUnavailable, "The blob trigger is not running", "This host runs without the WebJobs blob extension (LocalHost:BlobTriggers=false)."));
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxBodyBytes) return Results.Problem(ApiResults.ProblemDetails(StatusCodes.Status413PayloadTooLarge, "Event batch too large", null));

        // The WebJobs listener registers the function under its own id; the rest of the request goes through as sent.
        var uri = new UriBuilder(context.Request.Scheme, context.Request.Host.Host, context.Request.Host.Port ?? 80, "/" + Path)
        {
            Query = $"functionName={Uri.EscapeDataString(WebJobsBlobTrigger.FunctionId)}",
        }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body.ToArray()) };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        HttpResponseMessage response;
        try
        {
            response = await converter.ConvertAsync(request, context.RequestAborted);
        }
        catch (Exception malformed) when (malformed is Newtonsoft.Json.JsonException or NullReferenceException or ArgumentException
                                              or FormatException or InvalidCastException or UriFormatException)
        {
            // The extension parses events without validating them; a malformed one is the sender's error, not ours.
            return Results.Problem(ApiResults.ProblemDetails(StatusCodes.Status400BadRequest, "Not a valid Event Grid delivery", malformed.Message));
        }
        using (response)
        {
            var content = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            if (content.Length == 0) return Results.StatusCode((int)response.StatusCode);
            // The validation handshake answers {"validationResponse": …} without a content type.
            var contentType = response.Content?.Headers.ContentType?.ToString() ?? "application/json";
            return Results.Text(System.Text.Encoding.UTF8.GetString(content), contentType, System.Text.Encoding.UTF8, (int)response.StatusCode);
        }
    }
}
