using System.Text.Json;
using Azure.Data.Tables;
using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class CatalogueStoreTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Committed_records_read_back_exactly_in_reading_order()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("brochure-one", 12);
        await store.CommitAsync(HandBuiltRecords.Commit("brochure-one", result));

        var loaded = await store.LoadAsync();

        Assert.Equal(Json(result.Projects), Json(loaded.Projects));
        Assert.Equal(Json(result.Projects), Json(await store.GetProjectsAsync("brochure-one")));
        var status = Assert.Single(loaded.Brochures);
        Assert.Equal(BrochureStates.Succeeded, status.Status);
        Assert.Equal(12, status.ProjectCount);
        Assert.Equal(7, status.PageCount);
        Assert.Equal(["warning a"], status.Warnings);
        Assert.Equal("sha-a", status.Sha256);
    }

    [Fact]
    public async Task Projects_of_several_brochures_come_in_brochure_then_ordinal_order()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("zeta", HandBuiltRecords.Result("zeta", 3)));
        await store.CommitAsync(HandBuiltRecords.Commit("alpha", HandBuiltRecords.Result("alpha", 11)));

        var loaded = await store.LoadAsync();

        var expected = HandBuiltRecords.Result("alpha", 11).Projects.Concat(HandBuiltRecords.Result("zeta", 3).Projects);
        Assert.Equal(expected.Select(p => p.Id), loaded.Projects.Select(p => p.Id));
    }

    [Fact]
    public async Task Same_content_committed_twice_leaves_one_set_of_records()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("twice", 5);
        await store.CommitAsync(HandBuiltRecords.Commit("twice", result));
        await store.CommitAsync(HandBuiltRecords.Commit("twice", result));

        Assert.Equal(5, (await Tables.ProjectsAsync(store)).Count);
        Assert.Single(await Tables.BrochureRowsAsync(store));
    }

    [Fact]
    public async Task Changed_content_replaces_every_old_project()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("changing", HandBuiltRecords.Result("changing", 9, "a")));
        var replacement = HandBuiltRecords.Result("changing", 4, "b");
        await store.CommitAsync(HandBuiltRecords.Commit("changing", replacement, sha: "sha-b"));

        var loaded = await store.LoadAsync();
        Assert.Equal(Json(replacement.Projects), Json(loaded.Projects));
        Assert.Equal(4, (await Tables.ProjectsAsync(store)).Count);
        Assert.DoesNotContain(loaded.Projects, p => p.Topics.Contains("skills")); // variant a's topic
        Assert.Equal("sha-b", Assert.Single(loaded.Brochures).Sha256);
    }

    [Fact]
    public async Task Rejected_file_replaces_the_old_records_with_none_and_says_why()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("rejected", HandBuiltRecords.Result("rejected", 3)));
        var status = await store.CommitAsync(HandBuiltRecords.Commit("rejected", null, sha: "sha-x", failure: "encrypted PDF: a password is required"));

        Assert.Equal(BrochureStates.Failed, status.Status);
        Assert.Equal("encrypted PDF: a password is required", status.Error);
        Assert.Empty((await store.LoadAsync()).Projects);
        Assert.Empty(await Tables.ProjectsAsync(store));
    }

    [Fact]
    public async Task Delete_leaves_nothing_in_any_table()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("doomed", HandBuiltRecords.Result("doomed", 7)));
        await store.CommitAsync(HandBuiltRecords.Commit("kept", HandBuiltRecords.Result("kept", 2)));

        Assert.True(await store.DeleteBrochureAsync("doomed"));

        Assert.DoesNotContain(await Tables.BrochureRowsAsync(store), e => e.RowKey == "doomed");
        Assert.DoesNotContain(await Tables.ProjectsAsync(store), e => e.PartitionKey == "doomed");
        Assert.Equal(2, (await Tables.ProjectsAsync(store)).Count);
        Assert.Null(await store.GetBrochureAsync("doomed"));
        Assert.False(await store.DeleteBrochureAsync("doomed"));
    }

    [Fact]
    public async Task Overlapping_runs_for_one_brochure_leave_exactly_one_consistent_generation()
    {
        var store = fixture.NewStore();
        var variants = new[] { "a", "b", "c", "d", "e", "f" };
        await Task.WhenAll(variants.Select((v, i) =>
            store.CommitAsync(HandBuiltRecords.Commit("contested", HandBuiltRecords.Result("contested", 3 + i, v), sha: "sha-" + v))));

        var loaded = await store.LoadAsync();
        var status = Assert.Single(loaded.Brochures);
        var winner = variants.Single(v => status.Sha256 == "sha-" + v);
        var expected = HandBuiltRecords.Result("contested", 3 + Array.IndexOf(variants, winner), winner);
        Assert.Equal(Json(expected.Projects), Json(loaded.Projects));
        var projects = await Tables.ProjectsAsync(store);
        Assert.Single(projects.Select(p => p.GetString("Generation")).Distinct());
        Assert.Equal(expected.Projects.Count, projects.Count);
    }

    [Fact]
    public async Task An_incremental_load_rereads_only_brochures_whose_generation_changed()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("steady", HandBuiltRecords.Result("steady", 4)));
        await store.CommitAsync(HandBuiltRecords.Commit("moving", HandBuiltRecords.Result("moving", 3, "a")));
        await store.CommitAsync(HandBuiltRecords.Commit("leaving", HandBuiltRecords.Result("leaving", 2)));
        var first = await store.LoadAsync();

        await store.CommitAsync(HandBuiltRecords.Commit("moving", HandBuiltRecords.Result("moving", 5, "b"), sha: "sha-b"));
        await store.DeleteBrochureAsync("leaving");
        await store.CommitAsync(HandBuiltRecords.Commit("arriving", HandBuiltRecords.Result("arriving", 1)));
        var second = await store.LoadAsync(first);

        Assert.Equal(Json((await store.LoadAsync()).Projects), Json(second.Projects));
        Assert.Equal(["arriving", "moving", "steady"], second.Brochures.Select(b => b.Id));
        // Unchanged brochure: the very same record objects; changed one: read again.
        Assert.Same(first.Projects.First(p => p.BrochureId == "steady"), second.Projects.First(p => p.BrochureId == "steady"));
        Assert.Equal(5, second.Projects.Count(p => p.BrochureId == "moving"));
        Assert.Equal(["labour-migration"], second.Projects.First(p => p.BrochureId == "moving").Topics);
    }

    [Fact]
    public async Task A_200_KB_description_is_stored_in_chunks_and_read_back_whole()
    {
        var store = fixture.NewStore();
        var huge = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"word{i % 97:D2}é ")).PadRight(200_000, 'x');
        var result = HandBuiltRecords.Result("huge", 2, description: ordinal => ordinal == 1 ? huge : "short");
        await store.CommitAsync(HandBuiltRecords.Commit("huge", result));

        var loaded = await store.LoadAsync();

        Assert.Equal(huge, loaded.Projects[0].Description);
        var entity = (await Tables.ProjectsAsync(store)).Single(e => e.GetInt32("Ordinal") == 1);
        Assert.True(entity.GetInt32("JsonChunks") > 6);
    }

    [Fact]
    public async Task A_record_too_large_for_one_entity_is_refused_not_truncated()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("enormous", 1, description: _ => new string('y', 600_000));
        await Assert.ThrowsAsync<EntityTooLargeException>(() => store.CommitAsync(HandBuiltRecords.Commit("enormous", result)));
    }

    [Fact]
    public async Task Hundreds_of_projects_are_written_in_batches_Azure_accepts()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("big", 250);
        await store.CommitAsync(HandBuiltRecords.Commit("big", result));

        Assert.Equal(250, (await store.LoadAsync()).Projects.Count);
        Assert.Equal(250, (await Tables.ProjectsAsync(store)).Count);
    }

    [Fact]
    public void Batches_stay_in_one_partition_with_at_most_100_entities_and_bounded_size()
    {
        var entities = Enumerable.Range(0, 250).Select(i => new TableEntity("p" + i % 3, "r" + i) { ["Json0"] = new string('z', 25_000) }).ToList();

        var batches = CatalogueStore.Batches(entities).ToList();

        Assert.All(batches, b => Assert.Single(b.Select(e => e.PartitionKey).Distinct()));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.All(batches, b => Assert.True(b.Sum(e => 25_000) <= CatalogueStore.MaxBatchChars + 25_000));
        Assert.Equal(250, batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task Injection_looking_values_are_plain_keys()
    {
        var store = fixture.NewStore();
        await store.CommitAsync(HandBuiltRecords.Commit("safe", HandBuiltRecords.Result("safe", 3)));
        Assert.Empty(await store.GetProjectsAsync("safe' or true or '"));
        Assert.Empty(await store.GetProjectsAsync("x' or PartitionKey ne '"));
        Assert.Null(await store.GetBrochureAsync("safe' or '1' eq '1"));
    }

    [Fact]
    public async Task Version_changes_with_every_commit_and_delete()
    {
        var store = fixture.NewStore();
        var v0 = await store.GetVersionAsync();
        await store.CommitAsync(HandBuiltRecords.Commit("versioned", HandBuiltRecords.Result("versioned", 1)));
        var v1 = await store.GetVersionAsync();
        await store.DeleteBrochureAsync("versioned");
        var v2 = await store.GetVersionAsync();
        Assert.NotEqual(v0, v1);
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public async Task Brochures_whose_file_is_gone_are_removed_by_the_sweep()
    {
        var store = fixture.NewStore();
        await store.Storage.EnsureCreatedAsync();
        await store.Storage.BrochureBlobs.UploadBlobAsync("present.pdf", BinaryData.FromString("%PDF-1.4"));
        await store.CommitAsync(HandBuiltRecords.Commit("present", HandBuiltRecords.Result("present", 2)));
        await store.CommitAsync(HandBuiltRecords.Commit("vanished", HandBuiltRecords.Result("vanished", 2)));

        var removed = await store.RemoveOrphansAsync();

        Assert.Equal(["vanished"], removed);
        Assert.Equal(["present"], (await store.LoadAsync()).Brochures.Select(b => b.Id)); // hidden at once
        Assert.Equal(["vanished"], await store.ListDeletionsAsync());
        while (!await store.CompleteDeletionAsync("vanished"))
        {
        }
        Assert.Equal(["present"], (await store.ListBrochuresAsync()).Select(b => b.Id));
        Assert.DoesNotContain(await Tables.ProjectsAsync(store), e => e.PartitionKey == "vanished");
    }

    [Fact]
    public async Task Pending_keeps_the_committed_records_served_and_failure_keeps_them_too()
    {
        var store = fixture.NewStore();
        var result = HandBuiltRecords.Result("steady", 3);
        await store.CommitAsync(HandBuiltRecords.Commit("steady", result));

        var pending = await store.MarkPendingAsync("steady", "steady.pdf", 99, "sha-new");
        Assert.Equal(BrochureStates.Pending, pending.Status);
        Assert.Equal(3, (await store.LoadAsync()).Projects.Count);

        await store.MarkFailedAsync("steady", "steady.pdf", "storage unavailable, will retry", RetryCause.Storage);
        var failed = await store.GetBrochureAsync("steady");
        Assert.Equal(BrochureStates.Failed, failed!.Status);
        Assert.Equal("storage unavailable, will retry", failed.Error);
        Assert.Equal(RetryCause.Storage, failed.Retry);

        // A new run clears it: the retry marker belongs to the failure, never to the next state.
        Assert.Null((await store.MarkPendingAsync("steady", "steady.pdf", 99, "sha-new")).Retry);
        Assert.Equal(Json(result.Projects), Json((await store.LoadAsync()).Projects));
    }

    private static string Json(IEnumerable<ProjectRecord> projects) => JsonSerializer.Serialize(projects.ToList(), RecordJson.Options);
}
