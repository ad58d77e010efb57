// Length: just over 300 lines on purpose — the dashboard's reading flows (filters, detail, export) share one browser
// fixture and page helpers; the upload form's tests are already in DashboardTests.Upload.cs.
using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace SstcFunctions.Dashboard.Tests;

/// <summary>
/// The dashboard as a person uses it, in headless Chromium against the local host with the seed brochure ingested.
/// Every expected number is fetched from the API during the test; every test ends with no console error, uncaught
/// exception, failed request or HTTP error seen by the page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardTests(DashboardFixture fixture)
{
    private const int Wide = 1280;
    private const int Narrow = 390;
    private const int PageSize = 10;

    [Fact]
    public async Task Headline_figures_equal_the_apis()
    {
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();

        var brochures = await fixture.GetJsonAsync("api/brochures");
        var facets = await fixture.GetJsonAsync("api/facets");
        var shown = await Figures(tab);
        // Brochures with projects under the filters (a failed brochure has none), as the facets count them.
        Assert.Equal(facets.GetProperty("facets").GetProperty("brochure").GetArrayLength(), shown["brochures"]);
        Assert.True(brochures.GetProperty("brochures").GetArrayLength() >= shown["brochures"]);
        Assert.Equal(facets.GetProperty("total").GetInt32(), shown["projects"]);
        Assert.Equal(facets.GetProperty("facets").GetProperty("country").GetArrayLength(), shown["countries"]);
        Assert.Equal(facets.GetProperty("facets").GetProperty("region").GetArrayLength(), shown["regions"]);
        Assert.True(shown["projects"] >= 20, $"the seed brochure has 21 cards; the page shows {shown["projects"]} projects");

        // Unfiltered, the view is the whole catalogue.
        await AssertViewMatchesApiAsync(tab, "");

        // Topics are named as the API (the taxonomy data) names them, not spelled out from their slugs.
        var topicNames = facets.GetProperty("facets").GetProperty("topic").EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("label").GetString()!);
        var shownNames = (await tab.Page.EvaluateAsync<string[][]>(
                "() => [...document.querySelectorAll('#chart-topic tr[data-value]')].map(r => [r.dataset.value, r.querySelector('button').textContent])"))
            .ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(topicNames.OrderBy(t => t.Key), shownNames.OrderBy(t => t.Key));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task Choosing_a_region_filters_table_charts_and_map_like_the_api_and_the_url_keeps_it()
    {
        var facets = await fixture.GetJsonAsync("api/facets");
        var total = facets.GetProperty("total").GetInt32();
        // A region with several projects, but not all of them, so that filtering visibly changes everything.
        var region = facets.GetProperty("facets").GetProperty("region").EnumerateArray()
            .First(v => v.GetProperty("count").GetInt32() > 1 && v.GetProperty("count").GetInt32() < total).GetProperty("value").GetString()!;

        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(region));

        Assert.Equal(region, Query(tab)["region"]);
        var query = "region=" + Uri.EscapeDataString(region);
        await AssertViewMatchesApiAsync(tab, query);
        var regions = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects tr.project')].map(r => r.dataset.region)");
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Equal(region, r));
        Assert.Equal([region], (await Chart(tab, "region")).Keys);

        // A shared link: the same view after a reload, and back goes to the whole catalogue.
        var filtered = await TableIds(tab);
        await tab.Page.ReloadAsync();
        await tab.WaitForViewAsync(0);
        Assert.Equal(region, await tab.Page.GetByLabel("Region", new() { Exact = true }).InputValueAsync());
        Assert.Equal(filtered, await TableIds(tab));

        await tab.RedrawAsync(() => tab.Page.GoBackAsync());
        Assert.False(Query(tab).ContainsKey("region"));
        Assert.Equal("", await tab.Page.GetByLabel("Region", new() { Exact = true }).InputValueAsync());
        await AssertViewMatchesApiAsync(tab, "");
        await tab.RedrawAsync(() => tab.Page.GoForwardAsync());
        Assert.Equal(region, await tab.Page.GetByLabel("Region", new() { Exact = true }).InputValueAsync());
        Assert.Equal(filtered, await TableIds(tab));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task Choosing_a_country_filters_table_charts_and_map_like_the_api_and_a_shared_link_restores_it()
    {
        var facets = await fixture.GetJsonAsync("api/facets");
        var total = facets.GetProperty("total").GetInt32();
        var country = facets.GetProperty("facets").GetProperty("country").EnumerateArray()
            .First(v => v.GetProperty("count").GetInt32() > 1 && v.GetProperty("count").GetInt32() < total).GetProperty("value").GetString()!;

        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(country));

        Assert.Equal(country, Query(tab)["country"]);
        await AssertViewMatchesApiAsync(tab, "country=" + country);
        var countries = await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects [data-countries]')].map(c => c.dataset.countries)");
        Assert.NotEmpty(countries);
        Assert.All(countries, codes => Assert.Contains(country, codes.Split(' ')));
        var map = await Map(tab);
        Assert.Contains(country, map.Keys);

        // Opening the shared URL in a fresh tab, with the code in lower case as a person might type it.
        var url = tab.Page.Url;
        await using var shared = await fixture.OpenAsync(Wide);
        await shared.GotoAsync("?country=" + country.ToLowerInvariant());
        Assert.Equal(country, await shared.Page.GetByLabel("Country", new() { Exact = true }).InputValueAsync());
        Assert.Equal(await TableIds(tab), await TableIds(shared));
        await shared.Page.GotoAsync(url);
        await shared.WaitForViewAsync(0);
        Assert.Equal(await TableIds(tab), await TableIds(shared));
        tab.AssertNoProblems();
        shared.AssertNoProblems();
    }

    [Fact]
    public async Task Free_text_and_topic_filters_combine_and_pages_follow_the_api()
    {
        var facets = await fixture.GetJsonAsync("api/facets");
        var topic = facets.GetProperty("facets").GetProperty("topic")[0].GetProperty("value").GetString()!;

        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync("?topic=" + topic);
        await AssertViewMatchesApiAsync(tab, "topic=" + topic);

        await tab.Page.GetByLabel("Words in title or description").FillAsync("training");
        await tab.RedrawAsync(() => tab.Page.GetByLabel("Words in title or description").PressAsync("Enter"));
        Assert.Equal("training", Query(tab)["q"]);
        Assert.Equal(topic, Query(tab)["topic"]);
        await AssertViewMatchesApiAsync(tab, $"topic={topic}&q=training");

        // The whole catalogue spans pages: the second page is the API's second page.
        await tab.RedrawAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync());
        var first = await fixture.GetJsonAsync($"api/projects?top={PageSize}");
        var token = first.GetProperty("continuationToken").GetString();
        Assert.NotNull(token);
        await tab.RedrawAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync());
        var second = await fixture.GetJsonAsync($"api/projects?top={PageSize}&continuationToken={Uri.EscapeDataString(token!)}");
        Assert.Equal(Ids(second), await TableIds(tab));
        Assert.Equal("Page 2 of " + Math.Ceiling(facets.GetProperty("total").GetInt32() / (double)PageSize), await tab.Page.Locator("#page-label").TextContentAsync());
        await tab.RedrawAsync(() => tab.Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync());
        Assert.Equal(Ids(first), await TableIds(tab));
        tab.AssertNoProblems();
    }

    [Fact]
    public async Task Keyboard_reaches_the_filters_and_expands_a_row_to_its_provenance_and_source_pdf()
    {
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();

        // Tab from the top of the page reaches the first filter within a few steps.
        var reached = new List<string>();
        for (var i = 0; i < 6 && !reached.Contains("filter-region"); i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            reached.Add(await tab.Page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.tagName"));
        }
        Assert.Contains("filter-region", reached);

        // The skip link leads to the projects; Tab passes the table's tools (page size, sort, export) and its sortable
        // column headers, then reaches the first row's expand button.
        await tab.Page.Keyboard.PressAsync("Shift+Tab");
        for (var i = 0; i < 6 && await FocusedText(tab) != "Skip to the projects"; i++) await tab.Page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("Skip to the projects", await FocusedText(tab));
        await tab.Page.Keyboard.PressAsync("Enter");
        var firstRow = tab.Page.Locator("#projects tr.project").First;
        var toggle = firstRow.Locator("button.expand");
        for (var i = 0; i < 10 && !await toggle.EvaluateAsync<bool>("b => b === document.activeElement"); i++) await tab.Page.Keyboard.PressAsync("Tab");
        Assert.True(await toggle.EvaluateAsync<bool>("b => b === document.activeElement"), "Tab after the skip link focuses the first row");

        var id = await firstRow.GetAttributeAsync("data-project");
        var project = await fixture.GetJsonAsync($"api/projects/{id}");
        var page = project.GetProperty("page").GetInt32();
        var brochure = project.GetProperty("brochureId").GetString();
        var detail = tab.Page.Locator($"#record-{id}");

        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await detail.IsVisibleAsync());
        await tab.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await detail.IsVisibleAsync());
        Assert.Equal($"brochure {brochure}, page {page}", await detail.Locator("[data-provenance]").TextContentAsync());
        Assert.Contains(project.GetProperty("description").GetString()![..40], await detail.TextContentAsync());
        // The record's language, in the detail and beside the brochure in the row; the title is marked up in it.
        var language = project.GetProperty("language").GetString();
        Assert.Equal("English (en)", await detail.Locator("[data-language]").TextContentAsync());
        Assert.Equal(language, await firstRow.Locator("td [data-language]").GetAttributeAsync("data-language"));
        Assert.Equal(language, await toggle.Locator("span[lang]").GetAttributeAsync("lang"));

        var link = detail.Locator("a.pdf-link");
        var href = await link.GetAttributeAsync("href");
        Assert.Equal($"/api/brochures/{brochure}/pdf#page={page}", href);
        var pdf = await tab.Page.APIRequest.GetAsync(href!.Split('#')[0]);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

        await tab.Page.Keyboard.PressAsync("Space");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await detail.IsVisibleAsync());
        tab.AssertNoProblems();
    }

    [Theory]
    [InlineData(Wide)]
    [InlineData(Narrow)]
    public async Task Axe_finds_no_serious_or_critical_violations(int width)
    {
        await using var tab = await fixture.OpenAsync(width);
        await tab.GotoAsync();
        // Scan with the hidden parts shown too: an expanded record and the map's table.
        await tab.Page.Locator("#projects button.expand").First.ClickAsync();
        await tab.Page.GetByText("Projects per country as a table").ClickAsync();

        var result = await tab.Page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
        Assert.NotEmpty(result.Passes);
        tab.AssertNoProblems();
    }

    [Theory]
    [InlineData(Wide, 900)]
    [InlineData(Narrow, 844)]
    public async Task The_dashboard_fits_the_width_and_a_screenshot_is_written(int width, int height)
    {
        await using var tab = await fixture.OpenAsync(width, height);
        await tab.GotoAsync();

        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the {width}px viewport");
        var tableWidth = await tab.Page.EvaluateAsync<double>("() => document.getElementById('projects').getBoundingClientRect().right");
        Assert.True(tableWidth <= width, $"the projects table ends at {tableWidth}px");
        Assert.True(await tab.Page.Locator("svg.world path.has-projects").CountAsync() > 10, "the map shades the countries with projects");

        Directory.CreateDirectory(DashboardFixture.ScreenshotDirectory);
        var file = Path.Combine(DashboardFixture.ScreenshotDirectory, $"dashboard-{width}.png");
        File.Delete(file);
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} written");
        tab.AssertNoProblems();
    }

    /// <summary>Table, charts, map and count under <paramref name="query"/> equal what the API answers for it.</summary>
    private async Task AssertViewMatchesApiAsync(DashboardPage tab, string query)
    {
        var separator = query.Length == 0 ? "" : "&";
        var facets = await fixture.GetJsonAsync($"api/facets?{query}");
        var projects = await fixture.GetJsonAsync($"api/projects?{query}{separator}top={PageSize}");

        Assert.Equal(Ids(projects), await TableIds(tab));
        Assert.Equal(facets.GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture),
            await tab.Page.Locator("#projects-count").GetAttributeAsync("data-total"));
        foreach (var facet in new[] { "region", "outcome", "topic" })
        {
            Assert.Equal(Counts(facets, facet), await Chart(tab, facet));
        }
        Assert.Equal(Counts(facets, "country"), await Map(tab));

        // Every shaded country on the map has projects under these filters, and every unshaded one has none.
        var shaded = await tab.Page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('svg.world path[data-country]')].map(p => [p.dataset.country, p.getAttribute('class')])");
        var counts = Counts(facets, "country");
        Assert.All(shaded, s => Assert.Equal(counts.ContainsKey(s[0]) ? "has-projects" : "no-projects", s[1]));
    }

    private static Dictionary<string, int> Counts(JsonElement facets, string facet) =>
        facets.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();

    private static async Task<List<string>> TableIds(DashboardPage tab) =>
        [.. await tab.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#projects tr.project')].map(r => r.dataset.project)")];

    private static async Task<Dictionary<string, int>> Chart(DashboardPage tab, string facet) =>
        (await tab.Page.EvaluateAsync<string[][]>(
            $"() => [...document.querySelectorAll('#chart-{facet} tr[data-value]')].map(r => [r.dataset.value, r.querySelector('.count').textContent])"))
        .ToDictionary(r => r[0], r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    private static async Task<Dictionary<string, int>> Map(DashboardPage tab) =>
        (await tab.Page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('#country-table tbody tr')].map(r => [r.dataset.country, r.lastElementChild.textContent])"))
        .ToDictionary(r => r[0], r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    private static async Task<Dictionary<string, int>> Figures(DashboardPage tab) =>
        (await tab.Page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('[data-figure]')].map(d => [d.dataset.figure, d.textContent])"))
        .ToDictionary(r => r[0], r => int.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    private static Dictionary<string, string> Query(DashboardPage tab) =>
        QueryHelpers.ParseQuery(new Uri(tab.Page.Url).Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    private static Task<string> FocusedText(DashboardPage tab) =>
        tab.Page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''");
}
