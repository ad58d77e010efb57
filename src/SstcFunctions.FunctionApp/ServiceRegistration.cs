using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.Storage;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp;

/// <summary>Everything the function classes need, registered once for the Functions host and the local host alike.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSstcCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        // Storage: "CatalogStorage" when the catalogue lives apart from the Functions runtime's own account.
        var storageOptions = configuration.GetSection("Catalog").Get<CatalogueStorageOptions>() ?? new CatalogueStorageOptions();
        services.AddSingleton(storageOptions);
        var storage = CreateStorage(configuration, storageOptions, out var tokenKeyFallback);
        services.AddSingleton(storage);
        services.AddSingleton<CatalogueStore>();

        // Extraction limits ("Extraction" section) and the extraction itself.
        var limits = configuration.GetSection("Extraction").Get<ExtractionLimits>() ?? ExtractionLimits.Default;
        services.AddSingleton(limits);
        // Sandboxed by default: a hostile PDF can crash, hang or exhaust only a child process ("Sandbox" section tunes
        // it); Extraction:InProcess=true runs the core in this process instead (debugging only).
        services.AddSingleton(configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions());
        if (configuration.GetValue<bool>("Extraction:InProcess"))
        {
            services.AddSingleton<IBrochureExtraction, InProcessExtraction>();
        }
        else
        {
            services.AddSingleton<IBrochureExtraction>(provider =>
            {
                var sandbox = new SandboxedExtraction(limits, provider.GetRequiredService<SandboxOptions>(), provider.GetService<ILogger<SandboxedExtraction>>());
                sandbox.Prewarm();
                return sandbox;
            });
        }
        services.AddSingleton<BrochureIngestion>();
        // Resumes brochures left pending by a dead instance or failed with "will retry" ("Ingestion" section).
        services.AddSingleton(configuration.GetSection(IngestionRecoveryOptions.Section).Get<IngestionRecoveryOptions>() ?? new IngestionRecoveryOptions());
        services.TryAddSingleton(TimeProvider.System); // tests replace it with a FakeTimeProvider
        services.AddSingleton<StalledIngestionRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<StalledIngestionRecovery>());
        services.AddSingleton<BrochureFiles>();
        services.AddSingleton<BrochureUploadReader>();
        services.AddSingleton(new UploadLimiter(configuration.GetValue("Upload:MaxConcurrent", 4)));

        // Reads: the in-memory catalogue and the query language over it.
        services.AddSingleton<CatalogueReadModel>();
        services.AddHostedService<CatalogueWarmup>(); // loads the snapshot while the host starts
        services.AddSingleton(FilterVocabulary.Default);
        services.AddSingleton(ContinuationTokens.FromSecret(configuration["Catalog:ContinuationTokenKey"], tokenKeyFallback));
        services.AddSingleton<ProjectQueryParser>();
        services.AddSingleton<CatalogueQueries>();
        services.AddSingleton<RequestGuard>();

        // Curation: people's corrections, stored apart and laid over every load (docs/curation.md).
        services.AddSingleton<CorrectionStore>();
        services.AddSingleton<CorrectionPatchReader>();
        services.AddSingleton<CurationService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        return services;
    }

    /// <summary>
    /// The catalogue's storage, the way the Functions host reads its own connections: a connection string
    /// ("CatalogStorage", else "AzureWebJobsStorage") locally, or identity-based settings in Azure
    /// ("CatalogStorage__tableServiceUri", "__blobServiceUri", "__credential": "managedidentity", "__clientId").
    /// </summary>
    private static CatalogueStorage CreateStorage(IConfiguration configuration, CatalogueStorageOptions options, out string tokenKeyFallback)
    {
        var identity = configuration.GetSection("CatalogStorage");
        if (identity["tableServiceUri"] is { Length: > 0 } tableUri && identity["blobServiceUri"] is { Length: > 0 } blobUri)
        {
            TokenCredential credential = identity["credential"] == "managedidentity"
                ? new ManagedIdentityCredential(identity["clientId"] is { Length: > 0 } clientId
                    ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                    : ManagedIdentityId.SystemAssigned)
                : new DefaultAzureCredential();
            // No account key to sign continuation tokens with: Catalog:ContinuationTokenKey should be set; the
            // endpoint still binds tokens to this catalogue (tokens are also bound to their filter, so a forged
            // one can never widen a result set).
            tokenKeyFallback = tableUri;
            return new CatalogueStorage(new Uri(tableUri), new Uri(blobUri), credential, options);
        }
        var connectionString = StorageConnectionString(configuration);
        tokenKeyFallback = connectionString;
        return new CatalogueStorage(connectionString, options);
    }

    public static string StorageConnectionString(IConfiguration configuration) =>
        configuration["CatalogStorage"] is { Length: > 0 } catalogue ? catalogue
        : configuration["AzureWebJobsStorage"] is { Length: > 0 } runtime ? runtime
        : throw new InvalidOperationException("Set CatalogStorage (or AzureWebJobsStorage) to the storage connection string.");
}
