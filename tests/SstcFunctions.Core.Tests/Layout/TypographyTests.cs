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
}
