using SstcFunctions.Core.Layout;

namespace SstcFunctions.Core.Tests.Layout;

public class HyphenationTests
{
    [Fact]
    public void A_name_broken_at_its_own_hyphen_keeps_it()
    {
        Assert.Equal("workers from Timor-Leste and Indonesia", Hyphenation.None.Join(["workers from Timor-", "Leste and Indonesia"]));
    }

    [Fact]
    public void A_soft_hyphen_break_rejoins_the_word()
    {
        Assert.Equal("decent employment for all", Hyphenation.None.Join(["decent employ\u00AD", "ment for all"]));
        // Chromium draws the break of a soft hyphen as U+2010.
        Assert.Equal("decent employment for all", Hyphenation.None.Join(["decent employ\u2010", "ment for all"]));
    }

    [Fact]
    public void A_plain_hyphen_before_a_word_ending_is_a_break_not_a_compound()
    {
        Assert.Equal("decent employment for all", Hyphenation.None.Join(["decent employ-", "ment for all"]));
    }

    [Fact]
    public void The_rest_of_the_document_decides_between_compound_and_break()
    {
        var hyphenation = new Hyphenation(Hyphenation.WordsOf(["peer-learning seminars and cooperation agreements", "more text"]));

        Assert.Equal("through peer-learning seminars", hyphenation.Join(["through peer-", "learning seminars"]));
        Assert.Equal("South-South cooperation agreements", hyphenation.Join(["South-South coop-", "eration agreements"]));
    }

    [Fact]
    public void Digits_and_capitals_after_the_break_keep_the_hyphen()
    {
        Assert.Equal("the COVID-19 crisis", Hyphenation.None.Join(["the COVID-", "19 crisis"]));
        Assert.Equal("post-COVID recovery", Hyphenation.None.Join(["post-", "COVID recovery"]));
    }

    [Fact]
    public void Lines_without_hyphens_join_with_one_space()
    {
        Assert.Equal("study tours and seminars", Hyphenation.None.Join(["study tours ", " and seminars"]));
    }
}
