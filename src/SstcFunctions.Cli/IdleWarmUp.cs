using System.Diagnostics;
using System.Runtime;
using SstcFunctions.Core;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.Cli;

/// <summary>
/// Warms a serving worker's runtime while it waits for its first request. The worker runs with dynamic PGO, whose
/// best code comes only after several rounds of recompilation: a fresh worker used to reach it on its third or fourth
/// large brochure (the ReportLab benchmark brochure: 1.4, 0.8, 0.65 s, then 0.42 s). Idle time is free, so a background
/// thread reads <see cref="WarmUpBrochure"/> round after round until the JIT has settled (a round that spends under
/// <see cref="SettledShare"/> of its time compiling) or <see cref="Budget"/> is spent. A request stops it at the next
/// page (<see cref="Stop"/>): a brochure never waits for more than one page of warm-up, and a worker started for a
/// waiting brochure does not warm at all.
/// </summary>
internal sealed class IdleWarmUp
{
    private const int Pages = 48;
    private const double SettledShare = 0.05;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    private IdleWarmUp()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "idle warm-up" };
    }

    public static IdleWarmUp Start()
    {
        var warmUp = new IdleWarmUp();
        warmUp._thread.Start();
        return warmUp;
    }

    /// <summary>Stops the warm-up at its next page and waits for it; the worker then has its cores to itself.</summary>
    public void Stop()
    {
        if (!_stop.IsCancellationRequested) _stop.Cancel();
        _thread.Join();
    }

    private void Run()
    {
        try
        {
            var pdf = WarmUpBrochure.Build(Pages);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Budget)
            {
                var started = clock.Elapsed;
                var compiling = JitInfo.GetCompilationTime();
                var result = new BrochureExtractor().Extract(new MemoryStream(pdf, writable: false), "warm-up", _stop.Token);
                WorkerProtocol.Write(Stream.Null, new WorkerAnswer { Result = result });
                if (JitInfo.GetCompilationTime() - compiling < (clock.Elapsed - started) * SettledShare) break;
            }
            // As after a brochure: the next one starts from a small heap.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException)
        {
            // A request arrived.
        }
        catch (Exception e)
        {
            // The warm-up only makes brochures faster; the worker serves without it.
            Console.Error.WriteLine($"idle warm-up: {e.GetType().Name}: {e.Message}");
        }
    }
}
