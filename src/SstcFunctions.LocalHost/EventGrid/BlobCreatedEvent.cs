using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SstcFunctions.LocalHost.EventGrid;

/// <summary>
/// A <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, shaped like the ones Azure Storage publishes.
/// The blob extension's webhook reads <c>data.url</c> (container and blob name), <c>data.eTag</c> and
/// <c>data.blobType</c>; the rest is there so the payload is the real thing, not a subset that happens to parse.
/// </summary>
public static class BlobCreatedEvent
{
    public const string EventType = "Microsoft.Storage.BlobCreated";

    /// <summary>Azurite has no subscription or resource group: these stand in for them in <c>topic</c>.</summary>
    public const string LocalSubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string LocalResourceGroup = "local";

    /// <param name="blob">The blob as its container listing reports it.</param>
    /// <param name="blobUri">The blob's URL (what Azure sends in <c>data.url</c>).</param>
    /// <param name="accountName">The storage account, for <c>topic</c>.</param>
    /// <param name="now">The event time.</param>
    public static JsonObject Create(BlobItem blob, Uri blobUri, string accountName, string containerName, DateTimeOffset now)
    {
        var eTag = UnquotedETag(blob);
        return new JsonObject
        {
            ["topic"] = $"/subscriptions/{LocalSubscriptionId}/resourceGroups/{LocalResourceGroup}/providers/Microsoft.Storage/storageAccounts/{accountName}",
            ["subject"] = $"/blobServices/default/containers/{containerName}/blobs/{blob.Name}",
            ["eventType"] = EventType,
            // The same blob version always gets the same id, as a redelivery by Event Grid does.
            ["id"] = DeterministicId($"{accountName}/{containerName}/{blob.Name}@{eTag}").ToString(),
            ["data"] = new JsonObject
            {
                ["api"] = "PutBlob",
                ["clientRequestId"] = Guid.NewGuid().ToString(),
                ["requestId"] = Guid.NewGuid().ToString(),
                ["eTag"] = eTag,
                ["contentType"] = blob.Properties.ContentType ?? "application/octet-stream",
                ["contentLength"] = blob.Properties.ContentLength ?? 0,
                ["blobType"] = BlobTypeName(blob.Properties.BlobType),
                ["url"] = blobUri.AbsoluteUri,
                ["sequencer"] = (blob.Properties.LastModified ?? now).UtcTicks.ToString("x32"),
                ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = now.UtcDateTime.ToString("O"),
        };
    }

    /// <summary>ETags as Event Grid sends them in <c>data.eTag</c>: without the quotes the HTTP header carries.</summary>
    public static string UnquotedETag(BlobItem blob) => (blob.Properties.ETag?.ToString() ?? "").Trim('"');

    /// <summary>"BlockBlob", "AppendBlob", "PageBlob": the extension strips "Blob" and parses the rest as its BlobType.</summary>
    private static string BlobTypeName(BlobType? type) => type switch
    {
        BlobType.Append => "AppendBlob",
        BlobType.Page => "PageBlob",
        _ => "BlockBlob",
    };

    private static Guid DeterministicId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    /// <summary>The URL of <paramref name="blobName"/> in <paramref name="container"/>, escaped as the storage SDK escapes it.</summary>
    public static Uri UrlOf(BlobContainerClient container, string blobName) => container.GetBlobClient(blobName).Uri;
}

/// <summary>A <c>Microsoft.Storage.BlobDeleted</c> event in the Event Grid schema, shaped like the ones Azure Storage publishes.</summary>
public static class BlobDeletedEvent
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    public static JsonObject Create(string blobName, Uri blobUri, string accountName, string containerName, DateTimeOffset now) => new()
    {
        ["topic"] = $"/subscriptions/{BlobCreatedEvent.LocalSubscriptionId}/resourceGroups/{BlobCreatedEvent.LocalResourceGroup}/providers/Microsoft.Storage/storageAccounts/{accountName}",
        ["subject"] = $"/blobServices/default/containers/{containerName}/blobs/{blobName}",
        ["eventType"] = EventType,
        ["id"] = Guid.NewGuid().ToString(),
        ["data"] = new JsonObject
        {
            ["api"] = "DeleteBlob",
            ["requestId"] = Guid.NewGuid().ToString(),
            ["contentType"] = "application/pdf",
            ["blobType"] = "BlockBlob",
            ["url"] = blobUri.AbsoluteUri,
            ["sequencer"] = now.UtcTicks.ToString("x32"),
            ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
        },
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["eventTime"] = now.UtcDateTime.ToString("O"),
    };
}
