using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Hosting;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>
/// Runs the WebJobs SDK's blob extension in the local host, indexing only <see cref="WebJobsBlobTrigger"/>; blobs
/// reach it through <see cref="BlobsWebhookEndpoint"/>, fed by the local Event Grid publisher.
/// </summary>
public static class WebJobsBlobListener
{
    public static void AddWebJobsBlobListener(this IHostBuilder host, BlobTriggerFunction function, LocalHostOptions options, IConfiguration hostJson)
    {
        host.ConfigureWebJobs(webJobs =>
        {
            webJobs.UseHostId(options.HostId);
            // host.json's "extensions:blobs" (parallelism, poison threshold) applies here as under the Functions host.
            webJobs.AddAzureStorageBlobs(blobs => hostJson.GetSection("extensions:blobs").Bind(blobs));
        });
        host.ConfigureServices(services =>
        {
            services.AddSingleton(function);
            services.AddSingleton<WebJobsBlobTrigger>();
            services.AddSingleton<ITypeLocator>(new OnlyTypes(typeof(WebJobsBlobTrigger)));
            services.AddSingleton<IJobActivator, ServiceProviderJobActivator>();
            // Registered after ConfigureWebJobs's default, so this one is resolved: log, never end the process.
            services.AddSingleton<Microsoft.Azure.WebJobs.Host.Timers.IWebJobsExceptionHandlerFactory, LoggingExceptionHandlerFactory>();
            services.AddSingleton<INameResolver>(provider =>
                new WorkerAttributeNameResolver(function, provider.GetRequiredService<IConfiguration>()));
        });
    }

    private sealed class OnlyTypes(params Type[] types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }

    private sealed class ServiceProviderJobActivator(IServiceProvider services) : IJobActivator
    {
        public T CreateInstance<T>() => ActivatorUtilities.GetServiceOrCreateInstance<T>(services);
    }

    /// <summary>Resolves the trigger path to the worker attribute's path; every other %name% to configuration.</summary>
    private sealed class WorkerAttributeNameResolver(BlobTriggerFunction function, IConfiguration configuration) : INameResolver
    {
        public string? Resolve(string name) =>
            name == WebJobsBlobTrigger.PathSetting ? function.BlobPath : configuration[name];
    }
}
