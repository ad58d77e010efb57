namespace SstcFunctions.Core.Layout;

/// <summary>
/// The vector graphics of a page that structure its text: rules (thin lines, cell borders, rectangle edges) and
/// filled areas (card and title backgrounds, shaded table rows). Designers draw these; text on either side of a
/// vertical rule never belongs to one line, and a filled area holds one card or one part of it.
/// </summary>
public sealed record PageGraphics(IReadOnlyList<Box> VerticalRules, IReadOnlyList<Box> HorizontalRules, IReadOnlyList<Fill> Fills)
{
    public static PageGraphics None { get; } = new([], [], []);

    /// <summary>Whether a vertical rule runs through the horizontal range (left, right) at the height of a line.</summary>
    public bool RuleBetween(double left, double right, double bottom, double top)
    {
        foreach (var rule in VerticalRules)
        {
            var x = (rule.Left + rule.Right) / 2;
            if (x <= left || x >= right) continue;
            // The rule must cover most of the line's height: a tick or an underline stub does not divide text.
            var covered = Math.Min(rule.Top, top) - Math.Max(rule.Bottom, bottom);
            if (covered >= 0.6 * (top - bottom)) return true;
        }
        return false;
    }

    /// <summary>Whether a horizontal rule or the edge of a filled area lies between two heights over a horizontal range.</summary>
    public bool EdgeBetween(double upper, double lower, double left, double right)
    {
        foreach (var rule in HorizontalRules)
        {
            var y = (rule.Top + rule.Bottom) / 2;
            if (y < upper && y > lower && Math.Min(rule.Right, right) - Math.Max(rule.Left, left) > 0.5 * (right - left)) return true;
        }
        foreach (var fill in Fills)
        {
            if (Math.Min(fill.Box.Right, right) - Math.Max(fill.Box.Left, left) <= 0.5 * (right - left)) continue;
            if ((fill.Box.Top < upper && fill.Box.Top > lower) || (fill.Box.Bottom < upper && fill.Box.Bottom > lower)) return true;
        }
        return false;
    }
}

/// <summary>A filled rectangle and its colour (#rrggbb; "pattern" when filled with a pattern or shading).</summary>
public sealed record Fill(Box Box, string Colour);
