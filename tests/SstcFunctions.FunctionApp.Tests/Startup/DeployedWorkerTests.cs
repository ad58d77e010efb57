using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;

namespace SstcFunctions.FunctionApp.Tests.Startup;

/// <summary>
/// The worker as deployed: its real Program.cs, run from the publish output with the Functions host's settings, builds
/// its host and checks itself (<c>--startup-check</c>, StartupCheck.cs): options, every function class from the real
/// container, hosted services, functions.metadata, the sandbox's child process. A DI mistake fails here, not in Azure.
/// </summary>
public sealed class DeployedWorkerTests(PublishedWorker worker, ITestOutputHelper log) : IClassFixture<PublishedWorker>
{
    [Fact]
    public async Task The_published_worker_starts_and_every_function_class_resolves_from_its_container()
    {
        var (exitCode, output) = await worker.StartupCheckAsync();
        log.WriteLine(output);

        Assert.Equal(0, exitCode);
        Assert.Contains("startup check passed", output);
        // Every class with a [Function] method, found here by reflection independently of the check's own list.
        var classes = typeof(ServiceRegistration).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.True(classes.Count >= 10, $"only {classes.Count} function classes found");
        foreach (var type in classes) Assert.Contains($"  ok  {type.Name}(", output);
        Assert.Contains($"function classes: {classes.Count} resolved", output);
        Assert.Contains("StalledIngestionRecovery", output); // the app's own hosted service, beside the worker's
        Assert.Contains("sandbox: SandboxedExtraction", output); // the child process ran from the publish output
    }

    [Fact]
    public async Task A_bad_option_stops_the_published_worker_at_start_naming_the_setting()
    {
        var (exitCode, output) = await worker.StartupCheckAsync(new Dictionary<string, string?>
        {
            ["Extraction__MaxPages"] = "0",
            ["Catalogue__BrochureContainer"] = "Not_A_Container",
        });
        log.WriteLine(output);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("startup check passed", output);
        Assert.Contains("'ExtractionLimits' members: 'MaxPages'", output);
        Assert.Contains("BrochureContainer must be a blob container name", output);
        Assert.DoesNotContain("  ok  ", output); // stopped before any function class was built
    }
}
