using System.Text.RegularExpressions;
using SstcFunctions.FunctionApp.Dashboard;
using SstcFunctions.FunctionApp.Functions;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>The dashboard page and its bundle as the functions serve them: content types, caching, and nothing else.</summary>
public sealed partial class DashboardFunctionTests
{
    private static Task<Response> Page(IDictionary<string, string>? headers = null) =>
        CatalogueApp.SendAsync(r => Task.FromResult(new DashboardFunction().Page(r)), "GET", "/", headers);

    private static Task<Response> Asset(string name, IDictionary<string, string>? headers = null) =>
        CatalogueApp.SendAsync(r => Task.FromResult(new DashboardFunction().Asset(r, name)), "GET", "/dashboard/" + Uri.EscapeDataString(name), headers);

    [Fact]
    public async Task The_page_is_html_with_a_strict_content_security_policy_and_is_revalidated()
    {
        var page = await Page();

        Assert.Equal(200, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.Header("Content-Type"));
        Assert.Equal("no-cache", page.Header("Cache-Control"));
        Assert.Equal(DashboardFunction.ContentSecurityPolicy, page.Header("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", page.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        Assert.Contains("<h1>SSTC project catalogue</h1>", page.Text);
        Assert.Equal(304, (await Page(new Dictionary<string, string> { ["If-None-Match"] = page.Header("ETag")! })).Status);
    }

    [Fact]
    public async Task Every_file_the_page_names_is_served_with_its_type_and_cached_as_immutable()
    {
        var page = (await Page()).Text;
        var referenced = AssetReference().Matches(page).Select(m => m.Groups["name"].Value).ToList();

        Assert.Contains(referenced, n => n.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(referenced, n => n.EndsWith(".css", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.Contains("//", StringComparison.Ordinal) || n.StartsWith("http", StringComparison.Ordinal)); // no CDN
        foreach (var name in referenced)
        {
            var asset = await Asset(name);
            Assert.Equal(200, asset.Status);
            Assert.Equal(name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", asset.Header("Content-Type"));
            Assert.Equal("public, max-age=31536000, immutable", asset.Header("Cache-Control"));
            Assert.Equal("nosniff", asset.Header("X-Content-Type-Options"));
            Assert.True(asset.Body.Length > 1000, $"{name} is {asset.Body.Length} bytes");
            Assert.Matches(HashedName(), name); // a new build gets a new name, so "immutable" is safe
        }
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("app.js")]
    [InlineData("../SstcFunctions.FunctionApp.dll")]
    [InlineData("..%2f..%2fhost.json")]
    [InlineData("")]
    [InlineData("%00")]
    public async Task Anything_else_is_a_404_problem(string name)
    {
        var response = await Asset(name);
        var problem = response.AssertProblem(404);
        Assert.Contains("No dashboard file", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public void The_bundle_holds_only_the_page_and_hashed_scripts_and_styles()
    {
        var names = DashboardAssets.Embedded.Names;
        Assert.Contains(DashboardAssets.IndexName, names);
        Assert.All(names.Where(n => n != DashboardAssets.IndexName), n => Assert.Matches(HashedName(), n));
    }

    [GeneratedRegex("""(?:src|href)="dashboard/(?<name>[^"]+)""")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"^[a-z]+-[A-Z0-9]{8}\.(js|css)$")]
    private static partial Regex HashedName();
}
