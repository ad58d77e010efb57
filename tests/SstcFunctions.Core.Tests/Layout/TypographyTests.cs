using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class TypographyTests
{
    private static readonly Typography Body12 = new(new StyleKey(12, false, false), "#000000");

    [Theory]
    [InlineData(14, false, true)]   // larger
    [InlineData(12, true, true)]    // bold at the body size
    [InlineData(10, true, true)]    // a boxed card's small bold title over 12 pt body text
    [InlineData(9, true, false)]    // smaller bold text is a label or a credit, not a title
    [InlineData(12.3, false, false)] // the same size within rounding
    [InlineData(10, false, false)]  // smaller and regular
    public void A_title_stands_out_from_the_body_by_size_or_by_weight(double size, bool bold, bool stronger) =>
        Assert.Equal(stronger, Body12.IsStronger(new StyleKey(size, bold, false)));

    [Theory]
    [InlineData("DejaVuSansCondensed", 9.2, false, true)]  // sans titles over a serif body, a little smaller
    [InlineData("ArialMT", 10, false, true)]
    [InlineData("LMRoman9", 9.2, false, false)]           // the same kind of face: not a title by face alone
    [InlineData("DejaVuSansCondensed", 9.2, true, false)]  // italic sans: a caption or a credit, not a title
    [InlineData("DejaVuSansCondensed", 7.5, false, false)] // much smaller: a label
    public void Over_a_serif_body_an_upright_sans_line_stands_out_like_a_title(string family, double size, bool italic, bool standsOut)
    {
        var serifBody = Typography.Of(new TextStyle(10, false, false, "#000000", "LMRoman10"));

        Assert.Equal(standsOut, serifBody.StandsOut(new TextStyle(size, false, italic, "#000000", family)));
    }

    [Theory]
    [InlineData("DejaVuSansCondensed", true)]
    [InlineData("HelveticaNeue", true)]
    [InlineData("LiberationSans", true)]
    [InlineData("LiberationSerif", false)]
    [InlineData("TimesNewRomanPSMT", false)]
    [InlineData("LMRoman10", false)]
    [InlineData("Palatino", false)]
    public void Sans_serif_faces_are_told_by_their_family_name(string family, bool sans) =>
        Assert.Equal(sans, FaceClass.IsSans(family));
}
