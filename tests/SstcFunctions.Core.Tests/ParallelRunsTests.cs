namespace SstcFunctions.Core.Tests;

/// <summary>Pages and cards of a long brochure on every core: each item once, failures as themselves.</summary>
public sealed class ParallelRunsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1_000)]
    public void Every_item_is_worked_on_exactly_once(int count)
    {
        var seen = new int[count];

        ParallelRuns.For(count, parallelFrom: 16, itemsPerRun: 7, (from, to) =>
        {
            for (var i = from; i < to; i++) Interlocked.Increment(ref seen[i]);
        });

        Assert.All(seen, times => Assert.Equal(1, times));
    }

    [Fact]
    public void A_short_list_is_worked_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();

        ParallelRuns.For(10, parallelFrom: 16, itemsPerRun: 1, (_, _) => { lock (threads) threads.Add(Environment.CurrentManagedThreadId); });

        Assert.Equal([caller], threads);
    }

    [Fact]
    public void A_failure_surfaces_as_its_own_type_not_wrapped()
    {
        // The extractor decides on the type: out of memory is the memory limit, not a damaged file.
        Assert.Throws<OutOfMemoryException>(() => ParallelRuns.For(1_000, parallelFrom: 16, itemsPerRun: 10, (from, _) =>
        {
            if (from == 500) throw new OutOfMemoryException();
        }));
    }

    [Fact]
    public void A_cancelled_deadline_surfaces_as_cancellation()
    {
        using var deadline = new CancellationTokenSource();
        deadline.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ParallelRuns.For(1_000, 16, 10, (_, _) => { }, deadline.Token));
    }
}
