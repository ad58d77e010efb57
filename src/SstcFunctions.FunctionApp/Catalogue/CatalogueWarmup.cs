using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Loads the catalogue snapshot as the host starts, without holding the start up: on a plan that scales to zero the
/// load (the brochure rows, one snapshot blob per brochure in parallel) overlaps the host's own start instead of
/// following the first request. A request that arrives meanwhile waits for this same load, never starts another.
/// </summary>
public sealed class CatalogueWarmup(CatalogueReadModel readModel, CatalogueQueries queries, ILogger<CatalogueWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Built now rather than at the first request, so it prepares answers from the first load on (CatalogueQueries).
        _ = queries;
        _ = Task.Run(async () =>
        {
            try
            {
                await readModel.GetAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // Storage not there yet: the first request loads (or answers 503) as it would without the warm-up.
                logger.LogWarning(e, "Catalogue warm-up failed; the first request loads the catalogue");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
