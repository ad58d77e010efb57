using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>An English and a Spanish edition of one brochure: distinct=true counts each project once and lists its printings.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DistinctProjectsTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const int Projects = 9;
    private CatalogueApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = fixture.NewApp();
        await _app.CommitAsync(HandBuiltRecords.Commit("edition-en", Edition("edition-en", "en", title: p => p.Title)));
        await _app.CommitAsync(HandBuiltRecords.Commit("edition-es", Edition("edition-es", "es", title: p => "Proyecto " + p.Ordinal), sha: "sha-es"));
        // Another brochure, another biennium: nothing in it is a printing of the editions' projects.
        var other = HandBuiltRecords.Result("other-2024", 4);
        await _app.CommitAsync(HandBuiltRecords.Commit("other-2024", other with
        {
            Brochure = other.Brochure with { Biennium = "2024-2025" },
            Projects = [.. other.Projects.Select(p => p with { Title = "Other " + p.Ordinal, Countries = ["ZM"] })],
        }, sha: "sha-other"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // The same brochure shape (biennium, card count), each card at the same place with the same facts, titles translated.
    private static ExtractionResult Edition(string id, string language, Func<ProjectRecord, string> title)
    {
        var result = HandBuiltRecords.Result(id, Projects);
        return result with
        {
            Brochure = result.Brochure with { Language = language },
            Projects = [.. result.Projects.Select(p => p with { Language = language, Title = title(p) })],
        };
    }

    private Task<Response> List(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects" + query);

    private Task<Response> Facets(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets" + query);

    [Fact]
    public async Task Distinct_lists_each_project_once_with_both_printings()
    {
        var projects = (await List("?top=200&distinct=true")).Json.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(Projects + 4, projects.Count);
        var first = projects.Single(p => p.GetProperty("id").GetString() == "edition-en-001");
        Assert.Equal("edition-en-001", first.GetProperty("projectKey").GetString());
        Assert.Equal(
            [("edition-en-001", "en"), ("edition-es-001", "es")],
            first.GetProperty("printings").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("language").GetString())));
        var single = projects.Single(p => p.GetProperty("id").GetString() == "other-2024-001");
        Assert.Equal(["other-2024-001"], single.GetProperty("printings").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        // Without distinct every printing is listed, in the record shape.
        Assert.Equal(2 * Projects + 4, (await List("?top=200")).Json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Headline_and_facet_counts_with_distinct_equal_one_editions()
    {
        var all = await Facets("?distinct=true");
        var english = await Facets("?lang=en&brochure=edition-en");
        var edition = (await Facets("?brochure=edition-es&distinct=true")).Json;
        Assert.Equal(Projects + 4, all.Json.GetProperty("total").GetInt32());
        Assert.Equal(Projects, edition.GetProperty("total").GetInt32());
        // Country counts over both editions, distinct, equal one edition's plus the other brochure's.
        var countries = all.Json.GetProperty("facets").GetProperty("country").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        var oneEdition = english.Json.GetProperty("facets").GetProperty("country").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        oneEdition["ZM"] = 4;
        Assert.Equal(oneEdition.OrderBy(c => c.Key), countries.OrderBy(c => c.Key));
        Assert.Equal(2 * Projects + 4, (await Facets("")).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Distinct_with_a_language_filter_shows_that_languages_printing()
    {
        var projects = (await List("?top=200&distinct=true&lang=es")).Json.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(Projects, projects.Count);
        Assert.All(projects, p => Assert.Equal("es", p.GetProperty("language").GetString()));
        Assert.All(projects, p => Assert.StartsWith("edition-en-", p.GetProperty("projectKey").GetString()));
    }

    [Fact]
    public async Task Distinct_pages_never_repeat_a_project()
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var query = "?top=4&distinct=true" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = (await List(query)).Json;
            ids.AddRange(page.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("projectKey").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        } while (token is not null);
        Assert.Equal(Projects + 4, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("?distinct=yes")]
    [InlineData("?distinct=")]
    public async Task Distinct_is_true_or_false(string query)
    {
        (await List(query)).AssertProblem(400);
        (await Facets(query)).AssertProblem(400);
    }
}
