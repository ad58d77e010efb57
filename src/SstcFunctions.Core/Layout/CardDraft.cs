using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Layout;

/// <summary>A card being assembled from blocks; <see cref="ToCard"/> freezes it.</summary>
internal sealed class CardDraft(int page, TextBlock title)
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
            // A run-in title ends with the full stop that separates it from its description; no title needs one.
            Title = Title.Text.EndsWith('.') && !Title.Text.EndsWith("..", StringComparison.Ordinal) ? Title.Text[..^1].TrimEnd() : Title.Text,
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
}
