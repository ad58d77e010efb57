using Azure.Data.Tables;

namespace SstcFunctions.Storage.Tests;

public sealed class ChunkedTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkedText.MaxCharsPerProperty)]
    [InlineData(ChunkedText.MaxCharsPerProperty + 1)]
    [InlineData(200_000)]
    public void Text_of_any_length_round_trips(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
        var entity = new TableEntity("p", "r");
        ChunkedText.Write(entity, "Json", text);
        Assert.Equal(text, ChunkedText.Read(entity, "Json"));
        Assert.All(entity.Where(p => p.Key.StartsWith("Json", StringComparison.Ordinal) && p.Value is string),
            p => Assert.True(((string)p.Value).Length <= ChunkedText.MaxCharsPerProperty));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split_between_chunks()
    {
        var text = new string('a', ChunkedText.MaxCharsPerProperty - 1) + "😀" + "tail";
        var entity = new TableEntity("p", "r");
        ChunkedText.Write(entity, "Json", text);
        Assert.False(char.IsHighSurrogate(((string)entity["Json0"])[^1]));
        Assert.Equal(text, ChunkedText.Read(entity, "Json"));
    }

    [Fact]
    public void Null_round_trips_as_null()
    {
        var entity = new TableEntity("p", "r");
        ChunkedText.Write(entity, "Error", null);
        Assert.Null(ChunkedText.Read(entity, "Error"));
    }
}
