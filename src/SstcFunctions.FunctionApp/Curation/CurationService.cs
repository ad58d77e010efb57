using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp.Curation;

/// <summary>A card as it is now, read from storage (not from the possibly older snapshot), with what it is made of.</summary>
public sealed record CardState(string BrochureId, string CardKey, ProjectRecord Record, ProjectRecord? Extracted, CardCorrection? Correction)
{
    /// <summary>The record's entity tag: the same strong tag GET /api/projects/{id} sends (a hash of the record JSON).</summary>
    public string ETag => CurationService.ETagOf(Record);
}

/// <summary>The outcome of a change: the new state, or a closed reason it was refused.</summary>
public sealed record CurationOutcome(CurationFailure? Failure, CardState? State, IReadOnlyList<FieldProblem> Problems)
{
    public static CurationOutcome Done(CardState state) => new(null, state, []);
    public static CurationOutcome Fail(CurationFailure failure, CardState? state = null, IReadOnlyList<FieldProblem>? problems = null) => new(failure, state, problems ?? []);
}

public enum CurationFailure { NotFound, Stale, Invalid }

/// <summary>
/// Corrections, added cards, withdrawals and reviews: each read from storage, checked against the caller's If-Match,
/// validated, saved with its history line in one conditional write, then announced so every instance reloads.
/// </summary>
public sealed class CurationService(
    CatalogueStore store,
    CorrectionStore corrections,
    CatalogueReadModel readModel,
    CorrectionPatchReader reader,
    TimeProvider time,
    ILogger<CurationService> logger)
{
    public const string ExtractionActor = "extraction";

    private static readonly string[] HistoryFields = [.. CorrectionPatchReader.EditableFields];

    public static string ETagOf(ProjectRecord record) =>
        EntityTags.Of(JsonSerializer.SerializeToUtf8Bytes(record, RecordJson.Options)).ToString();

    /// <summary>The card served under <paramref name="projectId"/>, computed afresh from storage; null when there is none.</summary>
    public async Task<CardState?> LoadAsync(string projectId, CancellationToken cancellationToken)
    {
        var snapshot = await readModel.GetAsync(cancellationToken);
        var brochureId = snapshot.IndexOf(projectId) is { } index ? snapshot.Project(index).BrochureId : BrochureOf(projectId);
        if (brochureId is null) return null;
        return await LoadAsync(brochureId, projectId, cancellationToken);
    }

    private async Task<CardState?> LoadAsync(string brochureId, string projectId, CancellationToken cancellationToken)
    {
        var extracted = await store.GetProjectsAsync(brochureId, cancellationToken);
        var list = await corrections.LoadBrochureAsync(brochureId, cancellationToken);
        if (extracted.Count == 0) return null; // As served: a brochure without cards serves nothing, added cards included.
        var overlaid = CorrectionOverlay.Apply(brochureId, extracted, list);
        var record = overlaid.Projects.FirstOrDefault(p => p.Id == projectId);
        if (record is null) return null;
        var match = overlaid.Matches.FirstOrDefault(m => m.ProjectId == projectId);
        var key = match?.Correction.CardKey ?? overlaid.CardKeys[projectId];
        return new CardState(brochureId, key, record, extracted.FirstOrDefault(p => p.Id == projectId && match?.Match != MatchKinds.Added), match?.Correction);
    }

    /// <summary>PATCH: a validated merge patch over the card, if <paramref name="ifMatch"/> (when given) is its current tag.</summary>
    public async Task<CurationOutcome> PatchAsync(string projectId, JsonObject patch, string? ifMatch, string caller, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(projectId, cancellationToken);
        if (state is null) return CurationOutcome.Fail(CurationFailure.NotFound);
        if (!EntityTags.IfMatchAllows(ifMatch, Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(state.ETag))) return CurationOutcome.Fail(CurationFailure.Stale, state);
        if (!reader.TryRead(patch, adding: false, state.Record.Language, out var change, out var problems)) return CurationOutcome.Fail(CurationFailure.Invalid, state, problems);
        return await SaveAsync(state, change, caller, cancellationToken);
    }

    /// <summary>DELETE: withdraws the card (kept, served by id, left out of lists).</summary>
    public async Task<CurationOutcome> WithdrawAsync(string projectId, string? ifMatch, string caller, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(projectId, cancellationToken);
        if (state is null) return CurationOutcome.Fail(CurationFailure.NotFound);
        if (!EntityTags.IfMatchAllows(ifMatch, Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(state.ETag))) return CurationOutcome.Fail(CurationFailure.Stale, state);
        return await SaveAsync(state, new CorrectionPatch([], null, Withdrawn: true), caller, cancellationToken);
    }

    /// <summary>POST /api/brochures/{id}/projects: a card the extractor missed.</summary>
    public async Task<CurationOutcome> AddAsync(string brochureId, JsonObject body, string caller, CancellationToken cancellationToken)
    {
        var brochure = await store.GetBrochureAsync(brochureId, cancellationToken);
        if (brochure is null || (await store.GetProjectsAsync(brochureId, cancellationToken)).Count == 0) return CurationOutcome.Fail(CurationFailure.NotFound);
        if (!reader.TryRead(body, adding: true, brochure.Language, out var change, out var problems)) return CurationOutcome.Fail(CurationFailure.Invalid, null, problems);
        for (var attempt = 0; ; attempt++)
        {
            var key = await corrections.NextAddedKeyAsync(brochureId, cancellationToken);
            var now = time.GetUtcNow();
            var fields = change.Fields.DeepClone().AsObject();
            fields.TryAdd("description", "");
            var correction = new CardCorrection
            {
                BrochureId = brochureId,
                CardKey = key,
                Kind = CorrectionKinds.Added,
                Fields = fields,
                Withdrawn = change.Withdrawn ?? false,
                ReviewedAt = change.Reviewed == true ? now : null,
                ReviewedBy = change.Reviewed == true ? caller : null,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = caller,
            };
            var record = CorrectionOverlay.Apply(brochureId, [], [correction]).Projects[0];
            var entry = new HistoryEntry
            {
                At = now, By = caller, Action = HistoryActions.Added, ProjectId = record.Id,
                Changes = Diff(null, record),
            };
            try
            {
                var saved = await corrections.SaveAsync(correction, entry, cancellationToken);
                await AnnounceAsync(cancellationToken);
                return CurationOutcome.Done(new CardState(brochureId, key, record, null, saved));
            }
            catch (CorrectionConflictException) when (attempt < 5)
            {
                // Someone added a card to this brochure at the same moment: take the next number.
            }
        }
    }

    /// <summary>GET /api/projects/{id}/history: the current extraction, then every stored line, oldest first.</summary>
    public async Task<(CardState State, IReadOnlyList<HistoryEntry> Entries)?> HistoryAsync(string projectId, CancellationToken cancellationToken)
    {
        var state = await LoadAsync(projectId, cancellationToken);
        if (state is null) return null;
        var entries = (await corrections.HistoryAsync(state.BrochureId, state.CardKey, cancellationToken)).ToList();
        if (state.Extracted is { } extracted && await store.GetBrochureAsync(state.BrochureId, cancellationToken) is { } brochure)
        {
            entries.Add(new HistoryEntry
            {
                At = brochure.CompletedAt ?? brochure.UpdatedAt ?? DateTimeOffset.MinValue,
                By = ExtractionActor,
                Action = HistoryActions.Extracted,
                ProjectId = extracted.Id,
                Changes = Diff(null, extracted),
                Note = SourceNote(brochure),
            });
        }
        return (state, entries.OrderBy(e => e.At).ToList());
    }

    /// <summary>
    /// After an ingestion committed: notes in each corrected card's history how the new extraction was matched (or that
    /// it was not). Applying needs no write: the read model lays corrections over every load.
    /// </summary>
    public async Task NoteReingestionAsync(BrochureStatus status, CancellationToken cancellationToken)
    {
        try
        {
            var list = await corrections.LoadBrochureAsync(status.Id, cancellationToken);
            if (list.Count == 0) return;
            var extracted = await store.GetProjectsAsync(status.Id, cancellationToken);
            var overlaid = CorrectionOverlay.Apply(status.Id, extracted, list);
            var now = time.GetUtcNow();
            var note = SourceNote(status);
            var entries = overlaid.Matches.Where(m => m.Match != MatchKinds.Added || extracted.Count == 0).Select(m => (m.Correction.CardKey, new HistoryEntry
            {
                At = now,
                By = ExtractionActor,
                Action = m.ProjectId is null || extracted.Count == 0 ? HistoryActions.Unmatched : HistoryActions.Reapplied,
                ProjectId = extracted.Count == 0 ? null : m.ProjectId,
                Note = m.Match switch
                {
                    MatchKinds.Exact => $"{note}; found by its title",
                    MatchKinds.Similar => $"{note}; found by similarity {m.Similarity:0.00}",
                    _ => $"{note}; no card of this version matches: the correction is kept and reported",
                },
            })).ToList();
            await corrections.AppendHistoryAsync(status.Id, entries, cancellationToken);
        }
        catch (Exception e) when (CatalogueStorage.IsTransient(e) || e is Azure.RequestFailedException)
        {
            // The corrections still apply (the read model lays them over every load); only this history note is lost.
            logger.LogWarning(e, "Could not note the re-ingestion of brochure {BrochureId} in its corrections' history", status.Id);
        }
    }

    private async Task<CurationOutcome> SaveAsync(CardState state, CorrectionPatch change, string caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var extractedJson = state.Extracted is null ? null : JsonSerializer.SerializeToNode(state.Extracted, RecordJson.Options)!.AsObject();
        var fields = state.Correction?.Fields.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in change.Fields)
        {
            // A value set back to what the extractor read is no longer a correction.
            if (extractedJson is not null && JsonNode.DeepEquals(extractedJson[name], value)) fields.Remove(name);
            else fields[name] = value?.DeepClone();
        }
        var correction = (state.Correction ?? new CardCorrection
        {
            BrochureId = state.BrochureId,
            CardKey = state.CardKey,
            Kind = CorrectionKinds.Corrected,
            AnchorTitle = state.Extracted?.Title,
            AnchorText = state.Extracted is null ? null : CardIdentity.AnchorText(state.Extracted.Description),
            CreatedAt = now,
        }) with
        {
            Fields = fields,
            UpdatedAt = now,
            UpdatedBy = caller,
        };
        if (change.Withdrawn is { } withdrawn) correction = correction with { Withdrawn = withdrawn };
        if (change.Reviewed is { } reviewed) correction = correction with { ReviewedAt = reviewed ? now : null, ReviewedBy = reviewed ? caller : null };

        var baseRecord = state.Extracted ?? CorrectionOverlay.Apply(state.BrochureId, [], [correction with { Fields = [] }]).Projects[0];
        var origin = correction.Kind == CorrectionKinds.Added ? ProjectOrigins.Added : ProjectOrigins.Corrected;
        var record = CorrectionOverlay.Overlay(baseRecord, correction, origin);

        var changes = Diff(state.Record, record).ToList();
        var wasWithdrawn = state.Record.Curation?.Withdrawn ?? false;
        var wasReviewed = state.Record.Curation?.ReviewedAt is not null;
        if (correction.Withdrawn != wasWithdrawn) changes.Add(new FieldChange("withdrawn", wasWithdrawn, correction.Withdrawn));
        if ((correction.ReviewedAt is not null) != wasReviewed) changes.Add(new FieldChange("reviewed", wasReviewed, correction.ReviewedAt is not null));
        if (changes.Count == 0) return CurationOutcome.Done(state); // Nothing new: no write, no history line.

        var action = correction.Withdrawn != wasWithdrawn ? (correction.Withdrawn ? HistoryActions.Withdrawn : HistoryActions.Restored)
            : changes.All(c => c.Field == "reviewed") ? HistoryActions.Reviewed
            : HistoryActions.Corrected;
        var entry = new HistoryEntry { At = now, By = caller, Action = action, ProjectId = state.Record.Id, Changes = changes };
        try
        {
            var saved = await corrections.SaveAsync(correction, entry, cancellationToken);
            await AnnounceAsync(cancellationToken);
            return CurationOutcome.Done(state with { Record = record, Correction = saved });
        }
        catch (CorrectionConflictException)
        {
            // Someone saved a change to this card since we read it: the caller's view is stale too.
            return CurationOutcome.Fail(CurationFailure.Stale, await LoadAsync(state.BrochureId, state.Record.Id, cancellationToken));
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        readModel.Invalidate();
        await store.NotifyChangedAsync(cancellationToken);
    }

    /// <summary>If-Match (RFC 9110 §13.1.1): absent, "*", or a list holding the current strong tag.</summary>
    private static List<FieldChange> Diff(ProjectRecord? before, ProjectRecord after)
    {
        var old = before is null ? null : JsonSerializer.SerializeToNode(before, RecordJson.Options)!.AsObject();
        var now = JsonSerializer.SerializeToNode(after, RecordJson.Options)!.AsObject();
        var changes = new List<FieldChange>();
        foreach (var field in HistoryFields)
        {
            var a = old?[field];
            var b = now[field];
            if (old is not null && JsonNode.DeepEquals(a, b)) continue;
            if (old is null && (b is null || b is JsonArray { Count: 0 })) continue;
            changes.Add(new FieldChange(field, a?.DeepClone(), b?.DeepClone()));
        }
        return changes;
    }

    private static string SourceNote(BrochureStatus status) =>
        $"extracted from {status.FileName}" + (status.Sha256 is { Length: >= 12 } sha ? $" (SHA-256 {sha[..12]}…)" : "");

    /// <summary>"sstc-2020-2021-004" → "sstc-2020-2021"; "sstc-2020-2021-added-002" → "sstc-2020-2021".</summary>
    public static string? BrochureOf(string projectId)
    {
        var cut = projectId.LastIndexOf('-');
        if (cut <= 0) return null;
        var brochure = projectId[..cut];
        if (brochure.EndsWith("-added", StringComparison.Ordinal)) brochure = brochure[..^"-added".Length];
        return BrochureRoute.IsValidId(brochure) ? brochure : null;
    }
}
