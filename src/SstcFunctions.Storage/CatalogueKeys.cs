using System.Globalization;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Partition and row keys of the three tables (docs/storage.md explains the choice).</summary>
internal static class CatalogueKeys
{
    public const string BrochurePartition = "brochure";
    public const string CataloguePartition = "catalogue";
    public const string VersionRow = "version";

    /// <summary>Sortable by start time, unique per run: the newer of two overlapping runs wins the switch.</summary>
    public static string NewGeneration() =>
        DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));

    public static string ProjectRow(string generation, int ordinal) =>
        generation + "_" + ordinal.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Row keys of one generation lie in [generation + "_", generation + "`"): '`' sorts right after '_'.</summary>
    public static (string From, string To) GenerationRange(string generation) => (generation + "_", generation + "`");

    public static string GenerationOf(string projectRow) => projectRow[..projectRow.IndexOf('_')];

    public static string IndexPartition(string facet, string value) =>
        facet + "|" + Uri.EscapeDataString(value.Trim().ToLowerInvariant());

    public static string IndexRow(string brochureId, string generation, int ordinal) =>
        brochureId + "|" + ProjectRow(generation, ordinal);

    /// <summary>Every (facet, value) a project is findable by; one index entity each.</summary>
    public static IEnumerable<(string Facet, string Value)> IndexedValues(ProjectRecord project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<(string, string)> All()
        {
            if (!string.IsNullOrWhiteSpace(project.Region)) yield return (CatalogueFacets.Region, project.Region);
            foreach (var country in project.Countries) yield return (CatalogueFacets.Country, country);
            foreach (var topic in project.Topics) yield return (CatalogueFacets.Topic, topic);
            if (project.Outcome is { } outcome) yield return (CatalogueFacets.Outcome, outcome.Id);
            foreach (var other in project.Outcomes) yield return (CatalogueFacets.Outcome, other.Id);
            foreach (var activity in project.Activities) yield return (CatalogueFacets.Activity, activity);
            foreach (var modality in project.Modality) yield return (CatalogueFacets.Modality, modality);
            yield return (CatalogueFacets.Language, project.Language);
        }
        foreach (var (facet, value) in All())
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (seen.Add(IndexPartition(facet, value))) yield return (facet, value);
        }
    }
}

/// <summary>The facets projects are indexed and counted by.</summary>
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
