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
        var byFace = new Dictionary<bool, int>();
        foreach (var line in blocks.SelectMany(b => b.Lines).Where(l => l.Style.Key == body))
        {
            byColour[line.Style.Colour] = byColour.GetValueOrDefault(line.Style.Colour) + line.Text.Length;
            var sans = FaceClass.IsSans(line.Style.FontFamily);
            byFace[sans] = byFace.GetValueOrDefault(sans) + line.Text.Length;
        }
        return new Typography(body.Value, byColour.Count == 0 ? "#000000" : byColour.MaxBy(kv => kv.Value).Key)
        {
            BodySans = byFace.Count > 0 && byFace.MaxBy(kv => kv.Value).Key,
        };
    }

    /// <summary>The typography of a body set in this style.</summary>
    public static Typography Of(TextStyle body) => new(body.Key, body.Colour) { BodySans = FaceClass.IsSans(body.FontFamily) };

    /// <summary>Whether the body is set in a sans-serif face.</summary>
    public bool BodySans { get; init; }

    /// <summary>
    /// Stands out from the body the way a title does: <see cref="IsStronger"/>, or upright in the other kind of face
    /// (sans-serif titles over a serif body, or the reverse) at no less than <see cref="BoldTitleMinimumScale"/> of the
    /// body size: designs that set titles apart by typeface alone, without weight.
    /// </summary>
    public bool StandsOut(TextStyle style) =>
        IsStronger(style.Key)
        || (!style.Italic && style.Size >= Body.Size * BoldTitleMinimumScale && style.Size <= Body.Size * LargerScale
            && FaceClass.IsSans(style.FontFamily) != BodySans);

    /// <summary>
    /// Stands out from the body the way a title does: larger, or bold where the body is not, even a little smaller
    /// (boxed designs set titles in a small bold face on a title bar above larger body text).
    /// </summary>
    public bool IsStronger(StyleKey key) =>
        key.Size > Body.Size * LargerScale || (key.Bold && !Body.Bold && key.Size >= Body.Size * BoldTitleMinimumScale);

    // Larger than the body by more than rounding of font sizes.
    private const double LargerScale = 1.05;

    // A bold line down to this fraction of the body size can be a title; smaller bold text is a label or a credit.
    private const double BoldTitleMinimumScale = 0.8;
}
