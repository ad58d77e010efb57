using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

/// <summary>De-hyphenation with the Hunspell word lists: what TeX and groff break inside words is joined again.</summary>
public class WordListHyphenationTests
{
    private static readonly Hyphenation WithWords = new([], WordList.Default);

    [Theory]
    [InlineData("social af-", "fairs and", "social affairs and")]
    [InlineData("the mi-", "croenterprise sector", "the microenterprise sector")]
    [InlineData("young en-", "trepreneurs from", "young entrepreneurs from")]
    [InlineData("des initiatives pi-", "lotes.", "des initiatives pilotes.")]
    [InlineData("experien-", "cias sobre", "experiencias sobre")]
    [InlineData("EUROPE ORIENTALE ET ASIE CEN-", "TRALE", "EUROPE ORIENTALE ET ASIE CENTRALE")]
    public void A_word_broken_at_a_syllable_is_joined(string first, string second, string joined)
    {
        Assert.Equal(joined, WithWords.Join([first, second]));
    }

    [Theory]
    [InlineData("shared decision-", "making in", "shared decision-making in")]
    [InlineData("Guinea-", "Bissau and", "Guinea-Bissau and")]
    [InlineData("SIDS-", "to-SIDS exchange", "SIDS-to-SIDS exchange")]
    [InlineData("long-", "term plans", "long-term plans")]
    public void A_compound_of_two_words_keeps_its_hyphen(string first, string second, string joined)
    {
        Assert.Equal(joined, WithWords.Join([first, second]));
    }

    [Fact]
    public void The_word_lists_know_inflected_forms_in_three_languages()
    {
        Assert.True(WordList.Default.Contains("affairs"));
        Assert.True(WordList.Default.Contains("trabajadores"));
        Assert.True(WordList.Default.Contains("travailleurs"));
        Assert.False(WordList.Default.Contains("croenterprise"));
    }
}
