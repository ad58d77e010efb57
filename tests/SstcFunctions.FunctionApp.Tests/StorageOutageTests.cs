using System.Diagnostics;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>Storage goes away and comes back: reads answer 503 problems with Retry-After, then recover by themselves.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Reads_answer_503_while_storage_is_down_and_recover_when_it_returns()
    {
        var azurite = await AzuriteInstance.StartPrivateAsync();
        var (blob, queue, table) = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        await using var app = new CatalogueApp(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Catalog:VersionCheckInterval"] = "00:00:00.200" });
        await app.CommitAsync(HandBuiltRecords.Commit("steady", HandBuiltRecords.Result("steady", 3)));
        Assert.Equal(200, (await Projects(app)).Status);

        await azurite.DisposeAsync();
        var down = await Eventually(app, r => r.Status == 503, TimeSpan.FromSeconds(30));
        down.AssertProblem(503);
        Assert.Equal(RequestGuardRetryAfter, down.Header("Retry-After"));
        (await Brochure(app)).AssertProblem(503);

        await using var restarted = await AzuriteInstance.StartPrivateAsync(blob, queue, table);
        await Eventually(app, r => r.Status == 200, TimeSpan.FromSeconds(30));
        Assert.Equal(200, (await Projects(app)).Status);
    }

    private const string RequestGuardRetryAfter = "5";

    private static Task<Response> Projects(CatalogueApp app) =>
        CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects?country=BR");

    private static Task<Response> Brochure(CatalogueApp app) =>
        CatalogueApp.SendAsync(r => app.Function<GetBrochureFunction>().Run(r, "steady", CancellationToken.None), "GET", "/api/brochures/steady");

    private static async Task<Response> Eventually(CatalogueApp app, Func<Response, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await Projects(app);
            if (condition(response)) return response;
            Assert.True(clock.Elapsed < timeout, $"still {response.Status} after {timeout}");
            await Task.Delay(200);
        }
    }
}
