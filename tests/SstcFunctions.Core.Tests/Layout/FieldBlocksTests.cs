using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class FieldBlocksTests
{
    private static TextLine Line(string text, double left, double baseline, double width) =>
        new(text, new Box(left, baseline - 2, left + width, baseline + 8), baseline, PageSketch.Body);

    private static List<TextBlock> Split(params TextLine[] lines)
    {
        var block = new TextBlock(1, lines[0]);
        foreach (var line in lines.Skip(1)) block.Add(line);
        return FieldBlocks.Split([block], text => text.StartsWith("Partners:") || text.StartsWith("Countries:"));
    }

    [Fact]
    public void A_short_field_line_ends_its_value_and_the_description_is_a_block_of_its_own()
    {
        var blocks = Split(Line("Partners: ILO, Fondation européenne pour la formation", 40, 700, 180),
                           Line("La Serbie, l'Albanie et la Macédoine du Nord examineront", 40, 688, 200),
                           Line("leurs dispositifs de garantie pour la jeunesse.", 40, 676, 170));

        Assert.Equal(2, blocks.Count);
        Assert.Single(blocks[0].Lines);
    }

    [Fact]
    public void A_value_wrapped_mid_list_carries_on()
    {
        var blocks = Split(Line("Countries: Lesotho, Mozambique, Malawi, Zimbabwe, South", 40, 700, 200),
                           Line("Africa", 40, 688, 24),
                           Line("Officials from Lesotho will study bilateral agreements.", 40, 676, 200));

        Assert.Equal(2, blocks.Count);
        Assert.Equal(2, blocks[0].Lines.Count);
    }
}
