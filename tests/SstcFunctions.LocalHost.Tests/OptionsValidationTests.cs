using Microsoft.Extensions.Options;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>
/// Options are validated when the host starts, not at the first request that needs them: a bad value stops the local
/// host with the option's name and the rule it breaks. (The deployed worker: Startup/DeployedWorkerTests.)
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Sandbox:MaxConcurrentExtractions", "0", "MaxConcurrentExtractions" },
        { "Extraction:MaxDuration", "00:00:00", "MaxDuration" },
        { "Catalogue:ProjectsTable", "projects-with-dashes", "ProjectsTable must be an Azure table name" },
        { "Ingestion:MaxRecoveryAttempts", "0", "MaxRecoveryAttempts" },
        { "LocalHost:Address", "localhost:7071", "Address must be an IP address" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_option_stops_the_host_at_start_naming_it(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            // Nothing is read from storage before validation fails: no Azurite needed.
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CatalogueStorage"] = "UseDevelopmentStorage=true",
            ["LocalHost:Port"] = "0",
            ["LocalHost:BlobTriggers"] = "false",
            ["LocalHost:TimerTriggers"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            [key] = value,
        };

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await LocalFunctionsHost.StartAsync(settings)).DisposeAsync());

        var validation = failure as OptionsValidationException
            ?? (failure as AggregateException)?.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"expected an options validation failure, got {failure}");
        Assert.Contains(expected, validation.Message);
    }
}
