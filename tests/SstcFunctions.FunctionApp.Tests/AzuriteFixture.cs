using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteInstance Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteInstance.StartOrReuseAsync();

    public async Task DisposeAsync()
    {
        if (Azurite is not null) await Azurite.DisposeAsync();
    }

    public CatalogueApp NewApp(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null) =>
        new(Azurite.ConnectionString, configure, settings);
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
