namespace SstcFunctions.LocalHost;

/// <summary>How the local host listens and guards its routes. Bound from the "LocalHost" configuration section.</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>7071 like <c>func start</c>; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 7071;

    /// <summary>Loopback only by default: the local host is a developer tool, not a server.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// When set, Function-level routes need this key in <c>x-functions-key</c> or <c>?code=</c>, as in Azure.
    /// When empty every route is open, as under <c>func start</c>.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>Names the WebJobs blob receipts and the <c>azure-webjobs-blobtrigger-{HostId}</c> queue.</summary>
    public string HostId { get; set; } = "sstc-localhost";

    /// <summary>
    /// How often the local host looks for new blobs to hand to the WebJobs listener (<see cref="Blobs.BlobArrivalWatcher"/>);
    /// 0 leaves discovery to the listener's own 2-second scan.
    /// </summary>
    public int BlobScanMilliseconds { get; set; } = 200;

    /// <summary>Run the blob-trigger listener. Off only for tests that exercise HTTP routing alone.</summary>
    public bool BlobTriggers { get; set; } = true;
}
