using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace SstcFunctions.Dashboard.Tests;

/// <summary>The dashboard's upload form: a brochure read, a file refused with the API's reason, the function key.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Uploading_the_fixture_through_the_form_ends_in_succeeded()
    {
        var name = $"dashboard-upload-{Guid.NewGuid():N}"[..25];
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();
        var brochuresBefore = (await Figures(tab))["brochures"];
        try
        {
            await UploadThroughFormAsync(tab, name + ".pdf", await File.ReadAllBytesAsync(TestSupport.SharedFixtures.SeedBrochurePdf));

            var status = tab.Page.Locator("#upload-status");
            var text = await status.TextContentAsync();
            Assert.Equal("succeeded", await status.GetAttributeAsync("data-status"));
            var api = await fixture.GetJsonAsync($"api/brochures/{name}");
            Assert.Equal($"Brochure {name}: succeeded, {api.GetProperty("projectCount").GetInt32()} projects.", text);
            Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));

            // The figures follow: one more brochure, as the API says.
            var expected = (await fixture.GetJsonAsync("api/facets")).GetProperty("facets").GetProperty("brochure").GetArrayLength();
            Assert.Equal(brochuresBefore + 1, expected);
            await DashboardFixture.WaitForAsync(async () => (await Figures(tab))["brochures"] == expected, TimeSpan.FromSeconds(10), "the figures to update");
            tab.AssertNoProblems();
        }
        finally
        {
            using var deleted = await fixture.Api.DeleteAsync($"api/brochures/{name}");
        }
    }

    [Fact]
    public async Task Uploading_a_pdf_without_text_through_the_form_ends_in_failed_with_the_apis_reason()
    {
        var name = $"dashboard-scan-{Guid.NewGuid():N}"[..25];
        await using var tab = await fixture.OpenAsync(Wide);
        await tab.GotoAsync();
        try
        {
            await UploadThroughFormAsync(tab, name + ".pdf", TestSupport.HostilePdfs.ImageOnly());

            var status = tab.Page.Locator("#upload-status");
            Assert.Equal("failed", await status.GetAttributeAsync("data-status"));
            var api = await fixture.GetJsonAsync($"api/brochures/{name}");
            Assert.Equal("failed", api.GetProperty("status").GetString());
            var reason = api.GetProperty("error").GetString();
            Assert.Contains("no text layer", reason);
            Assert.Equal($"Brochure {name}: failed: {reason}", await status.TextContentAsync());
            tab.AssertNoProblems();
        }
        finally
        {
            using var deleted = await fixture.Api.DeleteAsync($"api/brochures/{name}");
        }
    }

    [Fact]
    public async Task Where_the_app_requires_a_function_key_the_form_says_so_and_uploads_with_one()
    {
        // A second host over the same storage, as an app deployed with keys: uploads need the key; the first host's
        // blob trigger ingests what arrives.
        const string key = "dashboard-test-key";
        await using var guarded = await LocalHost.LocalFunctionsHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = fixture.Storage.ConnectionString,
            ["CatalogueStorage"] = fixture.Storage.ConnectionString,
            ["LocalHost:Port"] = "0",
            ["LocalHost:FunctionKey"] = key,
            ["LocalHost:BlobTriggers"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var name = $"dashboard-key-{Guid.NewGuid():N}"[..25];
        await using var tab = await DashboardPage.OpenAsync(fixture.Browser, guarded.BaseAddress, Wide, 900);
        await tab.GotoAsync();
        var pdf = await File.ReadAllBytesAsync(TestSupport.SharedFixtures.SeedBrochurePdf);
        var status = tab.Page.Locator("#upload-status");
        try
        {
            await UploadThroughFormAsync(tab, name + ".pdf", pdf);
            Assert.Equal("error", await status.GetAttributeAsync("data-status"));
            Assert.Equal("Upload refused: this app needs a function key (enter it above).", await status.TextContentAsync());
            // The refused request is the only trouble the page saw: its 401, and Chromium's own console line for it.
            var refused = tab.Problems.ToList();
            Assert.Contains("HTTP 401: POST " + new Uri(guarded.BaseAddress, $"api/brochures?name={name}.pdf"), refused);
            Assert.All(refused, problem => Assert.Contains("401", problem));

            await tab.Page.GetByLabel("Function key").FillAsync(key);
            await UploadThroughFormAsync(tab, name + ".pdf", pdf);
            Assert.Equal("succeeded", await status.GetAttributeAsync("data-status"));
            Assert.Equal(refused, tab.Problems); // nothing new with the key
        }
        finally
        {
            using var deleted = await fixture.Api.DeleteAsync($"api/brochures/{name}");
        }
    }

    /// <summary>Chooses the file, presses Upload and waits until the status line reaches an end state.</summary>
    private static async Task UploadThroughFormAsync(DashboardPage tab, string fileName, byte[] pdf)
    {
        await tab.Page.GetByLabel("Brochure (PDF)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var status = tab.Page.Locator("#upload-status");
        await DashboardFixture.WaitForAsync(async () => await status.GetAttributeAsync("data-status") is "succeeded" or "failed" or "error",
            TimeSpan.FromMinutes(2), $"the upload of {fileName} to finish");
    }
}
