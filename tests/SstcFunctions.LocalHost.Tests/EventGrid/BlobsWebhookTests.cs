using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SstcFunctions.LocalHost.EventGrid;

namespace SstcFunctions.LocalHost.Tests.EventGrid;

/// <summary>
/// The local host's <c>/runtime/webhooks/blobs</c>, the endpoint the Functions host exposes for Event Grid–sourced blob
/// triggers, answered by the blob extension's own handler; and the proof that uploads reach the function through it.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class BlobsWebhookTests(LocalHostFixture fixture)
{
    private const string Webhook = "runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure";

    [Fact]
    public async Task The_webhook_answers_the_event_grid_subscription_validation_handshake()
    {
        var validation = """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://example.invalid"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-01-01T00:00:00Z",
              "metadataVersion":"1","dataVersion":"2"}]
            """;

        using var response = await PostAsync(Webhook, "SubscriptionValidation", validation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", answer.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task An_unknown_function_name_is_404_and_a_malformed_or_unlabelled_delivery_is_400()
    {
        using (var unknown = await PostAsync("runtime/webhooks/blobs?functionName=Host.Functions.Nope", "Notification", "[]"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("Host.Functions.IngestBrochure", await unknown.Content.ReadAsStringAsync());
        }
        using (var garbage = await PostAsync(Webhook, "Notification", "not json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        }
        using (var noUrl = await PostAsync(Webhook, "Notification", """[{"eventType":"Microsoft.Storage.BlobCreated","data":{}}]"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noUrl.StatusCode);
        }
        using (var noEventType = await PostAsync(Webhook, null, "[]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noEventType.StatusCode);
        }
    }

    [Fact]
    public async Task An_upload_reaches_the_function_as_an_event_through_the_webhook_and_is_marked_delivered()
    {
        var id = $"via-webhook-{Guid.NewGuid():N}"[..20];
        var container = new BlobContainerClient(fixture.Storage.ConnectionString, "brochures");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"{id}.pdf");

        await blob.UploadAsync(BinaryData.FromString("not a brochure, but an upload all the same"));

        var status = await fixture.WaitForBrochureAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("failed", status.GetProperty("status").GetString());
        // The local Event Grid recorded the delivered version under the local host's subscription (its host id)...
        var marker = new BlobContainerClient(fixture.Storage.ConnectionString, LocalEventGridPublisher.MarkerContainer)
            .GetBlobClient($"local-eventgrid/sstc-localhost/brochures/{id}.pdf");
        var delivered = (await marker.GetPropertiesAsync()).Value.Metadata["etag"];
        Assert.Equal((await blob.GetPropertiesAsync()).Value.ETag.ToString(), $"\"{delivered}\"");
        // ...and the Event Grid source keeps no scan receipts: the container scan is not what ran the function.
        var receipts = new BlobContainerClient(fixture.Storage.ConnectionString, "azure-webjobs-hosts");
        await foreach (var receipt in receipts.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "blobreceipts/", CancellationToken.None))
        {
            Assert.Fail($"unexpected scan receipt {receipt.Name}");
        }
        var triggerQueue = new QueueClient(fixture.Storage.ConnectionString, "azure-webjobs-blobtrigger-sstc-localhost");
        Assert.True(await triggerQueue.ExistsAsync(), "the webhook queues events on the blob-trigger queue");
    }

    private Task<HttpResponseMessage> PostAsync(string url, string? eventType, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (eventType is not null) request.Headers.Add("aeg-event-type", eventType);
        return fixture.Http.SendAsync(request);
    }
}
