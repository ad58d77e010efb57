using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using SstcFunctions.LocalHost.EventGrid;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests.EventGrid;

/// <summary>
/// The local Event Grid against real Azurite and a real HTTP listener: the exact payload the blob extension parses,
/// one delivery per blob version across restarts, and retries while the webhook is down.
/// Each test watches a container of its own, so they share one Azurite.
/// </summary>
public sealed class LocalEventGridPublisherTests : IAsyncLifetime
{
    private AzuriteInstance _storage = null!;
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        _storage = await AzuriteInstance.StartOrReuseAsync();
        _container = new BlobContainerClient(_storage.ConnectionString, $"events-{Guid.NewGuid():N}");
        await _container.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _container.DeleteIfExistsAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task A_new_blob_is_posted_as_a_BlobCreated_event_in_the_event_grid_schema()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        var content = "%PDF-1.7 not really"u8.ToArray();
        var blob = _container.GetBlobClient("SSTC 2020 – 2021.pdf");
        await blob.UploadAsync(new BinaryData(content), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            HttpHeaders = new() { ContentType = "application/pdf" },
        });
        var properties = (await blob.GetPropertiesAsync()).Value;
        using var publisher = Publisher("payload");

        var delivered = await publisher.PublishAsync(webhook.Url, CancellationToken.None);

        Assert.Equal(1, delivered);
        var request = Assert.Single(webhook.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(webhook.Url.PathAndQuery, request.PathAndQuery);
        Assert.Equal("Notification", request.Headers["aeg-event-type"]);
        Assert.Equal("0", request.Headers["aeg-delivery-count"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);

        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        var e = Assert.Single(body.RootElement.EnumerateArray());
        Assert.Equal("Microsoft.Storage.BlobCreated", e.GetProperty("eventType").GetString());
        Assert.Equal($"/blobServices/default/containers/{_container.Name}/blobs/SSTC 2020 – 2021.pdf", e.GetProperty("subject").GetString());
        Assert.Equal($"/subscriptions/{BlobCreatedEvent.LocalSubscriptionId}/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{AzuriteInstance.AccountName}",
            e.GetProperty("topic").GetString());
        Assert.True(Guid.TryParse(e.GetProperty("id").GetString(), out _), e.GetProperty("id").GetString());
        var eventTime = DateTimeOffset.Parse(e.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(eventTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("", e.GetProperty("dataVersion").GetString());
        Assert.Equal("1", e.GetProperty("metadataVersion").GetString());

        // What the blob extension reads (BlobsExtensionConfigProvider.GetBlobTriggerMessage): the url's container and
        // blob, the ETag it quotes itself, and the blob type it parses after removing "Blob".
        var data = e.GetProperty("data");
        Assert.Equal(blob.Uri.AbsoluteUri, data.GetProperty("url").GetString());
        var parsed = new BlobUriBuilder(new Uri(data.GetProperty("url").GetString()!));
        Assert.Equal(_container.Name, parsed.BlobContainerName);
        Assert.Equal("SSTC 2020 – 2021.pdf", parsed.BlobName);
        Assert.Equal(properties.ETag.ToString(), $"\"{data.GetProperty("eTag").GetString()}\"");
        Assert.Equal("BlockBlob", data.GetProperty("blobType").GetString());
        Assert.Equal(content.Length, data.GetProperty("contentLength").GetInt64());
        Assert.Equal("application/pdf", data.GetProperty("contentType").GetString());
        Assert.Equal("PutBlob", data.GetProperty("api").GetString());
    }

    [Fact]
    public async Task Each_blob_version_is_delivered_once_across_a_restart_and_an_overwrite_is_delivered_again()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        var blob = _container.GetBlobClient("a.pdf");
        await blob.UploadAsync(BinaryData.FromString("first"));

        using (var first = Publisher("once"))
        {
            Assert.Equal(1, await first.PublishAsync(webhook.Url, CancellationToken.None));
            Assert.Equal(0, await first.PublishAsync(webhook.Url, CancellationToken.None));
        }
        // A new process: what was delivered is read back from the markers.
        using var restarted = Publisher("once");
        Assert.Equal(0, await restarted.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Single(webhook.Requests);

        await blob.UploadAsync(BinaryData.FromString("second"), overwrite: true);
        Assert.Equal(1, await restarted.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Equal(2, webhook.Requests.Count);
        Assert.NotEqual(ETagOf(webhook.Requests[0]), ETagOf(webhook.Requests[1]));

        // Another subscription keeps markers of its own, like a second Event Grid subscription.
        using var other = Publisher("other");
        Assert.Equal(1, await other.PublishAsync(webhook.Url, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_the_webhook_refuses_is_retried_until_accepted()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        webhook.Status = HttpStatusCode.ServiceUnavailable;
        await _container.GetBlobClient("retry.pdf").UploadAsync(BinaryData.FromString("x"));
        using var publisher = Publisher("retry", firstRetryDelay: TimeSpan.Zero);

        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        webhook.Status = HttpStatusCode.Accepted;
        Assert.Equal(1, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));

        Assert.Equal(["0", "1", "2"], webhook.Requests.Select(r => r.Headers["aeg-delivery-count"]));
        Assert.Single(webhook.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement[0].GetProperty("id").GetString()).Distinct());
    }

    [Fact]
    public async Task A_webhook_that_is_not_listening_yet_gets_the_event_once_it_is_up_even_after_a_restart()
    {
        var nothingListening = new Uri($"http://127.0.0.1:{AzuriteInstance.FreePort()}/runtime/webhooks/blobs?functionName=Host.Functions.IngestBrochure");
        await _container.GetBlobClient("early.pdf").UploadAsync(BinaryData.FromString("x"));
        using (var beforeTheHost = Publisher("down", firstRetryDelay: TimeSpan.Zero))
        {
            Assert.Equal(0, await beforeTheHost.PublishAsync(nothingListening, CancellationToken.None));
        }

        await using var webhook = await RecordingWebhook.StartAsync();
        using var publisher = Publisher("down");
        Assert.Equal(1, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Single(webhook.Requests);
    }

    [Fact]
    public async Task After_a_failure_the_next_attempt_waits_for_the_retry_delay()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        webhook.Status = HttpStatusCode.InternalServerError;
        await _container.GetBlobClient("slow.pdf").UploadAsync(BinaryData.FromString("x"));
        using var publisher = Publisher("delay", firstRetryDelay: TimeSpan.FromHours(1));

        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        webhook.Status = HttpStatusCode.Accepted;
        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));

        Assert.Single(webhook.Requests);
    }

    [Fact]
    public async Task A_container_that_does_not_exist_yet_is_nothing_to_deliver()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        await _container.DeleteAsync();
        using var publisher = Publisher("missing");

        Assert.Equal(0, await publisher.PublishAsync(webhook.Url, CancellationToken.None));
        Assert.Empty(webhook.Requests);
    }

    private LocalEventGridPublisher Publisher(string subscription, TimeSpan? firstRetryDelay = null) => new(
        new LocalEventGridOptions
        {
            StorageConnectionString = _storage.ConnectionString,
            Container = _container.Name,
            Subscription = $"{subscription}-{_container.Name}",
            FirstRetryDelay = firstRetryDelay ?? TimeSpan.FromMilliseconds(500),
        },
        _ => throw new InvalidOperationException("PublishAsync is given the webhook"),
        NullLogger<LocalEventGridPublisher>.Instance);

    private static string? ETagOf(RecordingWebhook.Request request) =>
        JsonDocument.Parse(request.Body).RootElement[0].GetProperty("data").GetProperty("eTag").GetString();
}
