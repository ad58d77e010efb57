using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        // BindConfiguration reads the container's IConfiguration: the hosts register theirs; a bare container gets this one.
        services.TryAddSingleton(configuration);
        // Storage: the Azure SDK clients from configuration (AddAzureClients), the catalogue's tables and container
        // ("Catalogue" section) over them.
        services.AddCatalogueStorageClients(configuration, out var tokenKeyFallback);
        services.AddValidatedOptions<CatalogueStorageOptions>(CatalogueStorageOptions.Section);
        services.AddSingleton(provider => new CatalogueStorage(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<CatalogueStorageOptions>()));
        services.AddSingleton<CatalogueStore>();

        // Extraction limits ("Extraction" section) and the extraction itself.
        services.AddValidatedOptions<ExtractionLimits>(ExtractionLimits.Section);
        // Sandboxed by default: a hostile PDF can crash, hang or exhaust only a child process ("Sandbox" section tunes
        // it); Extraction:InProcess=true runs the core in this process instead (debugging only).
        services.AddValidatedOptions<SandboxOptions>(SandboxOptions.Section);
        if (configuration.GetValue<bool>("Extraction:InProcess"))
        {
            services.AddSingleton<IBrochureExtraction, InProcessExtraction>();
        }
        else
        {
            services.AddSingleton<IBrochureExtraction>(provider => new SandboxedExtraction(provider.GetRequiredService<ExtractionLimits>(),
                provider.GetRequiredService<SandboxOptions>(), provider.GetService<ILogger<SandboxedExtraction>>()));
        }
        // Hosted services start in the order they are registered: the catalogue load first, so a cold instance starts
        // reading the catalogue before it builds the ingestion side (sandbox pool, recovery sweep).
        services.AddHostedService<CatalogueWarmup>();
        services.AddHostedService<SandboxWarmup>(); // its first worker, after the catalogue load
        services.AddSingleton<BrochureIngestion>();
        // Resumes brochures left pending by a dead instance or failed with "will retry" ("Ingestion" section).
        services.AddValidatedOptions<IngestionRecoveryOptions>(IngestionRecoveryOptions.Section);
        services.TryAddSingleton(TimeProvider.System); // tests replace it with a FakeTimeProvider
        services.AddSingleton<StalledIngestionRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<StalledIngestionRecovery>());
        services.AddSingleton<BrochureFiles>();
        services.AddSingleton<BrochureUploadReader>();
        services.AddSingleton(new UploadLimiter(configuration.GetValue("Upload:MaxConcurrent", 4)));

        // Reads: the in-memory catalogue and the query language over it.
        services.AddSingleton<CatalogueReadModel>();
        services.AddSingleton(FilterVocabulary.Default);
        services.AddSingleton(ContinuationTokens.FromSecret(configuration["Catalogue:ContinuationTokenKey"], tokenKeyFallback));
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
    /// Options bound from their configuration section, validated by their data annotations when the host starts (a
    /// bad value stops the app with the setting's name and the rule it breaks), and injectable as the plain record.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>
    /// The catalogue's <see cref="TableServiceClient"/> and <see cref="BlobServiceClient"/>, read the way the Functions
    /// host reads its own connections: a connection string ("CatalogueStorage", else "AzureWebJobsStorage") locally, or
    /// identity-based settings in Azure ("CatalogueStorage__tableServiceUri", "__blobServiceUri", "__credential":
    /// "managedidentity", "__clientId"), whose credential Microsoft.Extensions.Azure builds from that same section.
    /// </summary>
    public static IServiceCollection AddCatalogueStorageClients(this IServiceCollection services, IConfiguration configuration, out string tokenKeyFallback)
    {
        var identity = configuration.GetSection("CatalogueStorage");
        var tableUri = identity["tableServiceUri"];
        var blobUri = identity["blobServiceUri"];
        // Without an account key to sign continuation tokens with, Catalogue:ContinuationTokenKey should be set; the
        // endpoint still binds tokens to this catalogue (and tokens are bound to their filter, so a forged one can never
        // widen a result set).
        tokenKeyFallback = tableUri is { Length: > 0 } && blobUri is { Length: > 0 } ? tableUri : StorageConnectionString(configuration);
        var connectionString = tokenKeyFallback;
        services.AddAzureClients(clients =>
        {
            // The credential and retry settings go on these two clients only: AddAzureClients' global defaults would also reach the
            // clients other components build through AzureComponentFactory (the WebJobs blob listener in the local host).
            if (tableUri is { Length: > 0 } && blobUri is { Length: > 0 })
            {
                TokenCredential Credential(IServiceProvider provider) => provider.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(identity);
                clients.AddTableServiceClient(new Uri(tableUri)).WithCredential(Credential).ConfigureOptions(options => CatalogueStorage.ConfigureRetry(options.Retry));
                clients.AddBlobServiceClient(new Uri(blobUri)).WithCredential(Credential).ConfigureOptions(options => CatalogueStorage.ConfigureRetry(options.Retry));
            }
            else
            {
                clients.AddTableServiceClient(connectionString).ConfigureOptions(options => CatalogueStorage.ConfigureRetry(options.Retry));
                clients.AddBlobServiceClient(connectionString).ConfigureOptions(options => CatalogueStorage.ConfigureRetry(options.Retry));
            }
        });
        return services;
    }

    public static string StorageConnectionString(IConfiguration configuration) =>
        configuration["CatalogueStorage"] is { Length: > 0 } catalogue ? catalogue
        : configuration["AzureWebJobsStorage"] is { Length: > 0 } runtime ? runtime
        : throw new InvalidOperationException("Set CatalogueStorage (or AzureWebJobsStorage) to the storage connection string.");
}
