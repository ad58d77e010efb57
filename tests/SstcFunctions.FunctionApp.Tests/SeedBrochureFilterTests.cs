using System.Text.Json;
using SstcFunctions.Core;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// The seed brochure through the real ingestion (real extraction, real Azurite), then every filter against what
/// expected.json implies: a card must be returned when its required values match, and must not be when neither its
/// required nor its optional values do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SeedBrochureFilterTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string BrochureIdValue = "sstc-2020-2021";
    private CatalogueApp _app = null!;
    private List<ExpectedCard> _cards = null!;

    private sealed record ExpectedCard(int Ordinal, string Title, string? Region, string[] Countries, string[] OptionalCountries, string? Outcome, string[] Topics);

    public async Task InitializeAsync()
    {
        _app = fixture.NewApp();
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(SharedFixtures.SeedBrochureExpected));
        _cards = expected.RootElement.GetProperty("projects").EnumerateArray().Select((p, i) => new ExpectedCard(
            i + 1,
            p.GetProperty("title").GetString()!,
            p.GetProperty("region").GetString(),
            Strings(p, "countries"),
            Strings(p, "countriesOptional"),
            p.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null,
            Strings(p, "topics"))).ToList();
        var pdf = await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf);
        await _app.Store.Storage.EnsureCreatedAsync();
        await _app.Store.Storage.BrochureBlobs.UploadBlobAsync(BrochureIdValue + ".pdf", BinaryData.FromBytes(pdf));
        await _app.IngestAsync(BrochureIdValue + ".pdf", pdf);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_brochure_filter_returns_exactly_what_sstc_extract_prints()
    {
        await using var file = File.OpenRead(SharedFixtures.SeedBrochurePdf);
        var extracted = new BrochureExtractor().Extract(file, BrochureIdValue);

        var response = await List("?top=200&brochure=" + BrochureIdValue);

        Assert.Equal(JsonSerializer.Serialize(extracted.Projects, RecordJson.Options), response.Json.GetProperty("projects").GetRawText());
        Assert.Equal(_cards.Count, extracted.Projects.Count);
    }

    [Fact]
    public async Task Every_country_filter_returns_the_cards_naming_that_country()
    {
        foreach (var code in _cards.SelectMany(c => c.Countries).Distinct())
        {
            await AssertFilter("country=" + code, c => c.Countries.Contains(code), c => c.OptionalCountries.Contains(code));
        }
        var brazil = await Ordinals("?country=BR");
        Assert.Equal(brazil, await Ordinals("?country=Brazil"));
        Assert.Equal(_cards.Count(c => c.Countries.Contains("BR")), brazil.Count);
    }

    [Fact]
    public async Task Every_region_filter_returns_exactly_that_region()
    {
        foreach (var region in _cards.Select(c => c.Region).OfType<string>().Distinct())
        {
            await AssertFilter("region=" + Uri.EscapeDataString(region), c => c.Region == region, _ => false);
        }
    }

    [Fact]
    public async Task Every_outcome_filter_returns_the_cards_with_that_outcome()
    {
        foreach (var outcome in _cards.Select(c => c.Outcome).OfType<string>().Distinct())
        {
            await AssertFilter("outcome=" + outcome, c => c.Outcome == outcome, _ => false);
        }
    }

    [Fact]
    public async Task Every_topic_filter_returns_at_least_the_cards_expected_to_have_it()
    {
        foreach (var topic in _cards.SelectMany(c => c.Topics).Distinct())
        {
            var found = await Ordinals("?top=200&topic=" + topic);
            Assert.Subset(found.ToHashSet(), _cards.Where(c => c.Topics.Contains(topic)).Select(c => c.Ordinal).ToHashSet());
        }
    }

    [Fact]
    public async Task Combined_filters_return_the_intersection()
    {
        await AssertFilter("region=" + Uri.EscapeDataString("Latin America and the Caribbean") + "&country=BR",
            c => c.Region == "Latin America and the Caribbean" && c.Countries.Contains("BR"),
            c => c.Region == "Latin America and the Caribbean" && c.OptionalCountries.Contains("BR"));
        await AssertFilter("country=JO&outcome=5", c => c.Countries.Contains("JO") && c.Outcome == "5", c => c.OptionalCountries.Contains("JO") && c.Outcome == "5");
        await AssertFilter("brochure=" + BrochureIdValue + "&region=Africa", c => c.Region == "Africa", _ => false);
    }

    [Fact]
    public async Task Search_finds_each_card_by_the_words_of_its_title()
    {
        foreach (var card in _cards)
        {
            var words = SearchText.Words(card.Title).Where(w => w.Length > 3).Take(3);
            var found = await Ordinals("?top=200&q=" + Uri.EscapeDataString(string.Join(' ', words).ToUpperInvariant()));
            Assert.Contains(card.Ordinal, found);
        }
    }

    [Fact]
    public async Task Paging_over_the_fixture_has_no_duplicates_or_gaps()
    {
        foreach (var top in new[] { 1, 7, 200 })
        {
            var seen = new List<int>();
            string? token = null;
            do
            {
                var response = await List($"?top={top}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
                seen.AddRange(response.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("ordinal").GetInt32()));
                token = response.Json.GetProperty("continuationToken").GetString();
            }
            while (token is not null);
            Assert.Equal(Enumerable.Range(1, _cards.Count), seen);
        }
    }

    [Fact]
    public async Task Facets_of_the_fixture_agree_with_the_filters()
    {
        var facets = await CatalogueApp.SendAsync(r => _app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets");
        Assert.Equal(_cards.Count, facets.Json.GetProperty("total").GetInt32());
        foreach (var region in facets.Json.GetProperty("facets").GetProperty("region").EnumerateArray())
        {
            var count = (await Ordinals("?top=200&region=" + Uri.EscapeDataString(region.GetProperty("value").GetString()!))).Count;
            Assert.Equal(count, region.GetProperty("count").GetInt32());
        }
    }

    private async Task AssertFilter(string query, Func<ExpectedCard, bool> required, Func<ExpectedCard, bool> optional)
    {
        var found = (await Ordinals("?top=200&" + query)).ToHashSet();
        foreach (var card in _cards)
        {
            if (required(card)) Assert.True(found.Contains(card.Ordinal), $"{query}: card {card.Ordinal} '{card.Title}' missing");
            else if (!optional(card)) Assert.False(found.Contains(card.Ordinal), $"{query}: card {card.Ordinal} '{card.Title}' should not match");
        }
    }

    private async Task<List<int>> Ordinals(string query)
    {
        var response = await List(query);
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("ordinal").GetInt32()).ToList();
    }

    private Task<Response> List(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects" + query);

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(v => v.GetString()!).ToArray()
            : [];
}
