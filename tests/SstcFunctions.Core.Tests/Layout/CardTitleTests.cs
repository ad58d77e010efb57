using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class CardTitleTests
{
    [Theory]
    [InlineData("2.3 Collective bargaining in the electronics industry", "Collective bargaining in the electronics industry")]
    [InlineData("1.1. DIGITAL LABOUR INSPECTION TOOLS", "DIGITAL LABOUR INSPECTION TOOLS")]
    [InlineData("4. Green jobs for youth", "Green jobs for youth")]
    [InlineData("12) Peer learning on skills", "Peer learning on skills")]
    [InlineData("Skills in the Sahel.", "Skills in the Sahel")]
    [InlineData("2030 Agenda partnerships in the Andes", "2030 Agenda partnerships in the Andes")]
    [InlineData("20 years of cooperation between Brazil and Mozambique", "20 years of cooperation between Brazil and Mozambique")]
    [InlineData("3.5 million workers covered by social protection", "3.5 million workers covered by social protection")]
    public void A_numbered_heading_s_number_is_not_part_of_the_title(string printed, string title) =>
        Assert.Equal(title, CardDraft.TitleText(printed));
}
