using System.Text;
using Azure.Storage.Blobs;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.Storage;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>POST, GET and DELETE of brochures: validation problems, the 202 contract, and complete deletion.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrochuresApiTests(AzuriteFixture fixture)
{
    private static readonly byte[] TinyPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static Task<Response> Upload(CatalogueApp app, string query, byte[]? body, string? contentType = "application/pdf") =>
        CatalogueApp.SendAsync(r => app.Function<UploadBrochureFunction>().Run(r, CancellationToken.None), "POST", "/api/brochures" + query, body: body ?? [], contentType: contentType);

    private static Task<Response> Get(CatalogueApp app, string id) =>
        CatalogueApp.SendAsync(r => app.Function<GetBrochureFunction>().Run(r, id, CancellationToken.None), "GET", "/api/brochures/" + id);

    private static Task<Response> Delete(CatalogueApp app, string id) =>
        CatalogueApp.SendAsync(r => app.Function<DeleteBrochureFunction>().Run(r, id, CancellationToken.None), "DELETE", "/api/brochures/" + id);

    private static Task<Response> List(CatalogueApp app, string query = "") =>
        CatalogueApp.SendAsync(r => app.Function<ListBrochuresFunction>().Run(r, CancellationToken.None), "GET", "/api/brochures" + query);

    [Fact]
    public async Task Upload_stores_the_file_and_answers_202_with_the_pending_status_and_its_location()
    {
        await using var app = fixture.NewApp();
        var response = await Upload(app, "?name=" + Uri.EscapeDataString("SSTC Brochure 2024–2025.pdf"), TinyPdf);

        Assert.Equal(202, response.Status);
        Assert.Equal("/api/brochures/sstc-brochure-2024-2025", response.Header("Location"));
        Assert.Equal("pending", response.Json.GetProperty("status").GetString());
        Assert.Equal("sstc-brochure-2024-2025", response.Json.GetProperty("id").GetString());
        Assert.Equal(TinyPdf.Length, response.Json.GetProperty("sizeBytes").GetInt64());
        var blob = app.Store.Storage.BrochureBlobs.GetBlobClient("SSTC Brochure 2024–2025.pdf");
        Assert.True(await blob.ExistsAsync());
        Assert.Equal("application/pdf", (await blob.GetPropertiesAsync()).Value.ContentType);

        var status = await Get(app, "sstc-brochure-2024-2025");
        Assert.Equal(200, status.Status);
        Assert.Equal("pending", status.Json.GetProperty("status").GetString());
        Assert.Equal("SSTC Brochure 2024–2025.pdf", status.Json.GetProperty("fileName").GetString());
        Assert.Contains("sstc-brochure-2024-2025", (await List(app)).Text);
    }

    [Theory]
    [InlineData("", "application/pdf", 400)]
    [InlineData("?name=", "application/pdf", 400)]
    [InlineData("?name=a%2Fb.pdf", "application/pdf", 400)]
    [InlineData("?name=a%00b.pdf", "application/pdf", 400)]
    [InlineData("?name=ok.pdf", "text/plain", 415)]
    [InlineData("?name=ok.pdf", null, 415)]
    [InlineData("?name=ok.pdf", "application/json", 415)]
    public async Task Upload_rejects_bad_names_and_content_types_with_problems(string query, string? contentType, int status)
    {
        await using var app = fixture.NewApp();
        (await Upload(app, query, TinyPdf, contentType)).AssertProblem(status);
    }

    [Fact]
    public async Task Upload_checks_the_PDF_magic_bytes_not_just_the_content_type()
    {
        await using var app = fixture.NewApp();
        (await Upload(app, "?name=fake.pdf", Encoding.ASCII.GetBytes("<html>not a pdf</html>"))).AssertProblem(415);
        (await Upload(app, "?name=empty.pdf", [])).AssertProblem(400);
        Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient("fake.pdf").ExistsAsync());
    }

    [Fact]
    public async Task Upload_over_the_size_limit_is_413()
    {
        await using var app = fixture.NewApp(settings: new Dictionary<string, string?> { ["Extraction:MaxFileBytes"] = "1000" });
        var big = new byte[1001];
        "%PDF-1.4"u8.CopyTo(big);
        (await Upload(app, "?name=big.pdf", big)).AssertProblem(413);
        Assert.Equal(202, (await Upload(app, "?name=small.pdf", big[..1000])).Status);
    }

    [Fact]
    public async Task Unknown_brochures_are_404_problems()
    {
        await using var app = fixture.NewApp();
        (await Get(app, "no-such-brochure")).AssertProblem(404);
        (await Get(app, "Bad Id!")).AssertProblem(404);
        (await Delete(app, "no-such-brochure")).AssertProblem(404);
        (await List(app, "?status=failed")).AssertProblem(400);
    }

    [Fact]
    public async Task Delete_removes_the_file_the_brochure_its_projects_and_index_entities()
    {
        await using var app = fixture.NewApp();
        await Upload(app, "?name=doomed.pdf", TinyPdf);
        await app.CommitAsync(HandBuiltRecords.Commit("doomed", HandBuiltRecords.Result("doomed", 6)));
        await app.CommitAsync(HandBuiltRecords.Commit("kept", HandBuiltRecords.Result("kept", 2)));

        var response = await Delete(app, "doomed");

        Assert.Equal(204, response.Status);
        Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient("doomed.pdf").ExistsAsync());
        (await Get(app, "doomed")).AssertProblem(404);
        var projects = await All(app.Store.Storage.Projects);
        Assert.DoesNotContain(projects, e => e.PartitionKey == "doomed");
        Assert.Equal(2, projects.Count);
        var list = await CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects");
        Assert.DoesNotContain("doomed", list.Text);
    }

    [Fact]
    public async Task Listing_sweeps_out_brochures_whose_file_was_deleted_behind_our_back()
    {
        await using var app = fixture.NewApp();
        await app.Store.Storage.EnsureCreatedAsync();
        await app.CommitAsync(HandBuiltRecords.Commit("orphan", HandBuiltRecords.Result("orphan", 2)));

        var list = await List(app);

        Assert.Equal(200, list.Status);
        Assert.Empty(list.Json.GetProperty("brochures").EnumerateArray());
        Assert.Empty(await All(app.Store.Storage.Projects));
    }

    private static async Task<List<Azure.Data.Tables.TableEntity>> All(Azure.Data.Tables.TableClient table)
    {
        var all = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var e in table.QueryAsync<Azure.Data.Tables.TableEntity>()) all.Add(e);
        return all;
    }
}
