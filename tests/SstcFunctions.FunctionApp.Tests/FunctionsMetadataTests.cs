using System.Text.Json;
using SstcFunctions.FunctionApp.Functions;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// The functions.metadata the Worker SDK generates is what the Functions host really sees: trigger types, paths,
/// routes, methods and auth levels are checked there, not just in the attributes.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    [Theory]
    [InlineData("Health", "api/health", "get,head", "Anonymous")]
    [InlineData("ListProjects", "api/projects", "get,head", "Anonymous")]
    [InlineData("GetProject", "api/projects/{id}", "get,head", "Anonymous")]
    [InlineData("Facets", "api/facets", "get,head", "Anonymous")]
    [InlineData("ListBrochures", "api/brochures", "get,head", "Anonymous")]
    [InlineData("GetBrochure", "api/brochures/{id}", "get,head", "Anonymous")]
    [InlineData("UploadBrochure", "api/brochures", "post", "Function")]
    [InlineData("DeleteBrochure", "api/brochures/{id}", "delete", "Function")]
    [InlineData("BlobDeleted", "api/events/blob-deleted", "post", "Function")]
    [InlineData("OpenApi", "api/openapi.json", "get,head", "Anonymous")]
    [InlineData("GetBrochurePdf", "api/brochures/{id}/pdf", "get,head", "Anonymous")]
    [InlineData("Dashboard", "/", "get,head", "Anonymous")]
    [InlineData("DashboardAsset", "dashboard/{asset}", "get,head", "Anonymous")]
    public void Http_functions_have_their_route_method_and_auth_level(string name, string route, string method, string authLevel)
    {
        var trigger = Trigger(name);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(method.Split(','), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Host_json_has_no_route_prefix_so_the_dashboard_answers_at_the_root_and_api_routes_name_api_themselves()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.SharedFixtures.RepositoryRoot, "host.json")));
        Assert.Equal("", hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        foreach (var (name, function) in Functions)
        {
            var trigger = Trigger(name);
            if (trigger.GetProperty("type").GetString() != "httpTrigger" || name.StartsWith("Dashboard", StringComparison.Ordinal)) continue;
            Assert.StartsWith("api/", trigger.GetProperty("route").GetString());
        }
    }

    [Fact]
    public void IngestBrochure_is_a_blob_trigger_on_the_brochures_container()
    {
        var trigger = Trigger("IngestBrochure");
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("brochures/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("blob", trigger.GetProperty("name").GetString());
    }

    /// <summary>
    /// Flex Consumption runs only Event Grid–sourced blob triggers; without "source": "EventGrid" the host would poll
    /// the container (unsupported there) and the Event Grid subscription's webhook would have no function to feed.
    /// </summary>
    [Fact]
    public void IngestBrochure_takes_its_blobs_from_event_grid()
    {
        var trigger = Trigger("IngestBrochure");
        Assert.True(trigger.TryGetProperty("source", out var source), $"no source in {trigger}");
        Assert.Equal("EventGrid", source.GetString());
    }

    [Fact]
    public void Reconcile_is_a_timer_trigger_every_five_minutes()
    {
        var trigger = Trigger("Reconcile");
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 */5 * * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void No_function_is_missing_or_unexpected()
    {
        Assert.Equal(
            ["AddProject", "BlobDeleted", "Dashboard", "DashboardAsset", "DeleteBrochure", "Facets", "GetBrochure", "GetBrochurePdf", "GetProject", "Health", "IngestBrochure", "ListBrochures", "ListCorrections", "ListProjects", "OpenApi", "PatchProject", "ProjectHistory", "Reconcile", "UploadBrochure", "WithdrawProject"],
            Functions.Keys.Order(StringComparer.Ordinal));
    }

    private static JsonElement Trigger(string name) =>
        Functions[name].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static Dictionary<string, JsonElement> Load()
    {
        var path = MetadataPath();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    /// <summary>
    /// The FunctionApp's own build output: next to this test's copy of the assembly (if the SDK copied it), else the
    /// sibling project folder of an artifacts layout (…/bin/SstcFunctions.FunctionApp/debug), else src/…/bin/&lt;config&gt;/net10.0.
    /// </summary>
    private static string MetadataPath()
    {
        var testDir = Path.GetDirectoryName(typeof(HealthFunction).Assembly.Location)!;
        var pivot = new DirectoryInfo(testDir);
        var candidates = new List<string> { Path.Combine(testDir, "functions.metadata") };
        // Artifacts layout: <artifacts>/bin/<Project>/<pivot>
        if (pivot.Parent?.Parent is { } bin) candidates.Add(Path.Combine(bin.FullName, "SstcFunctions.FunctionApp", pivot.Name, "functions.metadata"));
        // Classic layout: <repo>/tests/<Project>/bin/<Config>/<tfm>
        if (pivot.Parent is { } config)
        {
            candidates.Add(Path.Combine(TestSupport.SharedFixtures.RepositoryRoot, "src", "SstcFunctions.FunctionApp", "bin", config.Name, pivot.Name, "functions.metadata"));
        }
        var found = candidates.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return found ?? throw new FileNotFoundException("functions.metadata not found; looked in: " + string.Join(", ", candidates));
    }
}
