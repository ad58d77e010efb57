using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Tests.Startup;

/// <summary>
/// The catalogue's clients come from AddAzureClients, configured the way the Functions host reads a connection: a
/// connection string, or the identity-based settings infra/ deploys (no key anywhere). Nothing here calls Azure.
/// </summary>
public sealed class StorageClientsTests
{
    [Fact]
    public void Identity_based_settings_give_clients_on_the_configured_endpoints_and_no_account_key()
    {
        using var provider = Provider(new()
        {
            ["CatalogueStorage:tableServiceUri"] = "https://sstcexample.table.core.windows.net/",
            ["CatalogueStorage:blobServiceUri"] = "https://sstcexample.blob.core.windows.net/",
            ["CatalogueStorage:credential"] = "managedidentity",
            ["CatalogueStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
            ["Catalogue:ContinuationTokenKey"] = "a-key-for-tokens",
        });

        var tables = provider.GetRequiredService<TableServiceClient>();
        var blobs = provider.GetRequiredService<BlobServiceClient>();
        Assert.Equal(new Uri("https://sstcexample.table.core.windows.net/"), tables.Uri);
        Assert.Equal(new Uri("https://sstcexample.blob.core.windows.net/"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri); // a token credential, not a shared key
        var storage = provider.GetRequiredService<CatalogueStorage>();
        Assert.Equal("https://sstcexample.blob.core.windows.net/brochures", storage.BrochureBlobs.Uri.ToString());
    }

    [Fact]
    public void A_connection_string_gives_shared_key_clients_and_the_configured_names()
    {
        using var provider = Provider(new()
        {
            ["CatalogueStorage"] = TestSupport.AzuriteInstance.BuildConnectionString(10000, 10001, 10002),
            ["Catalogue:ProjectsTable"] = "otherprojects",
        });

        var storage = provider.GetRequiredService<CatalogueStorage>();
        Assert.Equal("otherprojects", storage.Projects.Name);
        Assert.Equal(TestSupport.AzuriteInstance.AccountName, storage.Projects.AccountName);
        Assert.True(provider.GetRequiredService<BlobServiceClient>().CanGenerateAccountSasUri); // the account key
        Assert.Equal(10002, provider.GetRequiredService<TableServiceClient>().Uri.Port);
    }

    [Fact]
    public void Without_any_storage_setting_registration_says_which_setting_is_missing()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Provider(new()));
        Assert.Contains("CatalogueStorage", failure.Message);
        Assert.Contains("AzureWebJobsStorage", failure.Message);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSstcCatalogue(configuration).BuildServiceProvider();
    }
}
