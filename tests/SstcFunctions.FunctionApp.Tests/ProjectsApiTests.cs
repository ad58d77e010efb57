// Length: just over 300 lines on purpose — every filter and paging rule over one hand-built catalogue, checked against
// one oracle; the shared setup would be repeated in each part if split.
using System.Text;
using System.Text.Json;
using CsvHelper;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>GET /api/projects, /api/projects/{id} and /api/facets over records built by hand (independent of extraction).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProjectsApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private CatalogueApp _app = null!;
    private List<ProjectRecord> _all = null!;

    public async Task InitializeAsync()
    {
        _app = fixture.NewApp();
        var first = HandBuiltRecords.Result("alpha-2020", 17);
        var second = HandBuiltRecords.Result("beta-2022", 13);
        await _app.CommitAsync(HandBuiltRecords.Commit("beta-2022", second));
        await _app.CommitAsync(HandBuiltRecords.Commit("alpha-2020", first));
        _all = [.. first.Projects, .. second.Projects];
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Response> List(string query, IDictionary<string, string>? headers = null) =>
        CatalogueApp.SendAsync(r => _app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects" + query, headers);

    private Task<Response> Facets(string query) =>
        CatalogueApp.SendAsync(r => _app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets" + query);

    [Fact]
    public async Task Lists_every_project_in_brochure_then_ordinal_order_in_the_record_shape()
    {
        var response = await List("?top=200");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        var projects = response.Json.GetProperty("projects");
        Assert.Equal(JsonSerializer.Serialize(_all, RecordJson.Options), projects.GetRawText());
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("continuationToken").ValueKind);
    }

    [Theory]
    [InlineData("?country=BR")]
    [InlineData("?country=br")]
    [InlineData("?country=Brazil")]
    public async Task Country_filter_accepts_codes_and_names(string query)
    {
        var ids = Ids(await List(query));
        Assert.Equal(_all.Where(p => p.Countries.Contains("BR")).Select(p => p.Id), ids);
        Assert.NotEmpty(ids);
    }

    [Theory]
    [InlineData("region=africa", "region")]
    [InlineData("topic=tvet", "topic")]
    [InlineData("outcome=a", "outcome")]
    [InlineData("activity=study-tour", "activity")]
    [InlineData("modality=triangular", "modality")]
    [InlineData("brochure=beta-2022", "brochure")]
    [InlineData("q=cote%20d%27ivoire", "q")]
    [InlineData("q=Migration%20LABOUR", "q")]
    [InlineData("region=Arab%20States&country=JO&outcome=5", "combined")]
    [InlineData("topic=skills&brochure=alpha-2020&q=project", "combined")]
    public async Task Each_filter_alone_and_combined_returns_exactly_the_matching_projects(string query, string _)
    {
        var expected = _all.Where(Predicate(query)).Select(p => p.Id).ToList();
        Assert.Equal(expected, Ids(await List("?top=200&" + query)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(200)]
    public async Task Paging_walks_every_result_once_without_gaps(int top)
    {
        foreach (var filter in new[] { "", "&country=BR" })
        {
            var seen = new List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var query = $"?top={top}{filter}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
                var response = await List(query);
                Assert.Equal(200, response.Status);
                var page = Ids(response);
                Assert.InRange(page.Count, 1, top);
                seen.AddRange(page);
                token = response.Json.GetProperty("continuationToken").GetString();
                Assert.True(++pages <= _all.Count + 1);
            }
            while (token is not null);
            var expected = _all.Where(p => filter == "" || p.Countries.Contains("BR")).Select(p => p.Id).ToList();
            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task Count_is_the_size_of_the_page_and_total_the_number_of_matches()
    {
        var brazil = _all.Count(p => p.Countries.Contains("BR"));
        Assert.True(brazil > 3);
        var first = await List("?top=3&country=BR");
        Assert.Equal(3, first.Json.GetProperty("count").GetInt32());
        Assert.Equal(brazil, first.Json.GetProperty("total").GetInt32());
        var token = first.Json.GetProperty("continuationToken").GetString()!;
        var next = await List("?top=3&country=BR&continuationToken=" + Uri.EscapeDataString(token));
        Assert.Equal(brazil, next.Json.GetProperty("total").GetInt32()); // the whole match, wherever the page is
        Assert.Equal(_all.Count, (await List("?top=1")).Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_brochure_the_catalogue_does_not_know_is_a_400_listing_the_known_ones()
    {
        foreach (var response in new[] { await List("?brochure=nope"), await Facets("?brochure=nope") })
        {
            var problem = response.AssertProblem(400);
            Assert.Equal("brochure", problem.GetProperty("parameter").GetString());
            Assert.Equal(["alpha-2020", "beta-2022"], problem.GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
        }
        // A known brochure with no matching project is an empty page, not an error.
        var empty = await List("?brochure=alpha-2020&country=ZW");
        Assert.Equal(200, empty.Status);
        Assert.Equal(0, empty.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Default_page_size_is_50()
    {
        await _app.CommitAsync(HandBuiltRecords.Commit("gamma", HandBuiltRecords.Result("gamma", 40)));
        var response = await List("");
        Assert.Equal(50, Ids(response).Count);
        Assert.NotNull(response.Json.GetProperty("continuationToken").GetString());
    }

    [Theory]
    [InlineData("?top=0")]
    [InlineData("?top=201")]
    [InlineData("?top=-1")]
    [InlineData("?top=abc")]
    [InlineData("?top=99999999999999999999")]
    [InlineData("?region=Atlantis")]
    [InlineData("?topic=astrology")]
    [InlineData("?outcome=9")]
    [InlineData("?activity=dancing")]
    [InlineData("?modality=telepathic")]
    [InlineData("?country=Atlantis")]
    [InlineData("?country=%27%20or%20true%20or%20%27")]
    [InlineData("?brochure=x%27%20or%20%271%27%20eq%20%271")]
    [InlineData("?region=%27%20or%20PartitionKey%20ne%20%27")]
    [InlineData("?q=%21%21%21")]
    [InlineData("?q=")]
    [InlineData("?contry=BR")]
    [InlineData("?country=BR&country=AR")]
    [InlineData("?format=xml")]
    [InlineData("?continuationToken=garbage")]
    [InlineData("?continuationToken=eyJCIjoiYWxwaGEtMjAyMCIsIk8iOjEsIkYiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_or_unknown_values_are_400_problems(string query)
    {
        (await List(query)).AssertProblem(400);
    }

    [Fact]
    public async Task Unknown_values_of_finite_lists_come_with_the_valid_ones()
    {
        var problem = (await List("?region=Atlantis")).AssertProblem(400);
        var valid = problem.GetProperty("validValues").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("Africa", valid);
        Assert.Equal("region", problem.GetProperty("parameter").GetString());
        Assert.Contains("skills", (await List("?topic=astrology")).AssertProblem(400).GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_continuation_token_is_bound_to_its_filters_and_tamper_evident()
    {
        var token = (await List("?top=2&country=BR")).Json.GetProperty("continuationToken").GetString()!;

        (await List("?top=2&country=AR&continuationToken=" + Uri.EscapeDataString(token))).AssertProblem(400);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        (await List("?top=2&country=BR&continuationToken=" + Uri.EscapeDataString(tampered))).AssertProblem(400);
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"B\":\"alpha-2020\",\"O\":0,\"F\":\"x\"}")).TrimEnd('=') + "." + token.Split('.')[1];
        (await List("?top=2&country=BR&continuationToken=" + Uri.EscapeDataString(forged))).AssertProblem(400);
        Assert.Equal(200, (await List("?top=2&country=BR&continuationToken=" + Uri.EscapeDataString(token))).Status);
    }

    [Fact]
    public async Task Get_project_returns_the_record_or_a_404_problem()
    {
        var wanted = _all[5];
        var found = await CatalogueApp.SendAsync(r => _app.Function<GetProjectFunction>().Run(r, wanted.Id, CancellationToken.None), "GET", "/api/projects/" + wanted.Id);
        Assert.Equal(200, found.Status);
        Assert.Equal(JsonSerializer.Serialize(wanted, RecordJson.Options), found.Text);

        var missing = await CatalogueApp.SendAsync(r => _app.Function<GetProjectFunction>().Run(r, "nope-001", CancellationToken.None), "GET", "/api/projects/nope-001");
        missing.AssertProblem(404);
    }

    [Fact]
    public async Task Reads_carry_an_ETag_and_If_None_Match_gives_304()
    {
        var first = await List("?country=BR");
        var etag = first.Header("ETag");
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Contains("max-age", first.Header("Cache-Control"));

        var again = await List("?country=BR", new Dictionary<string, string> { ["If-None-Match"] = etag! });
        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);

        var other = await List("?country=AR", new Dictionary<string, string> { ["If-None-Match"] = etag! });
        Assert.Equal(200, other.Status);

        var facets = await Facets("");
        Assert.Equal(304, (await CatalogueApp.SendAsync(r => _app.Function<FacetsFunction>().Run(r, CancellationToken.None), "GET", "/api/facets",
            new Dictionary<string, string> { ["If-None-Match"] = facets.Header("ETag")! })).Status);
    }

    [Theory]
    [InlineData("?format=csv&country=BR", null)]
    [InlineData("?country=BR&top=1", "text/csv")]
    public async Task Csv_export_has_every_matching_row_and_reads_back_with_CsvHelper(string query, string? accept)
    {
        var response = await List(query, accept is null ? null : new Dictionary<string, string> { ["Accept"] = accept });

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Header("Content-Type"));
        Assert.NotEqual(0xEF, response.Body[0]); // no BOM
        var expected = _all.Where(p => p.Countries.Contains("BR")).ToList();
        using var csv = CsvReader.Create(response.Body, new CsvReaderOptions { Separator = ',' });
        Assert.Equal(ProjectCsv.Columns, csv.Headers.ToArray());
        var rows = 0;
        while (csv.Read())
        {
            var p = expected[rows++];
            Assert.Equal(p.Id, csv.GetString("id"));
            Assert.Equal(p.Title, csv.GetString("title"));
            Assert.Equal(p.Description, csv.GetString("description"));
            Assert.Equal(string.Join(';', p.Countries), csv.GetString("countries"));
            Assert.Equal(string.Join(';', p.CountryNames), csv.GetString("countryNames"));
            Assert.Equal(p.Outcome?.Id ?? "", csv.GetString("outcome"));
            Assert.Equal(string.Join(';', p.Topics), csv.GetString("topics"));
            Assert.Equal(p.Bounds.Height, double.Parse(csv.GetString("height"), System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(expected.Count, rows);
        Assert.Contains("\r\n", response.Text);
    }

    [Fact]
    public async Task Facets_count_the_matching_projects_per_value()
    {
        var response = await Facets("?region=africa");
        Assert.Equal(200, response.Status);
        var matching = _all.Where(p => p.Region == "Africa").ToList();
        Assert.Equal(matching.Count, response.Json.GetProperty("total").GetInt32());
        var countries = response.Json.GetProperty("facets").GetProperty("country").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        var expected = matching.SelectMany(p => p.Countries).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), countries.OrderBy(e => e.Key));
        foreach (var facet in new[] { "region", "country", "topic", "outcome", "activity", "modality" })
        {
            Assert.True(response.Json.GetProperty("facets").TryGetProperty(facet, out _), facet);
        }
        (await Facets("?top=5")).AssertProblem(400);
        (await Facets("?region=nowhere")).AssertProblem(400);
    }

    [Fact]
    public async Task Topic_facets_carry_the_taxonomys_names()
    {
        var topics = (await Facets("")).Json.GetProperty("facets").GetProperty("topic").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("label").GetString());
        Assert.Equal(_all.SelectMany(p => p.Topics).Distinct().Order(), topics.Keys.Order());
        Assert.All(topics, topic => Assert.Equal(Core.Classification.TopicTaxonomy.Default.Label(topic.Key), topic.Value));
        Assert.Equal("Skills and lifelong learning", topics["skills"]);
    }

    [Fact]
    public async Task Local_writes_are_visible_to_the_next_read()
    {
        (await List("?brochure=late")).AssertProblem(400); // not a brochure of the catalogue yet
        await _app.CommitAsync(HandBuiltRecords.Commit("late", HandBuiltRecords.Result("late", 3)));
        Assert.Equal(3, Ids(await List("?brochure=late")).Count);
    }

    private static List<string> Ids(Response response)
    {
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
    }

    private static Func<ProjectRecord, bool> Predicate(string query)
    {
        var conditions = new List<Func<ProjectRecord, bool>>();
        foreach (var pair in query.Split('&'))
        {
            var (key, value) = (pair.Split('=')[0], Uri.UnescapeDataString(pair.Split('=')[1]));
            conditions.Add(key switch
            {
                "region" => p => string.Equals(p.Region, value, StringComparison.OrdinalIgnoreCase),
                "country" => p => p.Countries.Contains(value.ToUpperInvariant()),
                "topic" => p => p.Topics.Contains(value),
                "outcome" => p => string.Equals(p.Outcome?.Id, value, StringComparison.OrdinalIgnoreCase),
                "activity" => p => p.Activities.Contains(value),
                "modality" => p => p.Modality.Contains(value),
                "brochure" => p => p.BrochureId == value,
                "q" => p => SearchText.Words(value).All(w => SearchText.Fold(p.Title + " " + p.Description).Contains(" " + w)),
                _ => throw new ArgumentException(key),
            });
        }
        return p => conditions.All(c => c(p));
    }
}
