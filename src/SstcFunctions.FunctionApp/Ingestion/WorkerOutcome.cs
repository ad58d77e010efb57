using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>What one request to a worker came to: an answer (result or typed failure), a kill, or a crash.</summary>
internal sealed record WorkerOutcome(WorkerAnswer? Answer, ExtractionFailure? Killed, int? ExitCode, string Errors, long PeakResidentBytes)
{
    /// <summary>After a memory failure the worker retires itself; anything killed or crashed is gone anyway.</summary>
    public bool MayReuseWorker => Killed is null && ExitCode is null && Answer?.Failure?.Code != RejectionCode.OutOfMemory;

    public string Describe() =>
        Killed is not null ? $"killed: {Killed}"
        : ExitCode is { } code ? $"crashed with exit {code}"
        : Answer?.Failure is { } failure ? $"rejected: {failure}"
        : "succeeded";

    /// <summary>The result, a rejection carrying its typed failure, or (only for infrastructure trouble) another exception.</summary>
    public ExtractionResult ToResult()
    {
        if (Killed is not null) throw new BrochureRejectedException(Killed);
        if (ExitCode is { } exitCode) throw SandboxedExtractionOutcomes.Crash(exitCode, Errors);
        if (Answer?.Failure is { } failure) throw new BrochureRejectedException(failure);
        return Answer?.Result ?? throw new InvalidOperationException("sandbox: the worker answered with neither a result nor a failure");
    }
}

internal static class SandboxedExtractionOutcomes
{
    /// <summary>
    /// A worker that died on its own: permanent for the file (its kind is <see cref="FailureKind.Crashed"/>), unless it
    /// exited with the usage code (it rejected its request: our bug, not the file's). The runtime's first line ("Stack
    /// overflow.") goes into the failure as detail for a person; nothing decides on it.
    /// </summary>
    public static Exception Crash(int exitCode, string errors)
    {
        if (exitCode == WorkerProtocol.ExitUsage)
        {
            return new InvalidOperationException($"sandbox: the worker rejected its request: {errors.Trim()}");
        }
        var first = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Rejections.Crashed(exitCode, first is { Length: > 120 } ? first[..117] + "..." : first);
    }
}
