namespace SstcFunctions.Core.Records;

/// <summary>Where a served record's values come from.</summary>
public static class ProjectOrigins
{
    /// <summary>Exactly what the extractor read.</summary>
    public const string Extracted = "extracted";
    /// <summary>An extracted card with at least one field corrected by a person.</summary>
    public const string Corrected = "corrected";
    /// <summary>A card a person added because the extractor missed it.</summary>
    public const string Added = "added";
}

/// <summary>The people's side of a record: which fields were corrected, whether it is withdrawn or reviewed, by whom.</summary>
public sealed record ProjectCuration
{
    /// <summary>The card identity the correction is stored under (docs/curation.md); stable across re-ingestion.</summary>
    public required string CardKey { get; init; }
    /// <summary>Record fields (JSON names) whose value is a person's, not the extractor's.</summary>
    public IReadOnlyList<string> CorrectedFields { get; init; } = [];
    /// <summary>Withdrawn cards are kept (and served by id) but left out of lists, facets and exports.</summary>
    public bool Withdrawn { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}
