using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests;

/// <summary>One real Azurite for the test run; each test gets its own tables and container, so tests never share state.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteInstance Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteInstance.StartOrReuseAsync();

    public async Task DisposeAsync()
    {
        if (Azurite is not null) await Azurite.DisposeAsync();
    }

    /// <summary>A store over tables and a container no other test uses.</summary>
    public CatalogueStore NewStore()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var options = new CatalogueStorageOptions
        {
            BrochuresTable = prefix + "brochures",
            ProjectsTable = prefix + "projects",
            CorrectionsTable = prefix + "corrections",
            BrochureContainer = prefix + "-brochures",
        };
        return new CatalogueStore(new CatalogueStorage(Azurite.ConnectionString, options));
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
