namespace SstcFunctions.Storage;

/// <summary>What GET /api/brochures/{id} reports: where a brochure is in the pipeline and what came out of it.</summary>
public sealed record BrochureStatus
{
    public required string Id { get; init; }
    /// <summary>The blob name in the brochures container.</summary>
    public required string FileName { get; init; }
    /// <summary><see cref="BrochureStates"/>: pending, succeeded, failed or deleting.</summary>
    public required string Status { get; init; }
    public long? SizeBytes { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file; the same content is never processed twice.</summary>
    public string? Sha256 { get; init; }
    public string? Title { get; init; }
    public string? Biennium { get; init; }
    /// <summary>BCP 47 tag of the brochure's main language; null until it is read.</summary>
    public string? Language { get; init; }
    public int? PageCount { get; init; }
    public int? ProjectCount { get; init; }
    public int? StatedProjectCount { get; init; }
    public int? StatedCountryCount { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Why the brochure failed, in words a person understands; null unless failed.</summary>
    public string? Error { get; init; }
    /// <summary>Set on a failure that will be retried, and why; code decides on this, never on <see cref="Error"/>.</summary>
    public RetryCause? Retry { get; init; }
    public DateTimeOffset? UploadedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>
    /// People's corrections of this brochure that match no card of its current extraction: kept, never dropped
    /// (GET /api/corrections?match=none lists them all). Filled in by the API from the read model.
    /// </summary>
    public IReadOnlyList<Corrections.UnmatchedCorrection> UnmatchedCorrections { get; init; } = [];
}

/// <summary>Why a failed ingestion will be tried again.</summary>
public enum RetryCause
{
    /// <summary>Storage was unavailable: not the file's fault, retried as long as it lasts.</summary>
    Storage,
    /// <summary>An unexpected error: retried a bounded number of times.</summary>
    Unexpected,
}

public static class BrochureStates
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    /// <summary>Deleted: hidden from the catalogue at once, its records being removed in the background.</summary>
    public const string Deleting = "deleting";
}
