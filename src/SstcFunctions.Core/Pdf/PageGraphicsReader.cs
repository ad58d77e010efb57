using SstcFunctions.Core.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// A page's vector paths → the rules and filled areas that structure its text (<see cref="PageGraphics"/>):
/// strokes and thin fills become rules, filled rectangles (square or rounded) become areas. Curves, logos and maps
/// are left out; so is anything covering nearly the whole page (a background).
/// </summary>
public static class PageGraphicsReader
{
    // A path thinner than this (points) and long is a rule, however it was drawn.
    private const double RuleThickness = 2.5;
    private const double MinimumRuleLength = 6;
    // Smaller areas are bullets, icons or highlights, not card or cell backgrounds.
    private const double MinimumFillSide = 12;
    // A page's graphics beyond this many shapes are decoration (charts, maps); what came first is kept.
    private const int MaximumShapes = 4000;

    public static PageGraphics Read(Page page)
    {
        var vertical = new List<Box>();
        var horizontal = new List<Box>();
        var fills = new List<Fill>();
        var pageArea = page.Width * page.Height;
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked)) continue;
            if (vertical.Count + horizontal.Count + fills.Count > MaximumShapes) break;
            var half = Math.Max(path.LineWidth, 0.5) / 2;
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } bounds) continue;
                var box = new Box(bounds.Left, bounds.Bottom, bounds.Right, bounds.Top);
                if (IsRule(box, vertical, horizontal)) continue;
                if (path.IsFilled && IsArea(subpath, box) && box.Width * box.Height < 0.9 * pageArea)
                {
                    fills.Add(new Fill(box, Colour(path)));
                }
                if (path.IsStroked) AddStrokes(subpath, half, vertical, horizontal);
            }
        }
        return vertical.Count + horizontal.Count + fills.Count == 0 ? PageGraphics.None : new PageGraphics(vertical, horizontal, fills);
    }

    private static bool IsRule(Box box, List<Box> vertical, List<Box> horizontal)
    {
        if (box.Width <= RuleThickness && box.Height >= MinimumRuleLength) { vertical.Add(box); return true; }
        if (box.Height <= RuleThickness && box.Width >= MinimumRuleLength) { horizontal.Add(box); return true; }
        return false;
    }

    /// <summary>A rectangle, drawn as one or as lines, or a rounded rectangle (few commands): not a glyph-like shape.</summary>
    private static bool IsArea(PdfSubpath subpath, Box box) =>
        box.Width >= MinimumFillSide && box.Height >= MinimumFillSide
        && (subpath.IsDrawnAsRectangle || subpath.Commands.Count <= 10);

    private static void AddStrokes(PdfSubpath subpath, double half, List<Box> vertical, List<Box> horizontal)
    {
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    Segment(line.From, line.To, half, vertical, horizontal);
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Segment(c, s, half, vertical, horizontal);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void Segment(PdfPoint from, PdfPoint to, double half, List<Box> vertical, List<Box> horizontal)
    {
        var (dx, dy) = (Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y));
        if (dx < 1 && dy >= MinimumRuleLength)
            vertical.Add(new Box(Math.Min(from.X, to.X) - half, Math.Min(from.Y, to.Y), Math.Max(from.X, to.X) + half, Math.Max(from.Y, to.Y)));
        else if (dy < 1 && dx >= MinimumRuleLength)
            horizontal.Add(new Box(Math.Min(from.X, to.X), Math.Min(from.Y, to.Y) - half, Math.Max(from.X, to.X), Math.Max(from.Y, to.Y) + half));
    }

    private static string Colour(PdfPath path)
    {
        try
        {
            if (path.FillColor is null) return "#000000";
            var (r, g, b) = path.FillColor.ToRGBValues();
            return $"#{Channel(r):x2}{Channel(g):x2}{Channel(b):x2}";
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or NotImplementedException)
        {
            // Pattern and shading fills have no single colour.
            return "pattern";
        }
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
