namespace SstcFunctions.Core.Layout;

/// <summary>An axis-aligned rectangle in PDF points, origin bottom-left: <see cref="Top"/> is the larger y.</summary>
public readonly record struct Box(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;

    public Box Union(Box other) =>
        new(Math.Min(Left, other.Left), Math.Min(Bottom, other.Bottom), Math.Max(Right, other.Right), Math.Max(Top, other.Top));

    /// <summary>Width of the horizontal range both boxes cover; negative when they are apart.</summary>
    public double OverlapX(Box other) => Math.Min(Right, other.Right) - Math.Max(Left, other.Left);

    public double OverlapY(Box other) => Math.Min(Top, other.Top) - Math.Max(Bottom, other.Bottom);
}

/// <summary>The typography of a line: what tells a title from a description from a tag.</summary>
public sealed record TextStyle(double Size, bool Bold, bool Italic, string Colour, string FontFamily)
{
    /// <summary>Same look to a reader: sizes within a few percent, same weight, slant and colour.</summary>
    public bool LooksLike(TextStyle other) =>
        Math.Abs(Size - other.Size) <= 0.04 * Math.Max(Size, other.Size)
        && Bold == other.Bold && Italic == other.Italic && Colour == other.Colour;

    /// <summary>Size, weight and slant; colour is left out because designs colour titles per section.</summary>
    public StyleKey Key => new(Math.Round(Size * 2) / 2, Bold, Italic);
}

public readonly record struct StyleKey(double Size, bool Bold, bool Italic);

/// <summary>One printed glyph as the layout needs it, independent of the PDF library.</summary>
public readonly record struct Glyph(
    string Text, double Left, double Right, double Baseline, double Size, bool Bold, bool Italic, string Colour, string FontFamily)
{
    public string Text
    {
        get;
        // A copy with other text (`with { Text = … }`) decides again.
        init
        {
            field = value;
            IsSpace = string.IsNullOrWhiteSpace(value);
        }
    } = Text;

    // Asked several times of every glyph of a brochure: decided once, when the glyph is made (or its text replaced).
    public bool IsSpace { get; private init; } = string.IsNullOrWhiteSpace(Text);
}

/// <summary>A run of words on one baseline, not crossing a column gutter.</summary>
public sealed record TextLine(string Text, Box Box, double Baseline, TextStyle Style);

/// <summary>The lines of one page, in no particular order, and the graphics that structure them.</summary>
public sealed record PageText(int Number, double Width, double Height, IReadOnlyList<TextLine> Lines)
{
    public PageGraphics Graphics { get; init; } = PageGraphics.None;
}
