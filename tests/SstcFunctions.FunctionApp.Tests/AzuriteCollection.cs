using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

public static class AzuriteFixtureApps
{
    /// <summary>The function classes wired as the hosts wire them, on tables and a container no other test uses.</summary>
    public static CatalogueApp NewApp(this AzuriteFixture fixture, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null) =>
        new(fixture.Azurite.ConnectionString, configure, settings);
}
