using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using MiniExcelLibs;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Dashboard.Tests;

/// <summary>
/// The dashboard as a working tool: a curator edits a project in place, works through the review queue; a reader
/// exports what the filters show (CSV, Excel opened with MiniExcel), clicks the map to filter by country, and on a phone
/// sees the results after choosing a filter. Expected values come from the API during the test.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CurationDashboardTests(DashboardFixture fixture)
{
    private const int Wide = 1280;
    private const int Narrow = 390;

    private static string DocsDirectory => Path.Combine(SharedFixtures.RepositoryRoot, "docs");

    [Theory]
    [InlineData(Wide, 900)]
    [InlineData(Narrow, 844)]
    public async Task A_curator_corrects_countries_and_outcome_in_place_and_the_api_and_the_row_show_it(int width, int height)
    {
        var projects = (await fixture.GetJsonAsync("api/projects?top=200")).GetProperty("projects").EnumerateArray().ToList();
        // A different card at each width, never corrected before: the test shows a first correction each time.
        var target = projects.Where(p => p.GetProperty("origin").GetString() == "extracted" && p.GetProperty("countries").GetArrayLength() > 0)
            .Skip(width == Wide ? 1 : 2).First();
        var id = target.GetProperty("id").GetString()!;

        await using var tab = await fixture.OpenAsync(width, height);
        await tab.GotoAsync("?q=" + Uri.EscapeDataString(string.Join(' ', target.GetProperty("title").GetString()!.Split(' ').Take(3))));
        var row = tab.Page.Locator($"#projects tr.project[data-project='{id}']");
        await row.Locator("button.expand").ClickAsync();
        var detail = tab.Page.Locator($"#record-{id}");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var form = detail.Locator("form.edit-form");
        await form.WaitForAsync();
        await form.GetByLabel("Countries").FillAsync("Brazil, AR");
        await form.GetByLabel("Policy outcome").SelectOptionAsync("3");
        await Screenshot(tab, $"curation-edit-{width}.png", form);

        await tab.RedrawAsync(() => form.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync());

        var saved = await fixture.GetJsonAsync($"api/projects/{id}");
        Assert.Equal("corrected", saved.GetProperty("origin").GetString());
        Assert.Equal(["BR", "AR"], saved.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("3", saved.GetProperty("outcome").GetProperty("id").GetString());
        Assert.Equal("function key", saved.GetProperty("curation").GetProperty("updatedBy").GetString());
        // The redrawn row names the countries and the outcome, and says the card is corrected.
        var redrawn = tab.Page.Locator($"#projects tr.project[data-project='{id}']");
        Assert.Equal("Brazil, Argentina", await redrawn.Locator("[data-countries]").TextContentAsync());
        Assert.StartsWith("3. ", await redrawn.Locator("[data-outcome]").TextContentAsync());
        Assert.Equal("corrected", await redrawn.Locator(".badge").TextContentAsync());

        // Its history, opened from the row, shows the extraction and the correction.
        await redrawn.Locator("button.expand").ClickAsync();
        await tab.Page.Locator($"#record-{id}").GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var actions = tab.Page.Locator($"#record-{id} .history li[data-action]");
        await actions.First.WaitForAsync();
        Assert.Equal(["extracted", "corrected"], await actions.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)"));
        tab.AssertNoProblems();
    }

    [Theory]
    [InlineData(Wide, 900)]
    [InlineData(Narrow, 844)]
    public async Task The_review_queue_lists_what_the_api_lists_and_marking_one_reviewed_takes_it_out(int width, int height)
    {
        await using var tab = await fixture.OpenAsync(width, height);
        await tab.GotoAsync();
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Only cards that need review").CheckAsync());

        Assert.Equal("needed", Query(tab)["review"]);
        var queue = await fixture.GetJsonAsync("api/projects?review=needed&top=10");
        var ids = Ids(queue);
        Assert.NotEmpty(ids);
        Assert.Equal(ids, await TableIds(tab));
        var reasons = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects tr.project [data-review]')].map(r => r.dataset.review)");
        Assert.Equal(ids.Select(i => string.Join(' ', queue.GetProperty("review").GetProperty(i).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()))), reasons);
        await Screenshot(tab, $"curation-review-{width}.png", tab.Page.Locator("#projects-heading").Locator(".."));

        var first = ids[0];
        await tab.Page.Locator($"#projects tr.project[data-project='{first}'] button.expand").ClickAsync();
        await tab.RedrawAsync(() => tab.Page.Locator($"#record-{first}").GetByRole(AriaRole.Button, new() { Name = "Mark reviewed" }).ClickAsync());

        Assert.DoesNotContain(first, Ids(await fixture.GetJsonAsync("api/projects?review=needed&top=200")));
        Assert.DoesNotContain(first, await TableIds(tab));
        Assert.Equal(Ids(await fixture.GetJsonAsync("api/projects?review=needed&top=10")), await TableIds(tab));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task Export_gives_exactly_what_the_filters_show_as_csv_and_as_an_excel_workbook()
    {
        var facets = await fixture.GetJsonAsync("api/facets");
        var region = facets.GetProperty("facets").GetProperty("region")[0].GetProperty("value").GetString()!;
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync("?region=" + Uri.EscapeDataString(region));

        var expected = (await fixture.GetJsonAsync($"api/projects?region={Uri.EscapeDataString(region)}&top=200")).GetProperty("projects").EnumerateArray().ToList();
        Assert.True(expected.Count < facets.GetProperty("total").GetInt32(), "the filter narrows the catalogue");

        var csvDownload = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#export-csv").ClickAsync());
        using (var csv = CsvReader.Create(await File.ReadAllBytesAsync((await csvDownload.PathAsync())!), new CsvReaderOptions { Separator = ',' }))
        {
            var rows = new List<(string Id, string Title, string Countries, string Outcome)>();
            while (csv.Read()) rows.Add((csv.GetString("id"), csv.GetString("title"), csv.GetString("countries"), csv.GetString("outcome")));
            Assert.Equal(expected.Select(Row), rows);
        }

        var xlsxDownload = await tab.Page.RunAndWaitForDownloadAsync(() => tab.Page.Locator("#export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsxDownload.SuggestedFilename);
        await using (var workbook = File.OpenRead((await xlsxDownload.PathAsync())!))
        {
            var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(expected.Select(Row), rows.Select(r => ((string)r["id"]!, (string)r["title"]!, (string?)r["countries"] ?? "", (string?)r["outcome"] ?? "")));
            Assert.Equal(expected.Select(p => p.GetProperty("ordinal").GetInt32()), rows.Select(r => Convert.ToInt32(r["ordinal"], CultureInfo.InvariantCulture)));
            Assert.Equal(expected.Select(p => p.GetProperty("region").GetString()), rows.Select(r => (string?)r["region"]));
        }
        tab.AssertNoProblems();

        static (string, string, string, string) Row(JsonElement p) => (
            p.GetProperty("id").GetString()!, p.GetProperty("title").GetString()!,
            string.Join(';', p.GetProperty("countries").EnumerateArray().Select(c => c.GetString())),
            p.GetProperty("outcome").ValueKind == JsonValueKind.Null ? "" : p.GetProperty("outcome").GetProperty("id").GetString()!);
    }

    [Theory]
    [InlineData(Wide, 900)]
    [InlineData(Narrow, 844)]
    public async Task Clicking_a_country_on_the_map_filters_by_it_and_on_a_phone_the_results_come_into_view(int width, int height)
    {
        var countries = (await fixture.GetJsonAsync("api/facets")).GetProperty("facets").GetProperty("country").EnumerateArray().ToList();
        // A large country, easy to hit on a small map.
        var code = new[] { "BR", "CN", "IN", "AR", "ET" }.First(c => countries.Any(v => v.GetProperty("value").GetString() == c));
        await using var tab = await fixture.OpenAsync(width, height);
        await tab.GotoAsync();

        await tab.RedrawAsync(() => tab.Page.Locator($"svg.world path[data-country='{code}']").ClickAsync());

        Assert.Equal(code, Query(tab)["country"]);
        Assert.Equal(Ids(await fixture.GetJsonAsync($"api/projects?country={code}&top=10")), await TableIds(tab));
        var facets = await fixture.GetJsonAsync($"api/facets?country={code}");
        Assert.Equal(facets.GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture), await tab.Page.Locator("#projects-count").GetAttributeAsync("data-total"));
        // The figures and the region select's counts follow the filter.
        Assert.Equal(facets.GetProperty("total").GetInt32(), int.Parse((await tab.Page.Locator("[data-figure=projects]").TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        var regionCounts = await tab.Page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#filter-region option[data-count]')].map(o => [o.value, o.dataset.count])");
        Assert.Equal(facets.GetProperty("facets").GetProperty("region").EnumerateArray().Select(v => new[] { v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture) }).OrderBy(v => v[0]),
            regionCounts.OrderBy(v => v[0]));

        if (width == Narrow)
        {
            // Chosen from the select this time: the projects heading is scrolled into view.
            await tab.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var region = facets.GetProperty("facets").GetProperty("region")[0].GetProperty("value").GetString()!;
            await tab.RedrawAsync(() => tab.Page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(region));
            var top = await tab.Page.EvaluateAsync<double>("() => document.getElementById('projects-heading').getBoundingClientRect().top");
            Assert.InRange(top, -1, height / 2);
            await Screenshot(tab, "curation-filtered-390.png", null);
        }
        else
        {
            // The map's table offers the same choice to the keyboard: choosing the country again clears it.
            await tab.Page.GetByText("Projects per country as a table").ClickAsync();
            await tab.RedrawAsync(() => tab.Page.Locator($"#country-table tr[data-country='{code}'] button").ClickAsync());
            Assert.False(Query(tab).ContainsKey("country"));
            await tab.RedrawAsync(() => tab.Page.Locator($"svg.world path[data-country='{code}']").ClickAsync());
            await Screenshot(tab, "curation-filtered-1280.png", null, fullPage: true);
        }
        tab.AssertNoProblems();
    }

    [Theory]
    [InlineData(Wide)]
    [InlineData(Narrow)]
    public async Task Axe_finds_no_serious_violation_in_the_review_queue_with_an_edit_form_and_history_open(int width)
    {
        await using var tab = await fixture.OpenAsync(width);
        await tab.GotoAsync("?review=needed");
        var first = (await TableIds(tab))[0];
        await tab.Page.Locator($"#projects tr.project[data-project='{first}'] button.expand").ClickAsync();
        var detail = tab.Page.Locator($"#record-{first}");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await detail.Locator("form.edit-form").WaitForAsync();

        var result = await tab.Page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the {width}px viewport");
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task A_missed_card_is_added_opened_by_its_permalink_and_withdrawn_and_the_brochure_list_and_sorting_follow_the_api()
    {
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();

        // The brochure list says what the API says about each brochure.
        var brochures = (await fixture.GetJsonAsync("api/brochures")).GetProperty("brochures").EnumerateArray()
            .ToDictionary(b => b.GetProperty("id").GetString()!, b => b.GetProperty("status").GetString()!);
        var listed = (await tab.Page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#brochure-table tbody tr')].map(r => [r.dataset.brochure, r.dataset.status])"))
            .ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(brochures.OrderBy(b => b.Key), listed.OrderBy(b => b.Key));

        // Add the card the seed brochure states but does not print.
        await tab.Page.GetByLabel("New card: brochure").SelectOptionAsync(DashboardFixture.SeedBrochureId);
        await tab.Page.GetByLabel("New card: title").FillAsync("Youth employment exchange the brochure forgot");
        await tab.Page.GetByLabel("New card: countries").FillAsync("Senegal, CV");
        await tab.Page.GetByLabel("New card: region").SelectOptionAsync("Africa");
        await tab.RedrawAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add card" }).ClickAsync());
        var status = await tab.Page.Locator("#add-status").TextContentAsync();
        var id = status!.Split(' ')[1].TrimEnd(':');
        var added = await fixture.GetJsonAsync($"api/projects/{id}");
        Assert.Equal("added", added.GetProperty("origin").GetString());
        Assert.Equal(["SN", "CV"], added.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(id, Ids(await fixture.GetJsonAsync($"api/projects?brochure={DashboardFixture.SeedBrochureId}&top=200")));

        // Its permalink opens it on its own; withdrawing it there takes it out of the catalogue but keeps it.
        await using var linked = await fixture.OpenAsync(Wide);
        await linked.GotoAsync("?project=" + Uri.EscapeDataString(id));
        var panel = linked.Page.Locator("#project-panel");
        Assert.Equal("Youth employment exchange the brochure forgot", await panel.Locator("h3").TextContentAsync());
        Assert.Equal("added", await panel.Locator("[data-origin]").TextContentAsync());
        await linked.RedrawAsync(() => panel.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync());
        Assert.True((await fixture.GetJsonAsync($"api/projects/{id}")).GetProperty("curation").GetProperty("withdrawn").GetBoolean());
        Assert.DoesNotContain(id, Ids(await fixture.GetJsonAsync($"api/projects?brochure={DashboardFixture.SeedBrochureId}&top=200")));

        // Sorted by title across every match, 25 to a page.
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Rows per page").SelectOptionAsync("25"));
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Sort by").SelectOptionAsync("title"));
        Assert.Equal("title", Query(tab)["sort"]);
        var titles = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects tr.project button.expand')].map(b => b.textContent)");
        var all = (await fixture.GetJsonAsync("api/projects?top=200")).GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToList();
        Assert.Equal(Math.Min(25, all.Count), titles.Length);
        Assert.True(await tab.Page.EvaluateAsync<bool>("t => t.every((x, i) => i === 0 || t[i - 1].toLocaleLowerCase().localeCompare(x.toLocaleLowerCase()) <= 0)", titles), string.Join(" | ", titles));
        // The first title of the whole catalogue, not of one API page.
        Assert.Equal(await tab.Page.EvaluateAsync<string>("all => [...all].sort((a, b) => a.toLocaleLowerCase().localeCompare(b.toLocaleLowerCase()))[0]", all), titles[0]);
        tab.AssertNoProblems();
        linked.AssertNoProblems();
    }

    private static async Task Screenshot(DashboardPage tab, string name, ILocator? part, bool fullPage = false)
    {
        Directory.CreateDirectory(DashboardFixture.ScreenshotDirectory);
        var file = Path.Combine(DashboardFixture.ScreenshotDirectory, name);
        if (part is null) await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        else await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 5_000, $"{file} written");
        // The pictures in docs/curation.md are committed copies, refreshed on request so a test run leaves git clean.
        if (Environment.GetEnvironmentVariable("SSTC_UPDATE_DOC_SCREENSHOTS") == "1") File.Copy(file, Path.Combine(DocsDirectory, name), overwrite: true);
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();

    private static async Task<List<string>> TableIds(DashboardPage tab) =>
        [.. await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects tr.project')].map(r => r.dataset.project)")];

    private static Dictionary<string, string> Query(DashboardPage tab) =>
        QueryHelpers.ParseQuery(new Uri(tab.Page.Url).Query).ToDictionary(q => q.Key, q => q.Value.ToString());
}
