using System.Text.RegularExpressions;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Layout;

/// <summary>A card being assembled from blocks; <see cref="ToCard"/> freezes it.</summary>
internal sealed partial class CardDraft(int page, TextBlock title)
{
    public int Page { get; } = page;
    public TextBlock Title { get; } = title;
    public List<TextBlock> Blocks { get; } = [title];
    public List<TextBlock> Description { get; } = [];
    public List<string> OutcomeLines { get; } = [];
    public List<FieldLine> Fields { get; } = [];
    public List<string> Tags { get; } = [];
    public List<string> Doubts { get; } = [];
    public List<int> ContinuedOn { get; } = [];
    public string? Region { get; set; }

    public void Add(TextBlock block) => Blocks.Add(block);

    public ProjectCard ToCard()
    {
        var box = Blocks.Where(b => b.Page == Page).Select(b => b.Box).Aggregate((a, b) => a.Union(b));
        var description = string.Join(" ", Description.Select(b => b.Text));
        var doubts = Doubts.Distinct().ToList();
        if (description.Length == 0) doubts.Add("no description found");
        return new ProjectCard
        {
            Page = Page,
            Title = TitleText(Title.Text),
            Description = description,
            RegionHeading = Region,
            OutcomeLines = OutcomeLines,
            Fields = Fields,
            Tags = Tags,
            ContinuedOn = ContinuedOn.Distinct().Order().ToList(),
            Bounds = new CardBounds(Math.Round(box.Left, 2), Math.Round(box.Bottom, 2), Math.Round(box.Width, 2), Math.Round(box.Height, 2)),
            LayoutDoubts = doubts,
        };
    }

    /// <summary>
    /// The title as a reader names the project: without the number of a numbered heading ("2.3 ", "4. ", "12) ") and
    /// without the full stop that ends a run-in title (no title needs one).
    /// </summary>
    internal static string TitleText(string printed)
    {
        var title = HeadingNumber().Match(printed) is { Success: true } number && number.Length < printed.Length ? printed[number.Length..] : printed;
        return title.EndsWith('.') && !title.EndsWith("..", StringComparison.Ordinal) ? title[..^1].TrimEnd() : title;
    }

    // Dotted section numbers ("1.1", "2.3.1") or a number closed by "." or ")", before a capital; a bare leading number
    // ("20 years of…", "2030 Agenda…") or one before a lower-case word ("3.5 million workers…") is text.
    [GeneratedRegex(@"^\d{1,2}(?:(?:\.\d{1,2})+\.?|[.)])\s+(?=\p{Lu})")]
    private static partial Regex HeadingNumber();
}
