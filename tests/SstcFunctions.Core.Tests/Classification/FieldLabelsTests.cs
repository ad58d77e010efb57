using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Classification;

public class FieldLabelsTests
{
    [Theory]
    [InlineData("Countries: Kenya, Uganda", CardField.Countries, "Kenya, Uganda")]
    [InlineData("Pays : Niger, Mali", CardField.Countries, "Niger, Mali")]
    [InlineData("PAÍSES: Perú, Chile", CardField.Countries, "Perú, Chile")]
    [InlineData("Socios: OIT, CINTERFOR", CardField.Partners, "OIT, CINTERFOR")]
    [InlineData("Total budget: USD 180,000", CardField.Budget, "USD 180,000")]
    [InlineData("Presupuesto: 320.000 USD", CardField.Budget, "320.000 USD")]
    [InlineData("Durée : 24 mois", CardField.Duration, "24 mois")]
    [InlineData("Funded by: Government of Norway", CardField.Donor, "Government of Norway")]
    public void A_labelled_line_is_its_field_and_value(string line, CardField field, string value)
    {
        Assert.Equal(new FieldLine(field, value), FieldLabels.Default.Parse(line));
    }

    [Theory]
    [InlineData("The countries of the region agreed on one thing: a joint plan.")]
    [InlineData("Outcome 5: Skills and lifelong learning")]
    [InlineData("Countries:")]
    public void Prose_and_other_lines_are_no_field(string line)
    {
        Assert.Null(FieldLabels.Default.Parse(line));
    }

    [Theory]
    [InlineData("Photo: a job fair for refugees in Gaziantep. © ILO", true)]
    [InlineData("Foto: una cooperativa de café", true)]
    [InlineData("Crédit photo : OIT", true)]
    [InlineData("Producer cooperatives from Niger will learn", false)]
    public void Captions_and_credits_are_recognised(string line, bool caption)
    {
        Assert.Equal(caption, FieldLabels.Default.IsCaption(line));
    }
}
