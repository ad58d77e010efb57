using System.Reflection;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// Telemetry is wired only when Application Insights is configured, and then authenticates with the managed identity
/// named in APPLICATIONINSIGHTS_AUTHENTICATION_STRING (the deployed resource refuses instrumentation-key ingestion).
/// </summary>
public sealed class TelemetryTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://example.invalid/";

    [Fact]
    public void Without_a_connection_string_nothing_is_registered()
    {
        var services = new ServiceCollection();

        var wired = services.AddSstcTelemetry(Configuration(new()));

        Assert.False(wired);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TelemetryClient));
    }

    [Fact]
    public async Task With_a_connection_string_and_an_entra_authentication_string_telemetry_uses_a_token_credential()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(new()
        {
            [Telemetry.ConnectionStringSetting] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });
        services.AddSingleton(configuration);

        Assert.True(services.AddSstcTelemetry(configuration));

        // The worker's telemetry module is IAsyncDisposable only.
        await using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<TelemetryClient>());
        var telemetry = provider.GetRequiredService<IOptions<TelemetryConfiguration>>().Value;
        Assert.Equal(ConnectionString, telemetry.ConnectionString);
        Assert.NotNull(CredentialOf(telemetry));
    }

    [Fact]
    public async Task With_a_connection_string_only_telemetry_has_no_token_credential()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(new() { [Telemetry.ConnectionStringSetting] = ConnectionString });
        services.AddSingleton(configuration);
        Assert.True(services.AddSstcTelemetry(configuration));

        // The worker's telemetry module is IAsyncDisposable only.
        await using var provider = services.BuildServiceProvider();
        var telemetry = provider.GetRequiredService<IOptions<TelemetryConfiguration>>().Value;

        // The SDK also reads the authentication string from the process environment: with the variable set (a developer
        // machine logged into Azure) a credential is expected, without it none. Asserted either way, never skipped.
        var fromEnvironment = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        Assert.Equal(fromEnvironment, CredentialOf(telemetry) is not null);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>SetAzureTokenCredential stores the credential in an internal envelope; the SDK exposes no getter.</summary>
    private static object? CredentialOf(TelemetryConfiguration telemetry)
    {
        var property = typeof(TelemetryConfiguration).GetProperty("CredentialEnvelope", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("TelemetryConfiguration.CredentialEnvelope not found: the Application Insights SDK changed.");
        return property.GetValue(telemetry);
    }
}
