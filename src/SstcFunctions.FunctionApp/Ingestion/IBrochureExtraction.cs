using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>
/// Runs the extraction core on one brochure file. In process, or sandboxed in a child process with a time and memory
/// cap; either way a file that cannot become a catalogue ends in <see cref="Core.Pdf.BrochureRejectedException"/>.
/// </summary>
public interface IBrochureExtraction
{
    Task<ExtractionResult> ExtractAsync(Stream pdf, string brochureId, CancellationToken ct);
}
