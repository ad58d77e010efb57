using System.Text.Json.Serialization;

namespace SstcFunctions.Core.Records;

/// <summary>One project card of a brochure, as served by the API and printed by <c>sstc extract</c>.</summary>
public sealed record ProjectRecord
{
    /// <summary>Stable across re-ingestion of the same file: the brochure id and the card's reading-order position.</summary>
    public required string Id { get; init; }
    public required string BrochureId { get; init; }
    /// <summary>1-based position of the card in reading order across the brochure.</summary>
    public required int Ordinal { get; init; }
    /// <summary>BCP 47 tag of the card's language ("en", "es", "fr"); records stored before languages were told are English.</summary>
    public string Language { get; init; } = "en";
    public required string Title { get; init; }
    /// <summary>The canonical (English) region name, whatever the brochure's language.</summary>
    public string? Region { get; init; }
    public required string Description { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes in order of first mention.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Names in the record's <see cref="Language"/> (CLDR, or the UN form), parallel to <see cref="Countries"/>.</summary>
    public IReadOnlyList<string> CountryNames { get; init; } = [];
    public PolicyOutcome? Outcome { get; init; }
    public IReadOnlyList<PolicyOutcome> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Activities { get; init; } = [];
    public IReadOnlyList<string> Modality { get; init; } = [];
    /// <summary>Small labels printed above the title ("Triangular · Study tour"): metadata, not title text.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Values of labelled lines, as printed, when the card has them ("Partners: ILO, CINTERFOR").</summary>
    public string? Partners { get; init; }
    public string? Donor { get; init; }
    public string? Budget { get; init; }
    public string? Duration { get; init; }
    public string? Beneficiaries { get; init; }
    public required int Page { get; init; }
    public required CardBounds Bounds { get; init; }
    /// <summary>Provenance of a card broken across pages: the pages after <see cref="Page"/> its text continues on.</summary>
    public IReadOnlyList<int> ContinuedOn { get; init; } = [];
    /// <summary>0–1; lowered for each reason in <see cref="ConfidenceReasons"/>.</summary>
    public required double Confidence { get; init; }
    public IReadOnlyList<string> ConfidenceReasons { get; init; } = [];
    /// <summary><see cref="ProjectOrigins"/>: extracted by the pipeline, corrected by a person, or added by a person.</summary>
    public string Origin { get; init; } = ProjectOrigins.Extracted;
    /// <summary>What people did to this card (corrections, withdrawal, review); absent on a card nobody touched.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProjectCuration? Curation { get; init; }
}

/// <summary>An ILO Programme and Budget policy outcome ("5", "A", …): the id is the same in every language, the title is in the record's.</summary>
public sealed record PolicyOutcome(string Id, string Title);

/// <summary>A rectangle in PDF points, origin bottom-left of the page, as PdfPig reports it.</summary>
public sealed record CardBounds(double X, double Y, double Width, double Height);
