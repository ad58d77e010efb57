using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SstcFunctions.FunctionApp.Catalogue;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// Starts the sandbox's first worker once the catalogue has loaded, not with the host. A new worker spends its idle
/// seconds warming its runtime on both cores (<c>sstc serve</c>'s idle warm-up), which would otherwise compete with a
/// cold instance's catalogue load and delay its first answer. A brochure that comes sooner starts a worker of its own.
/// </summary>
public sealed class SandboxWarmup(IBrochureExtraction extraction, CatalogueReadModel readModel, ILogger<SandboxWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (extraction is not SandboxedExtraction sandbox) return Task.CompletedTask;
        _ = Task.Run(async () =>
        {
            try
            {
                await readModel.GetAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // Storage not there yet: warm the sandbox anyway (CatalogueWarmup reports the load's failure).
                logger.LogDebug(e, "Catalogue not loaded before the sandbox pre-warm");
            }
            sandbox.Prewarm();
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
