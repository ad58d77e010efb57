using System.Text.Json.Nodes;
using SstcFunctions.Storage.Corrections;

using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests.Corrections;

[Collection(AzuriteCollection.Name)]
public sealed class CorrectionStoreTests(AzuriteFixture fixture)
{
    private static HistoryEntry Entry(string action) => new() { At = DateTimeOffset.UtcNow, By = "tester", Action = action };

    [Fact]
    public async Task A_save_from_a_stale_read_is_a_conflict_and_writes_no_history()
    {
        var store = new CorrectionStore(fixture.NewStore().Storage);
        var first = new CardCorrection { BrochureId = "b", CardKey = "green-jobs", Kind = CorrectionKinds.Corrected, Fields = new JsonObject { ["region"] = "Africa" } };

        var saved = await store.SaveAsync(first, Entry(HistoryActions.Corrected));
        await Assert.ThrowsAsync<CorrectionConflictException>(() => store.SaveAsync(first, Entry(HistoryActions.Corrected)));       // "no correction yet" is stale
        var again = await store.SaveAsync(saved with { Withdrawn = true }, Entry(HistoryActions.Withdrawn));
        await Assert.ThrowsAsync<CorrectionConflictException>(() => store.SaveAsync(saved with { Withdrawn = false }, Entry(HistoryActions.Restored)));

        var loaded = Assert.Single(await store.LoadBrochureAsync("b"));
        Assert.True(loaded.Withdrawn);
        Assert.Equal("Africa", loaded.Fields["region"]!.GetValue<string>());
        Assert.Equal(again.StorageETag, loaded.StorageETag);
        Assert.Equal([HistoryActions.Corrected, HistoryActions.Withdrawn], (await store.HistoryAsync("b", "green-jobs")).Select(e => e.Action));
        Assert.Single(await store.LoadAllAsync());
    }
}
