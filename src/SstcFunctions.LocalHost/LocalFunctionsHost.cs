using System.Net;
using System.Reflection;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using SstcFunctions.FunctionApp;
using SstcFunctions.LocalHost.Blobs;
using SstcFunctions.LocalHost.EventGrid;
using SstcFunctions.LocalHost.Timers;
using SstcFunctions.LocalHost.Http;

namespace SstcFunctions.LocalHost;

/// <summary>
/// The Functions app's own function classes, hosted without Core Tools: HTTP routes, methods and auth levels read
/// from their attributes, the blob trigger driven by the WebJobs SDK blob extension through the same
/// <c>/runtime/webhooks/blobs</c> endpoint the Functions host exposes (fed by a local Event Grid publisher),
/// services from AddSstcCatalogue.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    public static Assembly FunctionApp { get; } = typeof(ServiceRegistration).Assembly;

    private readonly WebApplication _app;

    private LocalFunctionsHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>"http://127.0.0.1:PORT/": routes live under <c>api/</c> below it.</summary>
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public IReadOnlyList<HttpFunctionRoute> Routes => _app.Services.GetRequiredService<IReadOnlyList<HttpFunctionRoute>>();

    /// <summary>Starts a host in this process. Settings override local.settings.json (e.g. "LocalHost:Port" = "0" for a free port).</summary>
    public static async Task<LocalFunctionsHost> StartAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var app = Build([], settings);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalFunctionsHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The host, its settings as <see cref="AddLocalSettings"/> layers them.</summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Configure settings
        // The options decide below which services exist, so they are read once here; the same section is bound and
        // validated (ValidateOnStart) for everything resolved from the container, Kestrel's address included.
        var options = AddLocalSettings(builder.Configuration, args, overrides);
        builder.Services.AddValidatedOptions<LocalHostOptions>(LocalHostOptions.Section);

        // host.json is the Functions host's file, not app configuration: read only what the host honours from it.
        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true).Build();
        var routePrefix = hostJson["extensions:http:routePrefix"] ?? "api";

        // Configure logging: timestamps for reading latencies; the Azure SDK only for real errors
        builder.Logging.AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss.fff ");
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error); // 404s and 409s are how leases, queues and markers are probed

        // Configure Kestrel: loopback and port 7071 by default, like func start
        // Request bodies up to the upload limit (Kestrel's default is 30 MB; the Functions host in Azure allows 100 MB), so
        // the app's own 413 applies, whatever the request's framing.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var listen = kestrel.ApplicationServices.GetRequiredService<LocalHostOptions>();
            kestrel.Listen(IPAddress.Parse(listen.Address), listen.Port);
            kestrel.Limits.MaxRequestBodySize = kestrel.ApplicationServices.GetRequiredService<SstcFunctions.Core.Pdf.ExtractionLimits>().MaxFileBytes + 1;
        });

        // Configure the function classes' services, and MVC to execute their IActionResults
        builder.Services.AddSstcCatalogue(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<FunctionInvocationLog>();
        var routes = HttpFunctionRoute.ReadFrom(FunctionApp);
        builder.Services.AddSingleton(routes);

        // Configure the blob trigger: the WebJobs SDK blob extension with the Event Grid source, as in Azure, fed by the
        // local Event Grid publisher through this host's own webhook.
        var blobFunction = BlobTriggerFunction.ReadFrom(FunctionApp);
        if (blobFunction is not null && options.BlobTriggers)
        {
            builder.Host.AddWebJobsBlobListener(blobFunction, options, hostJson);
            builder.Services.AddHostedService(provider => new LocalEventGridPublisher(
                LocalEventGrid.Options(provider.GetRequiredService<IConfiguration>(), blobFunction, options, options.EventSubscription ?? options.HostId),
                cancellationToken => WebhookOnThisHostAsync(provider, blobFunction, cancellationToken),
                provider.GetRequiredService<ILogger<LocalEventGridPublisher>>(),
                deletedWebhook: async cancellationToken => (LocalEventGrid.DeletedWebhookUrl(await WebhookOnThisHostAsync(provider, blobFunction, cancellationToken)), options.FunctionKey)));
        }

        // Configure the timer triggers (the Reconcile safety net) on the same clock the app's services use.
        var timers = TimerTriggerFunction.ReadFrom(FunctionApp);
        if (timers.Count > 0 && options.TimerTriggers)
        {
            builder.Services.AddSingleton(provider => new LocalTimerTriggers(timers, provider, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<LocalTimerTriggers>>()));
            builder.Services.AddHostedService(provider => provider.GetRequiredService<LocalTimerTriggers>());
        }

        var app = builder.Build();
        // Every response, the host's own 401/404/405 included, carries the headers the Functions worker's middleware sets.
        app.Use((context, next) =>
        {
            SstcFunctions.FunctionApp.Http.SecurityHeaders.Apply(context.Response);
            return next(context);
        });
        if (blobFunction is not null)
        {
            var logger = app.Services.GetRequiredService<ILogger<LocalFunctionsHost>>();
            app.Lifetime.ApplicationStarted.Register(() =>
                _ = EnsureContainerAsync(app.Configuration["AzureWebJobsStorage"]!, blobFunction.Container, logger));
            app.MapBlobsWebhook(blobFunction);
        }
        app.MapHttpFunctions(routes, routePrefix);
        return app;
    }

    /// <summary>
    /// Settings, lowest priority first: defaults, local.settings.json "Values", appsettings, environment, command line
    /// (<c>--port</c>, <c>--function-key</c>, <c>--webhook</c>), then <paramref name="overrides"/>.
    /// </summary>
    internal static LocalHostOptions AddLocalSettings(ConfigurationManager configuration, string[] args, IDictionary<string, string?>? overrides)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CatalogueStorage"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in LocalSettings.Read(Path.Combine(AppContext.BaseDirectory, "local.settings.json"))) defaults[key] = value;
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--port"] = $"{LocalHostOptions.Section}:Port",
            ["--function-key"] = $"{LocalHostOptions.Section}:FunctionKey",
            ["--webhook"] = $"{LocalHostOptions.Section}:Webhook",
        });
        if (overrides is not null) configuration.AddInMemoryCollection(overrides);
        return configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
    }

    /// <summary>This host's own blob webhook, once Kestrel listens (with port 0 the port is known only then).</summary>
    private static async Task<Uri> WebhookOnThisHostAsync(IServiceProvider services, BlobTriggerFunction function, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult()))
        using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
        {
            await started.Task;
        }
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return LocalEventGrid.WebhookUrl(new Uri(address), function);
    }

    /// <summary>
    /// An upload with the Azure CLI or SDK needs the watched container to exist. Best effort: with storage down the
    /// host still starts (as the Functions host does) and the listener waits for the container.
    /// </summary>
    internal static async Task EnsureContainerAsync(string connectionString, string container, ILogger logger)
    {
        try
        {
            await new BlobServiceClient(connectionString).GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }
        catch (Exception failure) when (failure is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            logger.LogWarning("Could not create the {Container} container: {Message}", container, failure.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
