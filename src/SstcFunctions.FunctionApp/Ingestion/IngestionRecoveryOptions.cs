using System.ComponentModel.DataAnnotations;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// The stalled-ingestion recovery ("Ingestion" section, e.g. <c>Ingestion__StalledAfter=00:00:30</c> as an app
/// setting). See <see cref="StalledIngestionRecovery"/>.
/// </summary>
public sealed record IngestionRecoveryOptions
{
    public const string Section = "Ingestion";

    /// <summary>False turns the startup recovery off (the blob trigger's retries and the Reconcile timer remain).</summary>
    public bool RecoveryEnabled { get; init; } = true;
    /// <summary>
    /// How often a running ingestion touches its brochure row (default 5 s), so a row that stops changing means the
    /// process running it is gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// How long a brochure may stay pending (or failed with "will retry") without any update before it counts as
    /// stalled. Default: four heartbeats (20 s), so after a host restart a stalled ingestion resumes within about 20 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan? StalledAfter { get; init; }
    /// <summary>Recovery runs per content before the brochure is marked failed for good (a file that kills its host).</summary>
    [Range(1, 1000)]
    public int MaxRecoveryAttempts { get; init; } = 5;

    public TimeSpan EffectiveStalledAfter(ExtractionLimits limits) => StalledAfter ?? 4 * HeartbeatInterval;
}
