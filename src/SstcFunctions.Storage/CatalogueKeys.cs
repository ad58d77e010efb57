using System.Globalization;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Partition and row keys of the two tables (docs/storage.md explains the choice).</summary>
internal static class CatalogueKeys
{
    public const string BrochurePartition = "brochure";
    /// <summary>
    /// The catalogue version stamp lives in the brochures' partition, so a brochure row's switch and the bump are one
    /// entity-group transaction. '~' is no slug character: no brochure can have this id.
    /// </summary>
    public const string VersionRow = "~version";

    /// <summary>Sortable by start time, unique per run: the newer of two overlapping runs wins the switch.</summary>
    public static string NewGeneration() =>
        DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));

    public static string ProjectRow(string generation, int ordinal) =>
        generation + "_" + ordinal.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Row keys of one generation lie in [generation + "_", generation + "`"): '`' sorts right after '_'.</summary>
    public static (string From, string To) GenerationRange(string generation) => (generation + "_", generation + "`");

    public static string GenerationOf(string projectRow) => projectRow[..projectRow.IndexOf('_')];
}

/// <summary>The facets projects are filtered and counted by.</summary>
public static class CatalogueFacets
{
    public const string Region = "region";
    public const string Country = "country";
    public const string Topic = "topic";
    public const string Outcome = "outcome";
    public const string Activity = "activity";
    public const string Modality = "modality";
    /// <summary>The record's BCP 47 language tag ("en", "es", "fr").</summary>
    public const string Language = "lang";

    public static IReadOnlyList<string> All { get; } = [Region, Country, Topic, Outcome, Activity, Modality, Language];
}
