using System.Collections.Concurrent;

namespace SstcFunctions.LocalHost.Http;

/// <summary>How often each function ran in this host: lets tests prove a route reached its function, not a 404 fallback.</summary>
public sealed class FunctionInvocationLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Record(string functionName) => _counts.AddOrUpdate(functionName, 1, (_, count) => count + 1);

    public int CountOf(string functionName) => _counts.GetValueOrDefault(functionName);
}
