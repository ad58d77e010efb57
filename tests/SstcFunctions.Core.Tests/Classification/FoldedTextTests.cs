using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class FoldedTextTests
{
    [Theory]
    [InlineData("MÉXICO", "mexico")]
    [InlineData("Côte d’Ivoire", "cote d ivoire")]
    [InlineData("Côte d'Ivoire", "cote d ivoire")]
    [InlineData("Cote\u0302 d'Ivoire", "cote d ivoire")]
    [InlineData("Latin America & Caribbean", "latin america and caribbean")]
    [InlineData("Guinea‑Bissau", "guinea bissau")]
    [InlineData("São Tomé\nand  Príncipe", "sao tome and principe")]
    [InlineData("Straße", "strasse")]
    [InlineData("  ", "")]
    public void Case_accents_punctuation_and_line_breaks_fold_away(string text, string key)
    {
        Assert.Equal(key, FoldedText.Key(text));
    }

    [Fact]
    public void Tokens_point_back_at_the_printed_words()
    {
        const string text = "in Perú, and";
        var tokens = FoldedText.Tokenize(text);
        Assert.Equal(["in", "peru", "and"], tokens.Select(t => t.Text));
        Assert.Equal("Perú", text[tokens[1].Start..tokens[1].End]);
    }
}

public class PhraseIndexTests
{
    private static List<string> Find(PhraseIndex<string> index, string text) =>
        index.Find(text, FoldedText.Tokenize(text)).SelectMany(h => h.Payloads).ToList();

    [Fact]
    public void The_longest_phrase_wins_and_consumes_its_words()
    {
        var index = new PhraseIndex<string>();
        index.Add("training", "training");
        index.Add("vocational training", "tvet");
        Assert.Equal(["tvet", "training"], Find(index, "Vocational training and training"));
    }

    [Fact]
    public void A_wildcard_word_matches_words_it_begins()
    {
        var index = new PhraseIndex<string>();
        index.Add("fellowship*", "fellowship");
        Assert.Equal(["fellowship", "fellowship"], Find(index, "Fellowships and a fellowship"));
        Assert.Empty(Find(index, "fellow"));
    }

    [Fact]
    public void A_capitals_only_phrase_ignores_the_lower_case_word()
    {
        var index = new PhraseIndex<string>();
        index.Add("=OSH", "osh");
        Assert.Equal(["osh"], Find(index, "addressing OSH"));
        Assert.Empty(Find(index, "gosh, osh"));
    }

    [Fact]
    public void A_neutral_phrase_hides_its_words_from_shorter_phrases()
    {
        var index = new PhraseIndex<string>();
        index.Add("forced labour", "forced-labour");
        index.Add("labour force", null);
        Assert.Empty(Find(index, "the labour force survey"));
        Assert.Equal(["forced-labour"], Find(index, "ending forced labour"));
    }

    [Fact]
    public void A_phrase_shared_by_two_payloads_reports_both()
    {
        var index = new PhraseIndex<string>();
        index.Add("green skills", "skills");
        index.Add("green skills", "green-jobs");
        Assert.Equal(["skills", "green-jobs"], Find(index, "Green skills"));
    }

    [Theory]
    [InlineData("ab*")]
    [InlineData("*")]
    [InlineData("  ")]
    public void Malformed_phrases_are_rejected(string phrase)
    {
        Assert.Throws<InvalidDataException>(() => new PhraseIndex<string>().Add(phrase, "x"));
    }
}
