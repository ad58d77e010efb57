using System.ComponentModel.DataAnnotations;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Resource limits for one brochure. Safe defaults; configurable through options ("Extraction" section, e.g.
/// <c>Extraction__MaxPages=2000</c> as an app setting). Each limit, when hit, fails only that brochure with a reason
/// that names the limit ("too many pages: 5000 > 1000", "exceeded 60 s …", "exceeded the 512 MB memory limit", …).
/// </summary>
public sealed record ExtractionLimits
{
    public const string Section = "Extraction";

    /// <summary>Largest upload accepted (default 50 MB); checked before anything is parsed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; init; } = 50 * 1024 * 1024;
    /// <summary>Most pages a brochure may have (default 1,000); checked right after opening, before any page is read.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPages { get; init; } = 1_000;
    /// <summary>
    /// Wall-clock budget per brochure (default 60 s). In-process it is checked per page and per decoded stream; the
    /// sandbox's child process is additionally killed a few seconds past it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Cap on the bytes any one decoded stream may inflate to (decompression bombs; default 64 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecodedStreamBytes { get; init; } = 64 * 1024 * 1024;
    /// <summary>
    /// Memory per extraction (default 512 MB): the sandbox's child gets it as its managed-heap hard limit
    /// (DOTNET_GCHeapHardLimit) and is killed when its resident memory passes it plus a fixed headroom.
    /// </summary>
    [Range(16L * 1024 * 1024, long.MaxValue, ErrorMessage = "{0} must be at least 16 MB (16777216): the runtime alone needs that much.")]
    public long MaxMemoryBytes { get; init; } = 512L * 1024 * 1024;

    public static ExtractionLimits Default { get; } = new();
}
