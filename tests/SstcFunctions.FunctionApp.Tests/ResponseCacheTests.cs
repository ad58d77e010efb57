using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>Responses are computed once per snapshot and request; a new snapshot starts afresh; the cache is bounded.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResponseCacheTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Identical_reads_reuse_one_response_until_the_catalogue_changes()
    {
        await using var app = fixture.NewApp();
        await app.CommitAsync(HandBuiltRecords.Commit("cached-a", HandBuiltRecords.Result("cached-a", 5)));
        var queries = app.Get<CatalogueQueries>();
        var filter = new ProjectFilter { Country = "BR" };

        var facets = await queries.FacetsAsync(filter, CancellationToken.None);
        Assert.Same(facets, await queries.FacetsAsync(new ProjectFilter { Country = "BR" }, CancellationToken.None));
        Assert.NotSame(facets, await queries.FacetsAsync(new ProjectFilter(), CancellationToken.None));
        var page = await queries.ListAsync(new ProjectQuery(filter, 2, null, false), CancellationToken.None);
        Assert.Same(page, await queries.ListAsync(new ProjectQuery(filter, 2, null, false), CancellationToken.None));
        Assert.NotSame(page, await queries.ListAsync(new ProjectQuery(filter, 3, null, false), CancellationToken.None));

        await app.CommitAsync(HandBuiltRecords.Commit("cached-b", HandBuiltRecords.Result("cached-b", 5)));
        var after = await queries.FacetsAsync(filter, CancellationToken.None);
        Assert.NotSame(facets, after);
        Assert.NotEqual(facets.ETag, after.ETag);
    }

    [Fact]
    public async Task Paging_through_cached_pages_returns_every_match_once()
    {
        await using var app = fixture.NewApp();
        await app.CommitAsync(HandBuiltRecords.Commit("paged", HandBuiltRecords.Result("paged", 9)));
        var list = app.Function<ListProjectsFunction>();
        for (var pass = 0; pass < 2; pass++)
        {
            var ids = new List<string>();
            string? token = null;
            do
            {
                var url = "/api/projects?top=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
                var response = await CatalogueApp.SendAsync(r => list.Run(r, CancellationToken.None), "GET", url);
                Assert.Equal(200, response.Status);
                ids.AddRange(response.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
                token = response.Json.GetProperty("continuationToken").GetString();
            }
            while (token is not null);
            Assert.Equal(HandBuiltRecords.Result("paged", 9).Projects.Select(p => p.Id), ids);
        }
    }

    [Fact]
    public async Task Concurrent_misses_of_one_request_compute_it_once()
    {
        var snapshot = new CatalogueSnapshot(new CatalogueContents("v", [], []));
        var computed = 0;
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        BodyResult Compute(CatalogueSnapshot _)
        {
            Interlocked.Increment(ref computed);
            entered.Set();
            release.Wait(TimeSpan.FromMinutes(1));
            return new BodyResult(200, new byte[10], "application/json");
        }

        var first = Task.Run(() => snapshot.Response("facets", Compute));
        entered.Wait(TimeSpan.FromMinutes(1));
        // A second request while the first computation is held: it must wait for that one, not compute its own. It is
        // released once it is blocked, or once it has computed (the failure this test is for).
        BodyResult? secondResult = null;
        var second = new Thread(() => secondResult = snapshot.Response("facets", Compute));
        second.Start();
        SpinWait.SpinUntil(() => Volatile.Read(ref computed) > 1 || (second.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromMinutes(1));
        release.Set();
        second.Join();
        var results = new[] { await first, secondResult! };

        Assert.Equal(1, computed);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task The_unfiltered_facets_are_prepared_when_a_snapshot_loads()
    {
        await using var app = fixture.NewApp();
        _ = app.Get<CatalogueQueries>(); // subscribes to the read model's loads
        var readModel = app.Get<CatalogueReadModel>();
        var loaded = new TaskCompletionSource<CatalogueSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        readModel.Loaded += snapshot => loaded.TrySetResult(snapshot);

        await app.CommitAsync(HandBuiltRecords.Commit("prepared", HandBuiltRecords.Result("prepared", 4)));
        await readModel.GetAsync();
        var prepared = await loaded.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // Handlers run in subscription order: the queries' one has computed the facets before this one ran.
        Assert.Equal(1, prepared.CachedResponses);
    }

    [Fact]
    public void The_cache_of_one_snapshot_stays_bounded()
    {
        var snapshot = new CatalogueSnapshot(new CatalogueContents("v", [], []));
        var computed = 0;
        for (var i = 0; i < CatalogueSnapshot.MaxCachedResponses * 3; i++)
        {
            snapshot.Response("key" + i, _ => { computed++; return new BodyResult(200, new byte[10], "application/json"); });
        }
        Assert.Equal(CatalogueSnapshot.MaxCachedResponses * 3, computed);
        Assert.True(snapshot.CachedResponses <= CatalogueSnapshot.MaxCachedResponses);
    }
}
