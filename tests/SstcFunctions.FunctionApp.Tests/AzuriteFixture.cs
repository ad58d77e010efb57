using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteInstance Azurite { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Node starting Azurite can miss its 30 s window on a machine busy with parallel builds: try again before failing the run.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Azurite = await AzuriteInstance.StartOrReuseAsync();
                return;
            }
            catch (Exception e) when (attempt < 3 && e is System.Net.Sockets.SocketException or InvalidOperationException)
            {
            }
        }
    }

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
