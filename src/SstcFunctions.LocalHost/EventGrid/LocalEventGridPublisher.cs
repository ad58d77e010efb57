// Length: just over 300 lines on purpose — the options record and the one delivery loop (scan, deliver, retry,
// dead-letter, remember) that must be read together to see that no blob version is lost or delivered twice.
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Hosting;

namespace SstcFunctions.LocalHost.EventGrid;

/// <summary>What the local Event Grid watches, where it remembers what it delivered, and how it retries.</summary>
public sealed record LocalEventGridOptions
{
    /// <summary>The storage the blobs land in (Azurite locally).</summary>
    public required string StorageConnectionString { get; init; }

    /// <summary>The container whose new blobs are announced ("brochures").</summary>
    public required string Container { get; init; }

    /// <summary>
    /// Names this subscription's delivery markers, like an Event Grid subscription name: two publishers with different
    /// names (the local host's own, and one feeding <c>func start</c>) each deliver every blob once.
    /// </summary>
    public required string Subscription { get; init; }

    /// <summary>How often the container is listed: the delay between an upload and its event.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A failed delivery is retried after this delay, doubled after every further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Plays Event Grid for Azurite, which publishes no events: lists the watched container every
/// <see cref="LocalEventGridOptions.ScanInterval"/> and POSTs a <c>Microsoft.Storage.BlobCreated</c> event for each new
/// blob version (name and ETag) to the blob extension's webhook, as the Event Grid subscription does in Azure.
/// A version is delivered once: after the webhook accepts it (2xx) a marker blob
/// <c>azure-webjobs-hosts/local-eventgrid/{subscription}/{container}/{blob}</c> records its ETag, so a restart neither
/// loses a blob uploaded meanwhile nor announces a delivered one again. A refused or failed delivery is retried with a
/// growing delay; a crash between delivery and marker delivers again (at least once, like Event Grid).
/// </summary>
public sealed class LocalEventGridPublisher : BackgroundService
{
    public const string MarkerContainer = "azure-webjobs-hosts";
    private const string DeletedMarker = "(deleted)";
    private const string ETagMetadata = "etag";

    private readonly LocalEventGridOptions _options;
    private readonly Func<CancellationToken, Task<Uri>> _webhook;
    private readonly Func<CancellationToken, Task<(Uri Url, string? FunctionKey)>>? _deletedWebhook;
    private (Uri Url, string? FunctionKey)? _deletedTarget;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly BlobContainerClient _container;
    private readonly BlobContainerClient _markers;
    private readonly string _markerPrefix;

