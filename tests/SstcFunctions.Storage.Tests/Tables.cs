using Azure.Data.Tables;

namespace SstcFunctions.Storage.Tests;

/// <summary>Reads whole tables, the way a test checks that nothing was left behind.</summary>
internal static class Tables
{
    public static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var all = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>()) all.Add(entity);
        return all;
    }

    public static async Task<List<TableEntity>> ProjectsAsync(CatalogueStore store) => await AllAsync(store.Storage.Projects);

    public static async Task<List<TableEntity>> BrochureRowsAsync(CatalogueStore store) =>
        (await AllAsync(store.Storage.Brochures)).Where(e => e.PartitionKey == "brochure" && e.RowKey != "~version").ToList();
}
