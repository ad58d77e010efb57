namespace SstcFunctions.Core.Pdf;

/// <summary>Resource limits for one brochure. Safe defaults; configurable through options ("Extraction" section).</summary>
public sealed record ExtractionLimits
{
    public long MaxFileBytes { get; init; } = 50 * 1024 * 1024;
    public int MaxPages { get; init; } = 1_000;
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Cap on the bytes any one decoded stream may inflate to (decompression bombs).</summary>
    public long MaxDecodedStreamBytes { get; init; } = 64 * 1024 * 1024;
    public long MaxMemoryBytes { get; init; } = 512L * 1024 * 1024;

    public static ExtractionLimits Default { get; } = new();
}