    /// <summary>Blob name → the ETag last delivered; loaded from the markers on first use.</summary>
    private Dictionary<string, string>? _delivered;
    /// <summary>Delivered, but the marker could not be written yet (storage trouble): written on a later pass.</summary>
    private readonly Dictionary<string, string> _unmarked = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string ETag), (int Attempts, DateTimeOffset NextAttempt)> _failures = [];
    private long _passes;
    private TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="webhook">Resolves the webhook URL once (the local host knows its port only after it has started).</param>
    /// <param name="deletedWebhook">
    /// Where <c>Microsoft.Storage.BlobDeleted</c> events go (the app's BlobDeleted function, with its key), as the second
    /// Event Grid subscription does in Azure; null: deletions are not announced.
    /// </param>
    public LocalEventGridPublisher(LocalEventGridOptions options, Func<CancellationToken, Task<Uri>> webhook,
        ILogger<LocalEventGridPublisher> logger, HttpClient? http = null, TimeProvider? time = null,
        Func<CancellationToken, Task<(Uri Url, string? FunctionKey)>>? deletedWebhook = null)
    {
        _options = options;
        _webhook = webhook;
        _deletedWebhook = deletedWebhook;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _ownsHttp = http is null;
        // Event Grid gives an endpoint 30 seconds to answer.
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var blobs = new BlobServiceClient(options.StorageConnectionString);
        _container = blobs.GetBlobContainerClient(options.Container);
        _markers = blobs.GetBlobContainerClient(MarkerContainer);
        _markerPrefix = $"local-eventgrid/{options.Subscription}/{options.Container}/";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhook = await _webhook(stoppingToken);
        _logger.LogInformation("Local Event Grid: BlobCreated events for {Container}/ go to {Webhook}.", _options.Container, webhook.GetLeftPart(UriPartial.Path));
        using var timer = new PeriodicTimer(_options.ScanInterval, _time);
        do
        {
            try
            {
                await PublishAsync(webhook, stoppingToken);
            }
            catch (Exception failure) when (failure is RequestFailedException or HttpRequestException or AggregateException)
            {
                _logger.LogWarning("Local Event Grid could not list {Container} ({Message}); trying again.", _options.Container, failure.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Passes over the container completed so far (successful or not): what lets a caller know, without
    /// waiting an arbitrary time, that the container was listed again after something happened.</summary>
    public long CompletedPasses => Interlocked.Read(ref _passes);

    /// <summary>Completes once <see cref="CompletedPasses"/> has reached <paramref name="passes"/>.</summary>
    public async Task WaitForPassesAsync(long passes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var passed = Volatile.Read(ref _passed);
            if (CompletedPasses >= passes) return;
            await passed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>One pass: delivers every blob version not delivered yet whose retry is due. Returns how many were delivered.</summary>
    public async Task<int> PublishAsync(Uri webhook, CancellationToken cancellationToken)
    {
        try
        {
            return await PublishOnceAsync(webhook, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _passes);
            Interlocked.Exchange(ref _passed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task<int> PublishOnceAsync(Uri webhook, CancellationToken cancellationToken)
    {
        _delivered ??= await LoadMarkersAsync(cancellationToken);
        await WriteUnmarkedAsync(cancellationToken);
        var delivered = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var listed = false;
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                seen.Add(blob.Name);
                var eTag = BlobCreatedEvent.UnquotedETag(blob);
                if (_delivered.TryGetValue(blob.Name, out var done) && done == eTag) continue;
                var key = (blob.Name, eTag);
                _failures.TryGetValue(key, out var failure);
                if (failure.Attempts > 0 && failure.NextAttempt > _time.GetUtcNow()) continue;

                if (await DeliverAsync(webhook, blob, failure.Attempts + 1, cancellationToken))
                {
                    _failures.Remove(key);
                    _delivered[blob.Name] = eTag;
                    await WriteMarkerAsync(blob.Name, eTag, cancellationToken);
                    delivered++;
                }
                else
                {
                    var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.FirstRetryDelay.Ticks << Math.Min(failure.Attempts, 20)));
                    _failures[key] = (failure.Attempts + 1, _time.GetUtcNow() + delay);
                }
            }
            listed = true;
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // No container (yet, or any more): no blob exists.
            listed = true;
        }
        // A blob delivered before and absent from a complete listing was deleted.
        if (listed && _deletedWebhook is not null)
        {
            foreach (var name in _delivered.Keys.Where(name => !seen.Contains(name)).ToList())
            {
                if (await DeliverDeletedAsync(name, cancellationToken)) delivered++;
            }
        }
        return delivered;
    }

    private async Task<bool> DeliverDeletedAsync(string blobName, CancellationToken cancellationToken)
    {
        var key = (blobName, DeletedMarker);
        _failures.TryGetValue(key, out var failure);
        if (failure.Attempts > 0 && failure.NextAttempt > _time.GetUtcNow()) return false;
        var target = _deletedTarget ??= await _deletedWebhook!(cancellationToken);
        var payload = new JsonArray(BlobDeletedEvent.Create(blobName, BlobCreatedEvent.UrlOf(_container, blobName), _container.AccountName, _container.Name, _time.GetUtcNow()));
        if (await PostAsync(target.Url, target.FunctionKey, payload, BlobDeletedEvent.EventType, blobName, failure.Attempts + 1, cancellationToken))
        {
            _failures.Remove(key);
            _delivered!.Remove(blobName);
            _unmarked.Remove(blobName);
            try
            {
                await _markers.DeleteBlobIfExistsAsync(_markerPrefix + blobName, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException failure2)
            {
                _logger.LogWarning("Local Event Grid: could not remove the delivery marker of deleted {Blob} ({Message}).", blobName, failure2.Message);
            }
            return true;
        }
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.FirstRetryDelay.Ticks << Math.Min(failure.Attempts, 20)));
        _failures[key] = (failure.Attempts + 1, _time.GetUtcNow() + delay);
        return false;
    }

    private Task<bool> DeliverAsync(Uri webhook, BlobItem blob, int attempt, CancellationToken cancellationToken)
    {
        var payload = new JsonArray(BlobCreatedEvent.Create(blob, BlobCreatedEvent.UrlOf(_container, blob.Name), _container.AccountName, _container.Name, _time.GetUtcNow()));
        return PostAsync(webhook, null, payload, BlobCreatedEvent.EventType, blob.Name, attempt, cancellationToken);
    }

    private async Task<bool> PostAsync(Uri webhook, string? functionKey, JsonArray payload, string eventType, string blobName, int attempt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (!string.IsNullOrEmpty(functionKey)) request.Headers.Add("x-functions-key", functionKey);
        // The headers Event Grid sends with every delivery; the extension dispatches on aeg-event-type.
        request.Headers.Add("aeg-event-type", "Notification");
        request.Headers.Add("aeg-subscription-name", _options.Subscription.ToUpperInvariant());
        request.Headers.Add("aeg-delivery-count", (attempt - 1).ToString());
        request.Headers.Add("aeg-data-version", "");
        request.Headers.Add("aeg-metadata-version", "1");
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                _logger.LogInformation("Local Event Grid: {EventType} {Container}/{Blob} delivered ({Status}).", eventType, _container.Name, blobName, (int)response.StatusCode);
                return true;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            _logger.LogWarning("Local Event Grid: the webhook answered {Status} for {Container}/{Blob} (attempt {Attempt}): {Body}",
                (int)response.StatusCode, _container.Name, blobName, attempt, body.Length > 300 ? body[..300] : body);
            return false;
        }
        catch (Exception failure) when (failure is HttpRequestException || failure is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Local Event Grid: the webhook {Webhook} is not reachable for {Container}/{Blob} (attempt {Attempt}): {Message}",
                webhook.GetLeftPart(UriPartial.Path), _container.Name, blobName, attempt, failure.Message);
            return false;
        }
    }

    private async Task<Dictionary<string, string>> LoadMarkersAsync(CancellationToken cancellationToken)
    {
        var delivered = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var marker in _markers.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, _markerPrefix, cancellationToken))
            {
                if (marker.Metadata.TryGetValue(ETagMetadata, out var eTag)) delivered[marker.Name[_markerPrefix.Length..]] = eTag;
            }
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // No marker container: nothing delivered yet.
        }
        return delivered;
    }

    private async Task WriteMarkerAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        _unmarked[blobName] = eTag;
        try
        {
            await WriteUnmarkedAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is RequestFailedException or HttpRequestException)
        {
            _logger.LogWarning("Local Event Grid: delivered {Container}/{Blob} but could not record it yet ({Message}).", _container.Name, blobName, failure.Message);
        }
    }

    private async Task WriteUnmarkedAsync(CancellationToken cancellationToken)
    {
        foreach (var (blobName, eTag) in _unmarked.ToList())
        {
            var marker = _markers.GetBlobClient(_markerPrefix + blobName);
            var options = new BlobUploadOptions { Metadata = new Dictionary<string, string> { [ETagMetadata] = eTag } };
            try
            {
                await marker.UploadAsync(BinaryData.Empty, options, cancellationToken);
            }
            catch (RequestFailedException missing) when (missing.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                await _markers.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await marker.UploadAsync(BinaryData.Empty, options, cancellationToken);
            }
            _unmarked.Remove(blobName);
        }
    }

    public override void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
        base.Dispose();
    }
}
