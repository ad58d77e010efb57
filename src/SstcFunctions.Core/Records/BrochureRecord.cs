namespace SstcFunctions.Core.Records;

/// <summary>What the extractor learns about a brochure as a whole.</summary>
public sealed record BrochureRecord
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    /// <summary>BCP 47 tag of the language most of the brochure is in ("en", "es", "fr"); a card may say otherwise.</summary>
    public string Language { get; init; } = "en";
    /// <summary>"2020-2021" when the brochure states its biennium.</summary>
    public string? Biennium { get; init; }
    /// <summary>The project count the brochure's own text states, which may differ from the cards it prints.</summary>
    public int? StatedProjectCount { get; init; }
    public int? StatedCountryCount { get; init; }
    public required int PageCount { get; init; }
    public required int ProjectCount { get; init; }
}

/// <summary>The whole output of one extraction: the JSON object <c>sstc extract</c> prints.</summary>
public sealed record ExtractionResult(
    BrochureRecord Brochure,
    IReadOnlyList<ProjectRecord> Projects,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The warnings as data (skipped pages, "not a brochure"); <see cref="Warnings"/> holds their sentences.</summary>
    public IReadOnlyList<ExtractionNotice> Notices { get; init; } = [];
    /// <summary>The brochure-evidence gate's verdict and the counts it was made on (null from older extractions).</summary>
    public Classification.BrochureAssessment? Assessment { get; init; }
    /// <summary>
    /// Cards of a document judged not to be a brochure, for a person to review: never part of <see cref="Projects"/>,
    /// never stored in the catalogue, each with confidence below 0.5 and the reason saying so.
    /// </summary>
    public IReadOnlyList<ProjectRecord> HeldBack { get; init; } = [];
}
