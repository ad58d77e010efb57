using System.Collections.Concurrent;

namespace SstcFunctions.LocalHost.Http;

/// <summary>
/// How often each function ran in this host, and how each blob-triggered run ended: lets tests prove a route reached
/// its function (not a 404 fallback), and that a run completed (and so will not be retried) without waiting an
/// arbitrary time.
/// </summary>
public sealed class FunctionInvocationLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Function, string Subject), (int Completed, int Failed)> _outcomes = new();
    private TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(string functionName) => _counts.AddOrUpdate(functionName, 1, (_, count) => count + 1);

    public int CountOf(string functionName) => _counts.GetValueOrDefault(functionName);

    /// <summary>A run of <paramref name="functionName"/> for <paramref name="subject"/> (the blob path) ended: completed, or threw (the trigger retries it).</summary>
    public void RecordEnd(string functionName, string subject, bool failed)
    {
        _outcomes.AddOrUpdate((functionName, subject), failed ? (0, 1) : (1, 0),
            (_, o) => failed ? (o.Completed, o.Failed + 1) : (o.Completed + 1, o.Failed));
        Interlocked.Exchange(ref _ended, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Runs of the function for the subject so far, by how they ended.</summary>
    public (int Completed, int Failed) OutcomesOf(string functionName, string subject) => _outcomes.GetValueOrDefault((functionName, subject));

    /// <summary>Completes when a run of the function for the subject has ended (completed or failed).</summary>
    public async Task<(int Completed, int Failed)> WaitForEndAsync(string functionName, string subject, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ended = Volatile.Read(ref _ended);
            var outcome = OutcomesOf(functionName, subject);
            if (outcome.Completed + outcome.Failed > 0) return outcome;
            await ended.Task.WaitAsync(cancellationToken);
        }
    }
}
