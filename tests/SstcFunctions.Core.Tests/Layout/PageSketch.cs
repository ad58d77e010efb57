using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

/// <summary>Draws pages of positioned lines for layout tests, in PDF points with y measured from the top for readability.</summary>
internal sealed class PageSketch(int number, double width = 595, double height = 842)
{
    public static readonly TextStyle Body = new(10, false, false, "#222222", "Sans");
    public static readonly TextStyle Title = new(13, true, false, "#1f4e99", "Sans");
    public static readonly TextStyle Outcome = new(8.5, false, true, "#444444", "Sans");
    public static readonly TextStyle Tag = new(7, false, false, "#777777", "Sans");
    public static readonly TextStyle Region = new(18, true, false, "#ffffff", "Sans");
    public static readonly TextStyle Footer = new(7, false, false, "#999999", "Sans");

    private readonly List<TextLine> _lines = [];

    /// <summary>One line whose top edge is <paramref name="top"/> points below the top of the page.</summary>
    public PageSketch Line(string text, double left, double top, TextStyle style, double? lineWidth = null)
    {
        var baseline = height - top - 0.78 * style.Size;
        var right = left + (lineWidth ?? text.Length * 0.5 * style.Size);
        _lines.Add(new TextLine(text, new Box(left, baseline - 0.22 * style.Size, right, baseline + 0.78 * style.Size), baseline, style));
        return this;
    }

    /// <summary>Lines stacked at 1.3 em; returns the top of the next free line.</summary>
    public double Stack(IEnumerable<string> lines, double left, double top, TextStyle style, double lineWidth = 200)
    {
        foreach (var text in lines)
        {
            Line(text, left, top, style, Math.Min(lineWidth, text.Length * 0.5 * style.Size));
            top += 1.3 * style.Size;
        }
        return top;
    }

    /// <summary>A card: optional tags or badge, title, description, optional outcome line below; returns its bottom.</summary>
    public double Card(double left, double top, string[] title, string[] description, string? outcomeBelow = null,
                       string? tags = null, string? badge = null)
    {
        if (badge is not null) top = Stack([badge], left, top, Outcome) + 4;
        if (tags is not null) top = Stack([tags], left, top, Tag) + 2;
        top = Stack(title, left, top, Title) + 4;
        top = Stack(description, left, top, Body);
        if (outcomeBelow is not null) top = Stack([outcomeBelow], left, top + 8, Outcome);
        return top;
    }

    public PageText Build() => new(number, width, height, _lines.ToList());

    public static string[] Describe(string countries) =>
    [
        $"Constituents from {countries} will exchange",
        "experiences through study tours and",
        "peer-learning seminars on decent work.",
    ];
}
