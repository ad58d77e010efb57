using SstcFunctions.Core;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>Extraction on a worker thread of this process, bounded only by the core's own <see cref="ExtractionLimits"/>.</summary>
public sealed class InProcessExtraction(ExtractionLimits limits) : IBrochureExtraction
{
    public Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct) =>
        // The core is synchronous and CPU-bound: keep it off the caller's thread.
        Task.Run(() => new BrochureExtractor(limits).Extract(pdf, brochureId, ct), ct);
}
