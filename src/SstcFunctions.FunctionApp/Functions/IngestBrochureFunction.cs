using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class IngestBrochureFunction(BrochureIngestion ingestion)
{
    /// <summary>
    /// Runs when a file lands in the brochures container: extracts it and replaces the brochure's records.
    /// Completes for a rejected file (the brochure says why); throws on storage trouble so the trigger retries.
    /// </summary>
    [Function("IngestBrochure")]
    public Task Run(
        [BlobTrigger("brochures/{name}", Connection = "AzureWebJobsStorage")] Stream blob,
        string name,
        CancellationToken cancellationToken) =>
        ingestion.IngestAsync(blob, name, cancellationToken);
}
