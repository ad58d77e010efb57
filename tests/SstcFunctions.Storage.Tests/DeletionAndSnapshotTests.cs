using System.Text.Json;
using Azure.Storage.Blobs.Models;
using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests;

/// <summary>Deletes in bounded steps, and the snapshot blob each generation is read back from.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeletionAndSnapshotTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task A_marked_deletion_hides_the_brochure_at_once_and_completes_a_bounded_page_at_a_time()
    {
        var store = fixture.NewStore();
        store.DeletePageSize = 5;
        await store.CommitAsync(HandBuiltRecords.Commit("doomed", HandBuiltRecords.Result("doomed", 12)));
        await store.CommitAsync(HandBuiltRecords.Commit("kept", HandBuiltRecords.Result("kept", 2)));
        var before = await store.GetVersionAsync();

        var marked = await store.MarkDeletingAsync("doomed");

        Assert.Equal(BrochureStates.Deleting, marked!.Status);
        Assert.Equal(BrochureStates.Deleting, (await store.GetBrochureAsync("doomed"))!.Status);
        Assert.NotEqual(before, await store.GetVersionAsync());
        var loaded = await store.LoadAsync();
        Assert.Equal(["kept"], loaded.Brochures.Select(b => b.Id));
        Assert.All(loaded.Projects, p => Assert.Equal("kept", p.BrochureId));
        Assert.Empty(await store.GetProjectsAsync("doomed"));

        // 12 entities, 5 per step: three steps remove them, a fourth removes the snapshot blob and the row.
        var remaining = new List<int>();
        var steps = 0;
        while (!await store.CompleteDeletionAsync("doomed"))
        {
            steps++;
            remaining.Add((await Tables.ProjectsAsync(store)).Count(e => e.PartitionKey == "doomed"));
        }
        Assert.Equal([7, 2, 0], remaining);
        Assert.Equal(3, steps);
        Assert.Null(await store.GetBrochureAsync("doomed"));
        Assert.Empty(await store.ListDeletionsAsync());
        Assert.DoesNotContain(await SnapshotBlobsAsync(store), name => name.StartsWith("doomed/", StringComparison.Ordinal));
        Assert.Equal(2, (await Tables.ProjectsAsync(store)).Count);
        Assert.True(await store.CompleteDeletionAsync("doomed")); // nothing left to do
    }

    [Fact]
    public async Task A_brochure_ingested_again_while_being_deleted_keeps_its_new_records_and_loses_the_old()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("phoenix", HandBuiltRecords.Result("phoenix", 4, "old")));
        await store.MarkDeletingAsync("phoenix");

        var fresh = HandBuiltRecords.Result("phoenix", 3, "new");
        await store.CommitAsync(HandBuiltRecords.Commit("phoenix", fresh, sha: "sha-new"));
        while (!await store.CompleteDeletionAsync("phoenix"))
        {
        }

        var status = await store.GetBrochureAsync("phoenix");
        Assert.Equal(BrochureStates.Succeeded, status!.Status);
        Assert.Equal(Json(fresh.Projects), Json((await store.LoadAsync()).Projects));
        Assert.Equal(3, (await Tables.ProjectsAsync(store)).Count);
        Assert.Single(await SnapshotBlobsAsync(store));
        Assert.Empty(await store.ListDeletionsAsync());
    }

    [Fact]
    public async Task Each_generation_is_read_back_from_its_one_snapshot_blob_and_from_the_table_when_the_blob_is_missing()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("snap", HandBuiltRecords.Result("snap", 5, "a")));
        var replacement = HandBuiltRecords.Result("snap", 7, "b");
        await store.CommitAsync(HandBuiltRecords.Commit("snap", replacement, sha: "sha-b"));

        var blobs = await SnapshotBlobsAsync(store);
        var blob = Assert.Single(blobs); // the replaced generation's blob went with its rows
        Assert.StartsWith("snap/", blob);

        var fromBlob = await store.LoadAsync();
        Assert.Equal(Json(replacement.Projects), Json(fromBlob.Projects));
        Assert.Equal((1, 0), (fromBlob.BrochuresRead, fromBlob.TableReads));
        Assert.True(fromBlob.SnapshotBytes > 0);

        // A generation written before snapshots existed (or whose blob is unsound) is read from its table rows.
        await store.Storage.Snapshots.DeleteBlobAsync(blob, DeleteSnapshotsOption.IncludeSnapshots);
        var fromTable = await store.LoadAsync();
        Assert.Equal(Json(replacement.Projects), Json(fromTable.Projects));
        Assert.Equal((1, 1, 0L), (fromTable.BrochuresRead, fromTable.TableReads, fromTable.SnapshotBytes));
    }

    [Fact]
    public async Task A_snapshot_blob_that_disagrees_with_the_row_is_not_trusted()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("guarded", 4);
        await store.CommitAsync(HandBuiltRecords.Commit("guarded", result));
        var blob = Assert.Single(await SnapshotBlobsAsync(store));
        await store.Storage.Snapshots.GetBlobClient(blob).UploadAsync(BinaryData.FromString("not gzip"), overwrite: true);

        var loaded = await store.LoadAsync();

        Assert.Equal(Json(result.Projects), Json(loaded.Projects));
        Assert.Equal(1, loaded.TableReads);
    }

    [Fact]
    public async Task An_incremental_load_reads_nothing_for_unchanged_brochures()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("one", HandBuiltRecords.Result("one", 3)));
        await store.CommitAsync(HandBuiltRecords.Commit("two", HandBuiltRecords.Result("two", 3)));
        var first = await store.LoadAsync();
        await store.CommitAsync(HandBuiltRecords.Commit("three", HandBuiltRecords.Result("three", 2)));

        var second = await store.LoadAsync(first);

        Assert.Equal(2, first.BrochuresRead);
        Assert.Equal(1, second.BrochuresRead);
        Assert.Equal(8, second.Projects.Count);
    }

    private static async Task<List<string>> SnapshotBlobsAsync(CatalogueStore store)
    {
        var names = new List<string>();
        await foreach (var blob in store.Storage.Snapshots.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    private static string Json(IEnumerable<ProjectRecord> projects) => JsonSerializer.Serialize(projects, RecordJson.Options);
}
