using System.Diagnostics;
using SstcFunctions.Core;
using SstcFunctions.TestSupport;
using Xunit.Abstractions;

namespace SstcFunctions.Storage.Tests;

/// <summary>
/// Not a pass/fail benchmark: prints how long committing the seed brochure's real records takes, one batch at a time
/// against the default bounded parallelism, so a change to the write path shows its effect in the test log. Asserts
/// only that both ways store the same thing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommitTimingTests(AzuriteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Seed_brochure_commit_time_serial_versus_parallel_batches()
    {
        if (!File.Exists(SharedFixtures.SeedBrochurePdf)) return; // The shared fixtures are not checked out here.
        await using var pdf = File.OpenRead(SharedFixtures.SeedBrochurePdf);
        var result = new BrochureExtractor().Extract(pdf, "seed");

        var serial = fixture.NewStore();
        serial.MaxParallelBatches = 1;
        var parallel = fixture.NewStore();

        var serialTimes = await TimeCommitsAsync(serial, result);
        var parallelTimes = await TimeCommitsAsync(parallel, result);

        output.WriteLine($"seed brochure: {result.Projects.Count} projects, {(await Tables.ProjectsAsync(parallel)).Count} project rows");
        output.WriteLine($"commit, one batch at a time (first, re-commits): {string.Join(", ", serialTimes)} ms; median {Median(serialTimes)} ms");
        output.WriteLine($"commit, {parallel.MaxParallelBatches} batches at a time (first, re-commits): {string.Join(", ", parallelTimes)} ms; median {Median(parallelTimes)} ms");

        Assert.Equal((await Tables.ProjectsAsync(serial)).Count, (await Tables.ProjectsAsync(parallel)).Count);
        Assert.Equal(result.Projects.Count, (await parallel.LoadAsync()).Projects.Count);
    }

    [Fact]
    public async Task Reload_after_one_commit_full_versus_incremental()
    {
        var store = fixture.NewStore();
        for (var b = 0; b < 20; b++) await store.CommitAsync(HandBuiltRecords.Commit($"bench-{b:D2}", HandBuiltRecords.Result($"bench-{b:D2}", 21)));
        var contents = await store.LoadAsync();
        var full = new List<long>();
        var incremental = new List<long>();
        for (var run = 0; run < 5; run++)
        {
            await store.CommitAsync(HandBuiltRecords.Commit("bench-00", HandBuiltRecords.Result("bench-00", 21, run % 2 == 0 ? "b" : "a"), sha: "sha-" + run));
            var watch = Stopwatch.StartNew();
            var everything = await store.LoadAsync();
            full.Add(watch.ElapsedMilliseconds);
            watch.Restart();
            contents = await store.LoadAsync(contents);
            incremental.Add(watch.ElapsedMilliseconds);
            Assert.Equal(everything.Projects.Select(p => p.Id + p.Title), contents.Projects.Select(p => p.Id + p.Title));
        }
        output.WriteLine($"reload of 20 brochures x 21 projects after one commit: full {string.Join(", ", full)} ms (median {Median(full)}); " +
            $"incremental {string.Join(", ", incremental)} ms (median {Median(incremental)})");
    }

    private static async Task<List<long>> TimeCommitsAsync(CatalogueStore store, Core.Records.ExtractionResult result)
    {
        var times = new List<long>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            await store.CommitAsync(HandBuiltRecords.Commit("seed", result, sha: "sha-" + run));
            times.Add(watch.ElapsedMilliseconds);
        }
        return times;
    }

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
}
