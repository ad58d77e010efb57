using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests.Hostile;

/// <summary>The pool's pre-warm: a brochure that comes while the pre-warmed worker is starting waits for that one.</summary>
public sealed class SandboxPrewarmTests
{
    [Fact]
    public async Task A_brochure_that_comes_during_the_prewarm_takes_the_starting_worker_instead_of_starting_another()
    {
        using var sandbox = new SandboxedExtraction(ExtractionLimits.Default, new SandboxOptions { MaxConcurrentExtractions = 2 });

        // Straight after: the worker is usually still starting. Prewarm registers the start before it returns, so the count
        // holds however the machine schedules it (still starting: the brochure claims it; ready first: it is in the pool).
        sandbox.Prewarm();
        await using var pdf = File.OpenRead(SharedFixtures.SeedBrochurePdf);
        var result = await sandbox.ExtractAsync(pdf, "seed", CancellationToken.None);

        Assert.NotEmpty(result.Projects);
        // A second process would have started from scratch beside the first one's idle warm-up.
        Assert.Equal(1, sandbox.WorkersStarted);

        // And the worker went back to the pool: the next brochure starts nothing new.
        await using var again = File.OpenRead(SharedFixtures.SeedBrochurePdf);
        await sandbox.ExtractAsync(again, "seed-again", CancellationToken.None);
        Assert.Equal(1, sandbox.WorkersStarted);
    }
}
