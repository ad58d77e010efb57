using SstcFunctions.Core.Pdf;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// The stalled-ingestion sweep ("Ingestion" section, e.g. <c>Ingestion__RecoveryInterval=00:00:05</c> as an app
/// setting). See <see cref="StalledIngestionRecovery"/>.
/// </summary>
public sealed record IngestionRecoveryOptions
{
    public const string Section = "Ingestion";

    /// <summary>False turns the sweep off (the blob trigger's own retries remain).</summary>
    public bool RecoveryEnabled { get; init; } = true;
    /// <summary>How often the sweep looks for stalled brochures (default 60 s); it also runs once at startup.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// How long a brochure may stay pending (or failed with "will retry") without any update before it counts as
    /// stalled. Default: twice the per-brochure extraction budget, at least 60 s.
    /// </summary>
    public TimeSpan? StalledAfter { get; init; }
    /// <summary>Recovery runs per content before the brochure is marked failed for good (a file that kills its host).</summary>
    public int MaxRecoveryAttempts { get; init; } = 5;

    public TimeSpan EffectiveStalledAfter(ExtractionLimits limits) =>
        StalledAfter ?? TimeSpan.FromTicks(Math.Max(2 * limits.MaxDuration.Ticks, TimeSpan.FromSeconds(60).Ticks));
}
