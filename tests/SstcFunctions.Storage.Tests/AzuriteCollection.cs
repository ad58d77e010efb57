using SstcFunctions.TestSupport;

namespace SstcFunctions.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
