namespace SstcFunctions.Core.Layout;

/// <summary>
/// Serif or sans-serif, from a font's family name: the contrast designers use to set titles apart from body text
/// when they use neither size nor weight. Names are matched by the words that sans-serif families carry (PDF font
/// names drop spaces: "DejaVuSansCondensed", "ArialMT", "HelveticaNeue-Light").
/// </summary>
public static class FaceClass
{
    // Sans-serif family words and well-known sans-serif families; anything else reads as serif.
    private static readonly string[] SansWords =
    [
        "sans", "grotesk", "gothic", "helvetica", "arial", "verdana", "tahoma", "calibri", "segoe", "futura", "frutiger",
        "myriad", "gill", "univers", "avenir", "roboto", "lato", "montserrat", "raleway", "ubuntu", "cabin", "inter",
        "franklin", "trebuchet", "candara", "corbel", "nimbussans", "lmss", "cmss", "heros", "biolinumo", "fira",
    ];

    public static bool IsSans(string? family)
    {
        if (string.IsNullOrEmpty(family)) return false;
        foreach (var word in SansWords)
        {
            if (family.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
