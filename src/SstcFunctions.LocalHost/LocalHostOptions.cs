using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SstcFunctions.LocalHost;

/// <summary>How the local host listens and guards its routes. Bound from the "LocalHost" configuration section.</summary>
public sealed class LocalHostOptions : IValidatableObject
{
    public const string Section = "LocalHost";

    /// <summary>7071 like <c>func start</c>; 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7071;

    /// <summary>Loopback only by default: the local host is a developer tool, not a server.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// When set, Function-level routes need this key in <c>x-functions-key</c> or <c>?code=</c>, as in Azure.
    /// When empty every route is open, as under <c>func start</c>.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>Names the WebJobs blob-trigger queue <c>azure-webjobs-blobtrigger-{HostId}</c> and the local Event Grid's default subscription.</summary>
    [Required]
    public string HostId { get; set; } = "sstc-localhost";

    /// <summary>How often the local Event Grid publisher lists the watched container for new blobs (at least 50).</summary>
    [Range(50, 3_600_000)]
    public int BlobScanMilliseconds { get; set; } = 200;

    /// <summary>
    /// Events-only mode: the webhook the local Event Grid publisher delivers to. Unset, it is the blob extension's webhook
    /// on <c>http://127.0.0.1:{Port}</c>, where <c>func start</c> listens.
    /// </summary>
    public string? Webhook { get; set; }

    /// <summary>
    /// Names the local Event Grid publisher's delivery markers (like an Event Grid subscription). Unset: the
    /// <see cref="HostId"/> for the local host, "func-start" in events-only mode.
    /// </summary>
    public string? EventSubscription { get; set; }

    /// <summary>Run the blob-trigger listener. Off only for tests that exercise HTTP routing alone.</summary>
    public bool BlobTriggers { get; set; } = true;

    /// <summary>Run the timer-triggered functions (the Reconcile safety net) on their schedules.</summary>
    public bool TimerTriggers { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult($"{nameof(Address)} must be an IP address to listen on (e.g. 127.0.0.1), not '{Address}'.", [nameof(Address)]);
        }
    }
}
