using System.Text.Json.Nodes;

namespace SstcFunctions.Storage.Corrections;

/// <summary>
/// What people decided about one card, stored apart from the extracted records (table "corrections") and laid over
/// them whenever the catalogue is read, so it survives any re-ingestion of the brochure.
/// </summary>
public sealed record CardCorrection
{
    public required string BrochureId { get; init; }
    /// <summary><see cref="CardIdentity"/> of the extracted card; "added-001"… for a card people added.</summary>
    public required string CardKey { get; init; }
    /// <summary><see cref="CorrectionKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The extracted title the correction was made on (null for an added card).</summary>
    public string? AnchorTitle { get; init; }
    /// <summary>The opening words of the extracted description the correction was made on.</summary>
    public string? AnchorText { get; init; }
    /// <summary>Record fields (JSON names, record JSON shape) set by people; for an added card, all its fields.</summary>
    public JsonObject Fields { get; init; } = [];
    public bool Withdrawn { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
    /// <summary>The storage entity's ETag when read; a save made from this read fails if someone saved in between.</summary>
    public string? StorageETag { get; init; }
}

public static class CorrectionKinds
{
    public const string Corrected = "corrected";
    public const string Added = "added";
}

/// <summary>One line of a card's history: when, who, what happened, and each field's value before and after.</summary>
public sealed record HistoryEntry
{
    public required DateTimeOffset At { get; init; }
    /// <summary>The caller's identity as the platform gave it, "function key", or "extraction" for the pipeline.</summary>
    public required string By { get; init; }
    /// <summary><see cref="HistoryActions"/>.</summary>
    public required string Action { get; init; }
    /// <summary>The project id the card had at that moment (ids follow reading order, so they may change).</summary>
    public string? ProjectId { get; init; }
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
    /// <summary>For extraction events: the file and its SHA-256; for re-ingestion, how the card was found again.</summary>
    public string? Note { get; init; }
}

public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);

public static class HistoryActions
{
    public const string Extracted = "extracted";
    public const string Corrected = "corrected";
    public const string Added = "added";
    public const string Withdrawn = "withdrawn";
    public const string Restored = "restored";
    public const string Reviewed = "reviewed";
    /// <summary>The brochure was ingested again and the correction found its card (and still applies).</summary>
    public const string Reapplied = "reapplied";
    /// <summary>The brochure was ingested again and no card matched the correction: it is kept and reported.</summary>
    public const string Unmatched = "unmatched";
}

/// <summary>A correction that found no card in its brochure's current extraction: kept, and reported on the brochure's status.</summary>
public sealed record UnmatchedCorrection(string CardKey, string? AnchorTitle, IReadOnlyList<string> CorrectedFields, bool Withdrawn,
    DateTimeOffset UpdatedAt, string? UpdatedBy, double? BestSimilarity);

/// <summary>A save lost a race: the correction changed since it was read. HTTP answers 412.</summary>
public sealed class CorrectionConflictException() : Exception("The correction changed since it was read.");
