using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.Storage;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>lang= on /api/projects and /api/facets, the languages facet, and facets that merge editions in several languages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LanguageFilterTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private CatalogueApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = fixture.NewApp();
        await _app.CommitAsync(HandBuiltRecords.Commit("edition-en", Edition("edition-en", "en", 6)));
        await _app.CommitAsync(HandBuiltRecords.Commit("edition-es", Edition("edition-es", "es", 4), sha: "sha-es"));
        await _app.CommitAsync(HandBuiltRecords.Commit("edition-fr", Edition("edition-fr", "fr", 3), sha: "sha-fr"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ExtractionResult Edition(string id, string language, int count)
    {
        var result = HandBuiltRecords.Result(id, count);
        var names = new Dictionary<string, string> { ["en"] = "Ethiopia", ["es"] = "Etiopía", ["fr"] = "Éthiopie" };
        return result with
        {
            Brochure = result.Brochure with { Language = language },
            Projects = [.. result.Projects.Select(p => p with { Language = language, Countries = ["ET"], CountryNames = [names[language]] })],
        };
    }

    private Task<Response> List(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects" + query);

    private Task<Response> Facets(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets" + query);

    private static List<string> Languages(Response response) =>
        response.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("language").GetString()!).ToList();

    [Theory]
    [InlineData("es", "es", 4)]
    [InlineData("ES", "es", 4)]
    [InlineData("fr-CA", "fr", 3)]
    [InlineData("en", "en", 6)]
    public async Task Lang_keeps_the_records_of_that_language(string value, string language, int count)
    {
        var languages = Languages(await List("?top=200&lang=" + value));
        Assert.Equal(count, languages.Count);
        Assert.All(languages, l => Assert.Equal(language, l));
        Assert.Equal(count, (await Facets("?lang=" + value)).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unknown_language_is_a_problem_listing_the_known_ones()
    {
        var response = await List("?lang=de");
        response.AssertProblem(400);
        Assert.Equal("lang", response.Json.GetProperty("parameter").GetString());
        Assert.Equal(["en", "es", "fr"], response.Json.GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
        (await Facets("?lang=klingon")).AssertProblem(400);
    }

    [Fact]
    public async Task The_languages_facet_counts_projects_per_language_with_their_names()
    {
        var languages = (await Facets("")).Json.GetProperty("facets").GetProperty("lang").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString(), v.GetProperty("label").GetString(), v.GetProperty("count").GetInt32()))
            .ToList();
        Assert.Equal([("en", "English", 6), ("es", "Español", 4), ("fr", "Français", 3)], languages);
    }

    [Fact]
    public async Task Country_facets_merge_across_languages_and_are_labelled_in_the_asked_language()
    {
        static (string?, string?, int) Ethiopia(Response response) => response.Json.GetProperty("facets").GetProperty("country").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString(), v.GetProperty("label").GetString(), v.GetProperty("count").GetInt32()))
            .Single();
        Assert.Equal(("ET", "Ethiopia", 13), Ethiopia(await Facets("")));
        Assert.Equal(("ET", "Etiopía", 4), Ethiopia(await Facets("?lang=es")));
        Assert.Equal(("ET", "Éthiopie", 3), Ethiopia(await Facets("?lang=fr")));
        var outcome = (await Facets("?lang=es")).Json.GetProperty("facets").GetProperty("outcome").EnumerateArray()
            .Single(v => v.GetProperty("value").GetString() == "5");
        Assert.StartsWith("Competencias y aprendizaje permanente", outcome.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("Etiopía")]
    [InlineData("Éthiopie")]
    [InlineData("ET")]
    public async Task A_country_may_be_named_in_any_catalogue_language(string name)
    {
        Assert.Equal(13, Languages(await List("?top=200&country=" + Uri.EscapeDataString(name))).Count);
    }

    [Fact]
    public async Task The_brochure_status_tells_its_language()
    {
        var response = await CatalogueApp.SendAsync(r => _app.Function<GetBrochureFunction>().Run(r, "edition-es", CancellationToken.None), "GET", "/api/brochures/edition-es");
        Assert.Equal(200, response.Status);
        Assert.Equal("es", response.Json.GetProperty("language").GetString());
    }
}
