using SstcFunctions.Core;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests;

/// <summary>
/// The write path's shortcuts change nothing that is stored: parallel batches store what one batch at a time stores,
/// re-committing a brochure replaces its rows (never adds to them), and an incremental reload equals a full one.
/// (These were timing printouts; time is measured by scripts/bench.sh, upload → queryable, not by tests.)
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CommitEquivalenceTests(AzuriteFixture fixture)
{
    /// <summary>The checked-in sample brochure: real cards, many batches, present in every checkout.</summary>
    private static readonly string SamplePdf = Path.Combine(SharedFixtures.RepositoryRoot, "samples", "sstc-2020-2021.pdf");

    [Fact]
    public async Task Parallel_batches_store_what_serial_batches_store_and_recommits_replace_rows()
    {
        await using var pdf = File.OpenRead(SamplePdf);
        var result = new BrochureExtractor().Extract(pdf, "seed");
        Assert.True(result.Projects.Count > 20, $"{result.Projects.Count} projects: too few to need several batches");

        var serial = fixture.NewStore();
        serial.MaxParallelBatches = 1;
        var parallel = fixture.NewStore();
        Assert.True(parallel.MaxParallelBatches > 1);

        var serialRows = await CommitRepeatedlyAsync(serial, result);
        var parallelRows = await CommitRepeatedlyAsync(parallel, result);

        // Every re-commit leaves as many rows as the first commit did: the old generation is replaced, not kept.
        Assert.Single(serialRows.Distinct());
        Assert.Single(parallelRows.Distinct());
        Assert.Equal(serialRows[0], parallelRows[0]);
        var fromSerial = (await serial.LoadAsync()).Projects;
        var fromParallel = (await parallel.LoadAsync()).Projects;
        Assert.Equal(result.Projects.Count, fromParallel.Count);
        Assert.Equal(fromSerial.Select(Content), fromParallel.Select(Content));
    }

    [Fact]
    public async Task An_incremental_reload_after_each_commit_equals_a_full_reload()
    {
        var store = fixture.NewStore();
        for (var b = 0; b < 20; b++) await store.CommitAsync(HandBuiltRecords.Commit($"bench-{b:D2}", HandBuiltRecords.Result($"bench-{b:D2}", 21)));
        var contents = await store.LoadAsync();
        for (var run = 0; run < 5; run++)
        {
            var variant = run % 2 == 0 ? "b" : "a";
            await store.CommitAsync(HandBuiltRecords.Commit("bench-00", HandBuiltRecords.Result("bench-00", 21, variant), sha: "sha-" + run));
            var everything = await store.LoadAsync();
            contents = await store.LoadAsync(contents);
            Assert.Equal(everything.Projects.Select(p => p.Id + p.Title), contents.Projects.Select(p => p.Id + p.Title));
            Assert.Equal(20 * 21, contents.Projects.Count);
        }
    }

    private static async Task<List<int>> CommitRepeatedlyAsync(CatalogueStore store, Core.Records.ExtractionResult result)
    {
        var rows = new List<int>();
        for (var run = 0; run < 3; run++)
        {
            await store.CommitAsync(HandBuiltRecords.Commit("seed", result, sha: "sha-" + run));
            rows.Add((await Tables.ProjectsAsync(store)).Count);
        }
        return rows;
    }

    private static string Content(Core.Records.ProjectRecord p) =>
        $"{p.Id}|{p.Title}|{p.Description}|{string.Join(",", p.Countries)}|{string.Join(",", p.Topics)}";
}
