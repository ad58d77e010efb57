using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SstcFunctions.FunctionApp;

/// <summary>
/// Application Insights for the isolated worker, the documented way (WorkerService SDK + the Functions worker
/// package), switched on only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set: local runs and tests need
/// nothing. In Azure the resource has local authentication disabled; the worker package reads
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> ("ClientId=…;Authorization=AAD") and sends telemetry with that
/// managed identity's token.
/// </summary>
public static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The logger provider the WorkerService SDK registers, with a default rule that drops everything below Warning.</summary>
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>True when telemetry was wired (the connection string is set).</summary>
    public static bool AddSstcTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting])) return false;

        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        // host.json's logging levels decide what is sent, not the SDK's Warning-only default.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (defaultRule is not null) options.Rules.Remove(defaultRule);
        });
        return true;
    }
}
