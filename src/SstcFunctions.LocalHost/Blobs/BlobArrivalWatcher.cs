using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>
/// Makes a new blob reach the WebJobs blob listener within a fraction of a second instead of its 2-second
/// development-storage scan (which also misses a blob modified in the same second as the newest one it saw).
/// It does exactly what the listener's own scan does when it finds a blob, with the same receipts, so the
/// listener then sees a completed receipt and never triggers twice: create the receipt
/// <c>azure-webjobs-hosts/blobreceipts/{host}/{function}/{etag}/{container}/{blob}</c>, lease it, enqueue the
/// <c>BlobTrigger</c> message on <c>azure-webjobs-blobtrigger-{host}</c>, mark the receipt complete. Execution,
/// retries and the poison queue stay with the WebJobs queue listener.
/// </summary>
public sealed class BlobArrivalWatcher(
    BlobTriggerFunction function,
    IConfiguration configuration,
    IOptions<LocalHostOptions> options,
    IServiceProvider services,
    ILogger<BlobArrivalWatcher> logger) : BackgroundService
{
    private readonly Action<string>? _wakeQueueListener = QueueListenerWakeUp(services, logger);

    /// <summary>The WebJobs function id of <see cref="WebJobsBlobTrigger.RunAsync"/>: type full name and method.</summary>
    public static readonly string FunctionId = $"{typeof(WebJobsBlobTrigger).FullName}.{nameof(WebJobsBlobTrigger.RunAsync)}";

    private readonly ConcurrentDictionary<(string Name, string ETag), bool> _handled = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = configuration["AzureWebJobsStorage"]!;
        var blobs = new BlobServiceClient(connection);
        var container = blobs.GetBlobContainerClient(function.Container);
        var receipts = blobs.GetBlobContainerClient("azure-webjobs-hosts");
        var queue = new QueueClient(connection, $"azure-webjobs-blobtrigger-{options.Value.HostId}",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.BlobScanMilliseconds));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    var key = (blob.Name, blob.Properties.ETag?.ToString() ?? "");
                    if (_handled.ContainsKey(key) || function.BindingData($"{container.Name}/{blob.Name}").Count == 0 && function.BlobPath.Contains('{')) continue;
                    if (await TryEnqueueAsync(receipts, queue, container, blob.Name, stoppingToken)) _handled[key] = true;
                }
            }
            catch (RequestFailedException failure) when (failure.Status == 404)
            {
                // No container yet: nothing has arrived.
            }
            catch (Exception failure) when (failure is RequestFailedException or HttpRequestException)
            {
                logger.LogWarning("Blob arrival scan failed ({Message}); the WebJobs scan still runs.", failure.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The WebJobs queue listener backs off to polling once a minute when idle; its own blob scan wakes it through the
    /// extension's SharedQueueWatcher right after enqueuing. That type is internal to the pinned extension, so it is
    /// reached by name; without it the listener still finds the message, only later.
    /// </summary>
    private static Action<string>? QueueListenerWakeUp(IServiceProvider services, ILogger logger)
    {
        var watcherType = typeof(Microsoft.Azure.WebJobs.Host.BlobsOptions).Assembly.GetTypes().FirstOrDefault(t => t.Name == "SharedQueueWatcher");
        var notify = watcherType?.GetMethod("Notify", [typeof(string)]);
        var watcher = watcherType is null ? null : services.GetService(watcherType);
        if (notify is null || watcher is null)
        {
            logger.LogWarning("The WebJobs SharedQueueWatcher was not found: new blobs wait for the queue listener's next poll.");
            return null;
        }
        return queueName => notify.Invoke(watcher, [queueName]);
    }

    /// <summary>True when the blob is in the listener's hands: enqueued now, or already by an earlier scan.</summary>
    private async Task<bool> TryEnqueueAsync(BlobContainerClient receipts, QueueClient queue, BlobContainerClient container, string blobName, CancellationToken cancellationToken)
    {
        // The ETag as a header reports it (quoted), as the listener's receipts and messages carry it; listings drop the quotes.
        BlobProperties blob;
        try
        {
            blob = (await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
            return true; // deleted since the listing: nothing to trigger
        }
        var eTag = blob.ETag.ToString();
        var receipt = receipts.GetBlockBlobClient($"blobreceipts/{options.Value.HostId}/{FunctionId}/{eTag}/{container.Name}/{blobName}");
        try
        {
            await receipt.UploadAsync(new MemoryStream(), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["Incomplete"] = "Incomplete" },
            }, cancellationToken);
        }
        catch (RequestFailedException exists) when (exists.Status is 409 or 412)
        {
            var properties = await receipt.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (!properties.Value.Metadata.ContainsKey("Incomplete")) return true; // already enqueued
        }
        catch (RequestFailedException missing) when (missing.ErrorCode == "ContainerNotFound")
        {
            await receipts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return false; // next tick
        }

        var lease = receipt.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException busy) when (busy.Status is 409 or 404)
        {
            return false; // the WebJobs scan holds it right now; look again next tick
        }
        try
        {
            var metadata = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
            if (!metadata.ContainsKey("Incomplete")) return true;

            var message = JsonSerializer.Serialize(new
            {
                Type = "BlobTrigger",
                FunctionId,
                BlobType = $"{blob.BlobType}Blob",
                ContainerName = container.Name,
                BlobName = blobName,
                ETag = eTag,
            });
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queue.SendMessageAsync(message, cancellationToken);
            _wakeQueueListener?.Invoke(queue.Name);
            metadata.Remove("Incomplete");
            await receipt.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken);
            logger.LogInformation("New blob {Container}/{Blob} queued for {Function}.", container.Name, blobName, function.FunctionName);
            return true;
        }
        finally
        {
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // Lease expired or receipt deleted: nothing to release.
            }
        }
    }
}
