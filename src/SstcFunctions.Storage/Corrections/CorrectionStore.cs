using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage.Corrections;

/// <summary>
/// The "corrections" table: one partition per brochure holding each corrected or added card ("card|{key}") and
/// its history ("hist|{key}|{time}"). A correction and its history line are written in one entity-group transaction,
/// conditional on the correction's ETag, so a lost race is a conflict and never a silent overwrite.
/// </summary>
public sealed class CorrectionStore(CatalogueStorage storage)
{
    private const string CardPrefix = "card|";
    private const string HistoryPrefix = "hist|";
    private const string AddedKeyPrefix = "added-";

    /// <summary>Every correction of every brochure (a small table: one row per card people touched).</summary>
    public Task<IReadOnlyList<CardCorrection>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => QueryAsync(TableClient.CreateQueryFilter($"RowKey ge {CardPrefix} and RowKey lt {"card}"}"), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CardCorrection>> LoadBrochureAsync(string brochureId, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey ge {CardPrefix} and RowKey lt {"card}"}"), cancellationToken), cancellationToken);

    /// <summary>
    /// Saves <paramref name="correction"/> with its history line. Its <see cref="CardCorrection.StorageETag"/> must be the
    /// one read (null: there must be no correction yet); otherwise <see cref="CorrectionConflictException"/>.
    /// </summary>
    public Task<CardCorrection> SaveAsync(CardCorrection correction, HistoryEntry entry, CancellationToken cancellationToken = default) =>
        storage.RunAsync(() => SaveCore(correction, entry, cancellationToken), cancellationToken);

    private async Task<CardCorrection> SaveCore(CardCorrection correction, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var entity = ToEntity(correction);
        var actions = new List<TableTransactionAction>
        {
            correction.StorageETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(etag))
                : new TableTransactionAction(TableTransactionActionType.Add, entity),
            new(TableTransactionActionType.Add, ToEntity(correction.BrochureId, correction.CardKey, entry)),
        };
        try
        {
            var response = await storage.Corrections.SubmitTransactionAsync(actions, cancellationToken);
            if (response.Value[0].Headers.ETag is { } saved) return correction with { StorageETag = saved.ToString() };
            var stored = await storage.Corrections.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            return correction with { StorageETag = stored.Value.ETag.ToString() };
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            throw new CorrectionConflictException();
        }
    }

    /// <summary>History lines written outside a correction (the ingestion noting how it found each corrected card).</summary>
    public Task AppendHistoryAsync(string brochureId, IReadOnlyList<(string CardKey, HistoryEntry Entry)> entries, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            foreach (var batch in entries.Chunk(CatalogueStore.MaxBatchEntities))
            {
                await storage.Corrections.SubmitTransactionAsync(
                    batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(brochureId, e.CardKey, e.Entry))), cancellationToken);
            }
        }, cancellationToken);

    /// <summary>A card's history, oldest first.</summary>
    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string brochureId, string cardKey, CancellationToken cancellationToken = default) =>
        storage.RunAsync(async () =>
        {
            var from = HistoryPrefix + cardKey + "|";
            var to = HistoryPrefix + cardKey + "}";
            var list = new List<HistoryEntry>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {brochureId} and RowKey ge {from} and RowKey lt {to}");
            await foreach (var entity in storage.Corrections.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) list.Add(ReadEntry(entity));
            return (IReadOnlyList<HistoryEntry>)list;
        }, cancellationToken);

    /// <summary>The key for the next card added to a brochure: "added-001", "added-002"… (a race ends in a conflict on save).</summary>
    public async Task<string> NextAddedKeyAsync(string brochureId, CancellationToken cancellationToken = default)
    {
        var existing = await LoadBrochureAsync(brochureId, cancellationToken);
        var last = existing.Where(c => c.Kind == CorrectionKinds.Added)
            .Select(c => int.TryParse(c.CardKey.AsSpan(AddedKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return AddedKeyPrefix + (last + 1).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>The number of an added card's key ("added-007" → 7).</summary>
    public static int AddedNumber(string cardKey) =>
        cardKey.StartsWith(AddedKeyPrefix, StringComparison.Ordinal) && int.TryParse(cardKey.AsSpan(AddedKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private async Task<IReadOnlyList<CardCorrection>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var list = new List<CardCorrection>();
        await foreach (var entity in storage.Corrections.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) list.Add(ReadCorrection(entity));
        return list;
    }

    private static TableEntity ToEntity(CardCorrection c)
    {
        var entity = new TableEntity(c.BrochureId, CardPrefix + c.CardKey)
        {
            ["Kind"] = c.Kind,
            ["AnchorTitle"] = c.AnchorTitle,
            ["AnchorText"] = c.AnchorText,
            ["Withdrawn"] = c.Withdrawn,
            ["ReviewedAt"] = c.ReviewedAt,
            ["ReviewedBy"] = c.ReviewedBy,
            ["CreatedAt"] = c.CreatedAt,
            ["UpdatedAt"] = c.UpdatedAt,
            ["UpdatedBy"] = c.UpdatedBy,
        };
        ChunkedText.Write(entity, "Fields", c.Fields.ToJsonString(RecordJson.Options));
        return entity;
    }

    private static CardCorrection ReadCorrection(TableEntity e) => new()
    {
        BrochureId = e.PartitionKey,
        CardKey = e.RowKey[CardPrefix.Length..],
        Kind = e.GetString("Kind") ?? CorrectionKinds.Corrected,
        AnchorTitle = e.GetString("AnchorTitle"),
        AnchorText = e.GetString("AnchorText"),
        Fields = JsonNode.Parse(ChunkedText.Read(e, "Fields") ?? "{}") as JsonObject ?? [],
        Withdrawn = e.GetBoolean("Withdrawn") ?? false,
        ReviewedAt = e.GetDateTimeOffset("ReviewedAt"),
        ReviewedBy = e.GetString("ReviewedBy"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        UpdatedBy = e.GetString("UpdatedBy"),
        StorageETag = e.ETag.ToString(),
    };

    private static TableEntity ToEntity(string brochureId, string cardKey, HistoryEntry entry)
    {
        // Time first so a card's lines sort chronologically; a random tail keeps two lines of the same tick apart.
        var row = HistoryPrefix + cardKey + "|" + entry.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
        var entity = new TableEntity(brochureId, row)
        {
            ["At"] = entry.At,
            ["By"] = entry.By,
            ["Action"] = entry.Action,
            ["ProjectId"] = entry.ProjectId,
            ["Note"] = entry.Note,
        };
        ChunkedText.Write(entity, "Changes", JsonSerializer.Serialize(entry.Changes, RecordJson.Options));
        return entity;
    }

    private static HistoryEntry ReadEntry(TableEntity e) => new()
    {
        At = e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        By = e.GetString("By") ?? "",
        Action = e.GetString("Action") ?? "",
        ProjectId = e.GetString("ProjectId"),
        Note = e.GetString("Note"),
        Changes = JsonSerializer.Deserialize<List<FieldChange>>(ChunkedText.Read(e, "Changes") ?? "[]", RecordJson.Options) ?? [],
    };
}
