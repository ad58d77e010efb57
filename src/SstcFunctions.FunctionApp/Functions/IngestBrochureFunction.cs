using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class IngestBrochureFunction(BrochureIngestion ingestion)
{
    /// <summary>
    /// Runs when a file lands in the brochures container: extracts it and replaces the brochure's records.
    /// Completes for a rejected file (the brochure says why); throws on storage trouble so the trigger retries.
    /// The Event Grid source is the only one Flex Consumption supports, so it is the source everywhere: in Azure an
    /// Event Grid subscription calls the blob extension's webhook, locally the local Event Grid publisher does
    /// (see README, "Blob trigger: Event Grid in Azure, a local publisher on your machine").
    /// </summary>
    [Function("IngestBrochure")]
    public Task Run(
        [BlobTrigger("brochures/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] Stream blob,
        string name,
        CancellationToken cancellationToken) =>
        ingestion.IngestAsync(blob, name, cancellationToken);
}
