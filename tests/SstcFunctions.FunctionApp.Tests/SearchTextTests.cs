using SstcFunctions.FunctionApp.Catalogue;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>The q= folding: case, accents, ligatures and punctuation fold away, word starts stay findable.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Côte d’Ivoire", " cote d ivoire ")]
    [InlineData("COTE D'IVOIRE", " cote d ivoire ")]
    [InlineData("Migración laboral", " migracion laboral ")]
    [InlineData("Straße, Œuvre & Æther", " strasse oeuvre aether ")]
    [InlineData("Łódź — Ørsted đ İstanbul ı", " lodz orsted d istanbul i ")]
    [InlineData("  2020–2021: SSTC!  ", " 2020 2021 sstc ")]
    [InlineData("", " ")]
    public void Folds_to_padded_lower_case_words(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Query_words_are_folded_like_the_text()
    {
        Assert.Equal(["migracion", "laboral"], SearchText.Words("Migración  LABORAL"));
        Assert.Contains(" " + SearchText.Words("ivoire")[0], SearchText.Fold("Projects in Côte d'Ivoire"));
    }
}
