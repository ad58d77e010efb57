using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Layout;

/// <summary>A card rebuilt from the page geometry, before classification: text as printed, roles assigned.</summary>
public sealed record ProjectCard
{
    public required int Page { get; init; }
    /// <summary>Whitespace-normalized, line breaks joined (hyphenation resolved).</summary>
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The region heading in force for this card, as printed ("ASIA & THE PACIFIC (continued)").</summary>
    public string? RegionHeading { get; init; }
    /// <summary>Outcome lines as printed ("Outcome 5: Skills and lifelong learning …"), in card order.</summary>
    public IReadOnlyList<string> OutcomeLines { get; init; } = [];
    /// <summary>Labelled lines ("Countries: …", "Budget: …"), in card order.</summary>
    public IReadOnlyList<FieldLine> Fields { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required CardBounds Bounds { get; init; }
    /// <summary>Pages after <see cref="Page"/> that the card's text continues on (a card broken across pages).</summary>
    public IReadOnlyList<int> ContinuedOn { get; init; } = [];
    /// <summary>Why the layout was unsure of this card (ambiguous column, very short description, …).</summary>
    public IReadOnlyList<string> LayoutDoubts { get; init; } = [];
}

/// <summary>The layout of a whole brochure: its cards in reading order plus the free text of non-card pages.</summary>
public sealed record BrochureLayout(
    int PageCount,
    IReadOnlyList<ProjectCard> Cards,
    /// <summary>Text of pages without cards (cover, contents, introduction), in reading order, for brochure-level facts.</summary>
    IReadOnlyList<string> FrontMatterText,
    IReadOnlyList<string> Warnings);
