using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SstcFunctions.LocalHost;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Dashboard.Tests;

/// <summary>
/// The local host over a private Azurite with the seed brochure ingested through the API, and one headless Chromium
/// (Debian's /usr/bin/chromium, or SSTC_CHROMIUM) driven by Playwright. A private Azurite: the host's blob listener
/// watches the fixed <c>brochures</c> container and would ingest other test assemblies' uploads.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string SeedFileName = "sstc-2020-2021.pdf";
    public const string SeedBrochureId = "sstc-2020-2021";
    public const string DefaultChromium = "/usr/bin/chromium";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalFunctionsHost Host { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Git-ignored (artifacts/): the README's picture is a committed copy in docs/.</summary>
    public static string ScreenshotDirectory => Path.Combine(SharedFixtures.RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // The browser first: without one there is nothing to test, and that must fail loudly, never skip.
        var chromium = Environment.GetEnvironmentVariable("SSTC_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: install it (`apt-get install -y chromium`, which scripts/test.sh does as root) or set SSTC_CHROMIUM.");
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });

        Storage = await AzuriteInstance.StartPrivateAsync();
        Host = await LocalFunctionsHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Storage.ConnectionString,
            ["CatalogueStorage"] = Storage.ConnectionString,
            ["LocalHost:Port"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        Api = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        var seed = await UploadAsync(SeedFileName, await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf));
        var projectCount = seed.GetProperty("projectCount").GetInt32();
        await WaitForAsync(async () => (await GetJsonAsync("api/facets")).GetProperty("total").GetInt32() == projectCount, TimeSpan.FromSeconds(30),
            "the seed brochure's projects to show in the catalogue");
    }

    /// <summary>POSTs a PDF as the API documents it and waits until it succeeded (or fails the test with the reason).</summary>
    public async Task<JsonElement> UploadAsync(string fileName, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var response = await Api.PostAsync($"api/brochures?name={Uri.EscapeDataString(fileName)}", content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        JsonElement status = default;
        await WaitForAsync(async () =>
        {
            status = await GetJsonAsync($"api/brochures/{id}");
            return status.GetProperty("status").GetString() != "pending";
        }, TimeSpan.FromMinutes(2), $"brochure {id} to be processed");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        return status;
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<DashboardPage> OpenAsync(int width, int height = 900) =>
        await DashboardPage.OpenAsync(Browser, Host.BaseAddress, width, height);

    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout} waiting for {what}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        Api?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
