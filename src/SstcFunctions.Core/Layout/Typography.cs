namespace SstcFunctions.Core.Layout;

/// <summary>The brochure's body style, measured as the style that sets the most characters.</summary>
public sealed record Typography(StyleKey Body, string BodyColour)
{
    /// <param name="body">The body style when already known; otherwise the one setting the most characters.</param>
    public static Typography Measure(IEnumerable<TextBlock> blocks, StyleKey? body = null)
    {
        var byKey = new Dictionary<StyleKey, int>();
        var byColour = new Dictionary<string, int>();
        foreach (var line in blocks.SelectMany(b => b.Lines))
        {
            byKey[line.Style.Key] = byKey.GetValueOrDefault(line.Style.Key) + line.Text.Length;
        }
        if (byKey.Count == 0) return new Typography(body ?? new StyleKey(10, false, false), "#000000");
        body ??= byKey.MaxBy(kv => kv.Value).Key;
        foreach (var line in blocks.SelectMany(b => b.Lines).Where(l => l.Style.Key == body))
        {
            byColour[line.Style.Colour] = byColour.GetValueOrDefault(line.Style.Colour) + line.Text.Length;
        }
        return new Typography(body.Value, byColour.Count == 0 ? "#000000" : byColour.MaxBy(kv => kv.Value).Key);
    }

    /// <summary>
    /// Stands out from the body the way a title does: larger, or bold where the body is not, even a little smaller
    /// (boxed designs set titles in a small bold face on a title bar above larger body text).
    /// </summary>
    public bool IsStronger(StyleKey key) =>
        key.Size > Body.Size * 1.05 || (key.Bold && !Body.Bold && key.Size >= Body.Size * BoldTitleMinimumScale);

    // A bold line down to this fraction of the body size can be a title; smaller bold text is a label or a credit.
    private const double BoldTitleMinimumScale = 0.8;
}
