using SstcFunctions.Storage;

namespace SstcFunctions.TestSupport;

/// <summary>
/// One real Azurite for a test collection (the one scripts/test.sh started, or a private one); each test gets tables and
/// a container of its own, so tests never share state. xUnit wants each assembly's [CollectionDefinition] in that
/// assembly: see AzuriteCollection there.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteInstance Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteInstance.StartOrReuseAsync();

    public async Task DisposeAsync()
    {
        if (Azurite is not null) await Azurite.DisposeAsync();
    }

    /// <summary>Table and container names no other test uses.</summary>
    public static CatalogueStorageOptions IsolatedOptions()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        return new CatalogueStorageOptions
        {
            BrochuresTable = prefix + "brochures",
            ProjectsTable = prefix + "projects",
            CorrectionsTable = prefix + "corrections",
            BrochureContainer = prefix + "-brochures",
        };
    }

    /// <summary>A store over tables and a container no other test uses.</summary>
    public CatalogueStore NewStore() => new(new CatalogueStorage(Azurite.ConnectionString, IsolatedOptions()));
}
