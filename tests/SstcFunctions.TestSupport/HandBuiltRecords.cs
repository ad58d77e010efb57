using SstcFunctions.Core;
using SstcFunctions.Core.Records;
using SstcFunctions.Storage;

namespace SstcFunctions.TestSupport;

/// <summary>
/// Extraction results built by hand, so storage and the API are tested independently of the PDF pipeline. Every fourth
/// title carries quotes, a line break and non-ASCII letters (CSV and storage round trips); topics are real taxonomy
/// slugs, and variant "a" and any other variant share none, so a replaced brochure shows in the index.
/// </summary>
public static class HandBuiltRecords
{
    private static readonly string[][] CountrySets = [["BR", "AR"], ["ET", "MA"], ["JO"], ["CN", "IN", "BR"]];
    private static readonly string[] Regions = ["Latin America and the Caribbean", "Africa", "Arab States", "Asia and the Pacific"];

    public static ExtractionResult Result(string brochureId, int projects, string variant = "a", Func<int, string>? description = null)
    {
        var list = Enumerable.Range(1, projects).Select(ordinal => Project(brochureId, ordinal, variant, description?.Invoke(ordinal))).ToList();
        return new ExtractionResult(
            new BrochureRecord { Id = brochureId, Title = "Brochure " + variant, Biennium = "2020-2021", PageCount = 7, ProjectCount = list.Count, StatedProjectCount = 23 },
            list,
            ["warning " + variant]);
    }

    public static ProjectRecord Project(string brochureId, int ordinal, string variant = "a", string? description = null)
    {
        var countries = CountrySets[ordinal % CountrySets.Length];
        return new ProjectRecord
        {
            Id = BrochureId.ForProject(brochureId, ordinal),
            BrochureId = brochureId,
            Ordinal = ordinal,
            Title = ordinal % 4 == 0 ? $"Project {ordinal} ({variant}) — Côte d’Ivoire, \"quoted\"\nsecond line" : $"Project {ordinal} ({variant}), labour MIGRATION",
            Region = Regions[ordinal % Regions.Length],
            Description = description ?? $"Variant {variant} description of project {ordinal}: migration and skills.",
            Countries = countries,
            CountryNames = countries.Select(c => "Name of " + c).ToList(),
            Outcome = new PolicyOutcome(ordinal % 2 == 0 ? "5" : "A", "Outcome title"),
            Outcomes = [new PolicyOutcome(ordinal % 2 == 0 ? "5" : "A", "Outcome title")],
            Topics = variant == "a" ? (ordinal % 3 == 0 ? ["skills", "tvet"] : ["skills"]) : ["labour-migration"],
            Activities = ["study-tour"],
            Modality = ["triangular"],
            Tags = ["Triangular"],
            Page = 2 + ordinal / 3,
            Bounds = new CardBounds(10.5, 20.25, 300, 150.125),
            Confidence = 0.9,
            ConfidenceReasons = [],
        };
    }

    public static BrochureCommit Commit(string brochureId, ExtractionResult? result, string sha = "sha-a", string? failure = null) => new()
    {
        BrochureId = brochureId,
        FileName = brochureId + ".pdf",
        SizeBytes = 1234,
        Sha256 = sha,
        Result = result,
        FailureReason = failure,
    };
}
