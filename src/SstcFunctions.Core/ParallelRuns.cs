using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace SstcFunctions.Core;

/// <summary>
/// Independent items of a long brochure (pages, cards) worked on every core, in runs so that scheduling costs little;
/// a short brochure's on the calling thread. A failure surfaces as itself, not wrapped in an
/// <see cref="AggregateException"/>: callers decide on its type (an <see cref="OutOfMemoryException"/> is the memory
/// limit, a <see cref="OperationCanceledException"/> the deadline).
/// </summary>
internal static class ParallelRuns
{
    /// <param name="count">Items 0 .. count - 1.</param>
    /// <param name="parallelFrom">Fewer items than this are not worth a second thread.</param>
    /// <param name="run">Works on items [from, to).</param>
    public static void For(int count, int parallelFrom, int itemsPerRun, Action<int, int> run, CancellationToken cancellationToken = default)
    {
        if (count < parallelFrom)
        {
            run(0, count);
            return;
        }
        try
        {
            Parallel.ForEach(Partitioner.Create(0, count, itemsPerRun), new ParallelOptions { CancellationToken = cancellationToken },
                             range => run(range.Item1, range.Item2));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
        }
    }
}
