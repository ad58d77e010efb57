using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.Cli;

/// <summary>
/// <c>sstc extract</c> under the same limits as the ingestion sandbox: the program runs itself again as a child with the
/// managed-heap hard limit (DOTNET_GCHeapHardLimit = <see cref="ExtractionLimits.MaxMemoryBytes"/>), is watched for
/// resident memory past the limit plus headroom and for the deadline plus a grace period, and turns whatever ends the
/// child (a stack overflow, which no catch survives; an abort; a kill) into exit 2 with an <c>error: … [code]</c> line.
/// The child's stdout is this process's stdout; its stderr is passed on, so a refused file reads the same either way.
/// </summary>
internal static class Confinement
{
    /// <summary>Set in the child's environment: it is the confined one and parses in-process.</summary>
    public const string Variable = "SSTC_CONFINED";

    /// <summary>Resident memory allowed above the heap limit (runtime, JIT, native buffers): SandboxOptions' default.</summary>
    public const long ResidentHeadroomBytes = 192L * 1024 * 1024;

    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static bool IsConfined => Environment.GetEnvironmentVariable(Variable) == "1";

    public static int Run(string[] args, ExtractionLimits limits)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // Run as `dotnet sstc.dll`, the child needs the assembly; run as the apphost `sstc`, it does not.
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Confinement).Assembly.Location);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = "1";
        start.Environment["DOTNET_GCHeapHardLimit"] = limits.MaxMemoryBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_EnableCrashReport"] = "0";

        Process child;
        try
        {
            child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Console.Error.WriteLine($"sstc: cannot start the confined extraction: {e.Message}");
            return WorkerProtocol.ExitUsage;
        }

        using (child)
        {
            var errors = new StringBuilder();
            var pump = Task.Run(() => Pump(child.StandardError, errors));
            var clock = Stopwatch.StartNew();
            var memoryKill = limits.MaxMemoryBytes + ResidentHeadroomBytes;
            ExtractionFailure? killed = null;
            while (!child.WaitForExit(Poll))
            {
                if (clock.Elapsed > limits.MaxDuration + KillGrace) killed = Rejections.TimedOut(limits.MaxDuration).Failure;
                else if (Resident(child) > memoryKill) killed = Rejections.OutOfMemory(limits.MaxMemoryBytes).Failure;
                if (killed is null) continue;
                try
                {
                    child.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception)
                {
                    // Already gone.
                }
                child.WaitForExit();
                break;
            }
            child.WaitForExit(); // Also drains the redirected stream.
            pump.Wait();
            var said = errors.ToString();

            if (killed is not null)
            {
                Console.Error.WriteLine($"error: {killed.Reason} [{killed.CodeName}]");
                return WorkerProtocol.ExitRefused;
            }
            var exit = child.ExitCode;
            if (exit is WorkerProtocol.ExitRead or WorkerProtocol.ExitRefused or WorkerProtocol.ExitUsage)
            {
                Console.Error.Write(said);
                return exit;
            }
            // Died on its own: the runtime's first line says how ("Stack overflow.", "Out of memory."); pass it on as detail.
            var crash = Rejections.Crashed(exit, FirstLine(said)).Failure;
            Console.Error.WriteLine($"error: {crash.Reason} [{crash.CodeName}]");
            return WorkerProtocol.ExitRefused;
        }
    }

    private static void Pump(StreamReader from, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            // A stack overflow prints thousands of frames; the first 64 KB say enough.
            if (into.Length < 64 * 1024) into.Append(buffer, 0, Math.Min(read, 64 * 1024 - into.Length));
        }
    }

    private static string? FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? null : line.Length <= 120 ? line : line[..117] + "...";
    }

    private static long Resident(Process process)
    {
        try
        {
            process.Refresh();
            return process.HasExited ? 0 : process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }
}
