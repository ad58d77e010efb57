using Microsoft.Extensions.Hosting;
using SstcFunctions.LocalHost.Blobs;

namespace SstcFunctions.LocalHost.EventGrid;

/// <summary>
/// The local Event Grid on its own (<c>SstcFunctions.LocalHost --events-only</c>): no functions, only the publisher,
/// delivering to the webhook of a Functions host started with <c>func start</c>. The local host runs the same
/// publisher in-process against its own webhook.
/// </summary>
public static class LocalEventGrid
{
    public const string EventsOnlySwitch = "--events-only";
    public const string DefaultFuncStartSubscription = "func-start";

    /// <summary>The publisher for <paramref name="function"/>'s container, reading the same storage setting as the trigger.</summary>
    public static LocalEventGridOptions Options(IConfiguration configuration, BlobTriggerFunction function, LocalHostOptions options, string subscription) => new()
    {
        StorageConnectionString = configuration["AzureWebJobsStorage"] is { Length: > 0 } storage
            ? storage
            : throw new InvalidOperationException("AzureWebJobsStorage is not set: the local Event Grid needs the storage connection string the blob trigger uses."),
        Container = function.Container,
        Subscription = subscription,
        ScanInterval = TimeSpan.FromMilliseconds(Math.Max(50, options.BlobScanMilliseconds)),
    };

    /// <summary><c>{host}/runtime/webhooks/blobs?functionName=Host.Functions.{name}</c>, as the Functions host names it.</summary>
    public static Uri WebhookUrl(Uri host, BlobTriggerFunction function) =>
        new(new Uri(host.GetLeftPart(UriPartial.Authority) + "/"), $"{BlobsWebhookEndpoint.Path}?functionName={Uri.EscapeDataString(BlobsWebhookEndpoint.HostFunctionName(function))}");

    /// <summary>
    /// <c>{host}/api/events/blob-deleted</c>: the app's BlobDeleted function on the same host as the blob webhook, where
    /// the second Event Grid subscription (BlobDeleted) delivers in Azure.
    /// </summary>
    public static Uri DeletedWebhookUrl(Uri hostOrWebhook) => new(new Uri(hostOrWebhook.GetLeftPart(UriPartial.Authority) + "/"), DeletedRoute);

    public const string DeletedRoute = "api/events/blob-deleted";

    /// <summary>Events-only mode: settings as for the local host (local.settings.json, environment, <c>--port</c>, <c>--webhook</c>).</summary>
    public static IHost BuildEventsOnly(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var function = BlobTriggerFunction.ReadFrom(LocalFunctionsHost.FunctionApp)
            ?? throw new InvalidOperationException("The Functions app has no blob-triggered function: there is nothing to send events to.");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = LocalFunctionsHost.AddLocalSettings(builder.Configuration, args, overrides);
        builder.Logging.AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss.fff ");
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        Uri webhook;
        if (string.IsNullOrWhiteSpace(options.Webhook))
        {
            webhook = WebhookUrl(new Uri($"http://127.0.0.1:{options.Port}"), function);
        }
        else if (!Uri.TryCreate(options.Webhook, UriKind.Absolute, out webhook!) || webhook.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--webhook must be an absolute http(s) URL, e.g. {WebhookUrl(new Uri("http://127.0.0.1:7071"), function)}; got '{options.Webhook}'.");
        }
        var eventOptions = Options(builder.Configuration, function, options, options.EventSubscription ?? DefaultFuncStartSubscription);
        builder.Services.AddHostedService(provider => new LocalEventGridPublisher(
            eventOptions, _ => Task.FromResult(webhook), provider.GetRequiredService<ILogger<LocalEventGridPublisher>>(),
            deletedWebhook: _ => Task.FromResult((DeletedWebhookUrl(webhook), options.FunctionKey))));

        var host = builder.Build();
        // An upload with the Azure CLI needs the container; func start does not create it for an Event Grid trigger.
        var logger = host.Services.GetRequiredService<ILogger<LocalEventGridPublisher>>();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            _ = LocalFunctionsHost.EnsureContainerAsync(eventOptions.StorageConnectionString, function.Container, logger));
        return host;
    }
}
