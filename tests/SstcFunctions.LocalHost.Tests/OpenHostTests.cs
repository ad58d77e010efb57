using System.Net;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>With no key configured the local host is open, like <c>func start</c>.</summary>
public sealed class OpenHostTests
{
    [Fact]
    public async Task Without_a_configured_key_function_level_routes_are_open()
    {
        await using var storage = await AzuriteInstance.StartOrReuseAsync();
        await using var host = await LocalFunctionsHost.StartAsync(LocalHostFixture.Settings(storage, functionKey: null, blobTriggers: false));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        // DELETE of an unknown brochure reaches the function, which answers 404 rather than the host answering 401.
        using var response = await http.DeleteAsync($"api/brochures/open-host-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("http://127.0.0.1:", host.BaseAddress.ToString());
    }
}
