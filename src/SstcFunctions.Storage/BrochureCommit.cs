using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>The outcome of processing one brochure file: its records, or the permanent reason it has none.</summary>
public sealed record BrochureCommit
{
    public required string BrochureId { get; init; }
    public required string FileName { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>Null when the file was rejected (<see cref="FailureReason"/> says why).</summary>
    public ExtractionResult? Result { get; init; }
    public string? FailureReason { get; init; }
}
