using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class RegionCatalogueTests
{
    private readonly RegionCatalogue _regions = RegionCatalogue.Default;

    [Theory]
    [InlineData("LATIN AMERICA AND THE CARIBBEAN", "Latin America and the Caribbean")]
    [InlineData("Latin America & Caribbean", "Latin America and the Caribbean")]
    [InlineData("LATIN AMERICA & THE CARIBBEAN (continued)", "Latin America and the Caribbean")]
    [InlineData("AFRICA", "Africa")]
    [InlineData("Africa (cont.)", "Africa")]
    [InlineData("Region: Africa", "Africa")]
    [InlineData("ARAB STATES", "Arab States")]
    [InlineData("ASIA & THE PACIFIC (continued)", "Asia and the Pacific")]
    [InlineData("Asia-Pacific", "Asia and the Pacific")]
    [InlineData("EASTERN EUROPE AND CENTRAL ASIA", "Eastern Europe and Central Asia")]
    [InlineData("Europe and Central Asia", "Eastern Europe and Central Asia")]
    [InlineData("ITC-ILO", "International Training Centre (ITC-ILO)")]
    [InlineData("ITC Turin", "International Training Centre (ITC-ILO)")]
    [InlineData("International Training Centre of the ILO", "International Training Centre (ITC-ILO)")]
    [InlineData("INTERNATIONAL TRAINING CENTRE (ITC-ILO)", "International Training Centre (ITC-ILO)")]
    [InlineData("Global / Interregional", "Interregional")]
    [InlineData("ARAB STATES / MIDDLE EAST", "Arab States")]
    [InlineData("INTER-REGIONAL", "Interregional")]
    [InlineData("  Asia and the\nPacific  ", "Asia and the Pacific")]
    public void Printed_heading_variants_map_to_one_canonical_name(string heading, string expected)
    {
        Assert.Equal(expected, _regions.Match(heading));
    }

    [Theory]
    [InlineData("The project will support women entrepreneurs in Southern Africa through peer learning")]
    [InlineData("Southern Africa")]
    [InlineData("West Africa")]
    [InlineData("Central America")]
    [InlineData("SSTC FOR FINANCIAL INCLUSION OF WOMEN IN SOUTHERN AFRICA")]
    [InlineData("Participants from Latin America and the Caribbean and Africa will meet in a two-day forum")]
    [InlineData("Interregional | Policy dialogue")]
    [InlineData("Africa / Study tour")]
    [InlineData("Triangular · Study tour")]
    [InlineData("Latin America and the Caribbean ........ 3")]
    [InlineData("")]
    [InlineData("   ")]
    public void Sentences_and_subregions_are_not_region_headings(string text)
    {
        Assert.Null(_regions.Match(text));
    }

    [Fact]
    public void Every_canonical_name_matches_itself_and_names_are_unique()
    {
        Assert.Equal(_regions.CanonicalNames.Count, _regions.CanonicalNames.Distinct().Count());
        Assert.True(_regions.CanonicalNames.Count >= 7);
        foreach (var name in _regions.CanonicalNames)
        {
            Assert.Equal(name, _regions.Match(name));
            Assert.Equal(name, _regions.Match(name.ToUpperInvariant() + " (continued)"));
        }
    }
}
