using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SstcFunctions.TestSupport;

/// <summary>
/// A real Azurite for integration tests. Uses the one scripts/test.sh started (SSTC_TEST_STORAGE) when set,
/// otherwise starts a private in-memory instance from the repository's node_modules on free loopback ports.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    // Azurite's well-known public development key, not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;

    public string ConnectionString { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    /// <summary>False when the instance belongs to someone else (scripts/test.sh) and must not be stopped.</summary>
    public bool OwnsProcess => _process is not null;

    private AzuriteInstance(Process? process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = BuildConnectionString(blobPort, queuePort, tablePort);
    }

    public static string BuildConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>The shared instance when scripts/test.sh provides one, else a fresh private one.</summary>
    public static Task<AzuriteInstance> StartOrReuseAsync()
    {
        var ports = Environment.GetEnvironmentVariable("SSTC_TEST_AZURITE_PORTS"); // "blob,queue,table"
        if (ports is { Length: > 0 } && ports.Split(',') is [var b, var q, var t])
        {
            return Task.FromResult(new AzuriteInstance(null, int.Parse(b), int.Parse(q), int.Parse(t)));
        }
        return StartPrivateAsync();
    }

    /// <summary>Always a new instance this caller owns (for tests that stop and restart storage).</summary>
    public static async Task<AzuriteInstance> StartPrivateAsync(int? blobPort = null, int? queuePort = null, int? tablePort = null)
    {
        int blob = blobPort ?? FreePort(), queue = queuePort ?? FreePort(), table = tablePort ?? FreePort();
        var azurite = Path.Combine(SharedFixtures.RepositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite not installed at {azurite}: run `npm ci` in {SharedFixtures.RepositoryRoot} (scripts/test.sh does).");
        }
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--inMemoryPersistence", "--disableProductStyleUrl",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Azurite");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AzuriteInstance(process, blob, queue, table);
        // Generous: under a loaded CI machine running several test assemblies at once, node can take a while to listen.
        await instance.WaitUntilListeningAsync(TimeSpan.FromSeconds(120));
        return instance;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process is { HasExited: true }) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
        _process.Dispose();
    }
}
