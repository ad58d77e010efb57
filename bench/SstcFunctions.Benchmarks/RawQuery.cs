using System.Diagnostics;
using Azure.Data.Tables;

namespace SstcFunctions.Benchmarks;

/// <summary>
/// The baseline for reads: one raw, filtered Azure Tables query against the same Azurite the app wrote to, all
/// pages read, timed on a warm client (the first query, which pays connection set-up, is not counted).
/// </summary>
public static class RawQuery
{
    public static async Task<int> RunAsync(Options options)
    {
        var table = new TableClient(options.Required("conn"), options.Required("table"));
        var filter = options.Optional("filter");
        var runs = options.Int("runs", 7);
        var select = options.Optional("select")?.Split(',');
        async Task<(int Rows, double Ms)> Once()
        {
            var sw = Stopwatch.StartNew();
            var rows = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select)) rows++;
            return (rows, sw.Elapsed.TotalMilliseconds);
        }
        var warm = await Once();
        var times = new List<double>();
        for (var i = 0; i < runs; i++) times.Add((await Once()).Ms);
        var median = Stats.Median(times);
        Console.WriteLine($"raw query {options.Required("table")} [{filter ?? "(all rows)"}]: {warm.Rows} rows, median {median:F1} ms (min {times.Min():F1}, max {times.Max():F1}, first {warm.Ms:F1}) over {runs}");
        options.Record(("rows", warm.Rows), ("ms", median), ("min_ms", times.Min()));
        return 0;
    }
}
