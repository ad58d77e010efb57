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
    public async Task A_chunked_upload_over_the_size_limit_is_413_found_while_streaming_and_stores_nothing()
    {
        await using var app = fixture.NewApp(settings: new Dictionary<string, string?> { ["Extraction:MaxFileBytes"] = "5000000" });
        var big = new byte[9_000_000]; // over two 4 MiB blocks: the limit trips after blocks were staged
        "%PDF-1.4"u8.CopyTo(big);

        var response = await CatalogueApp.SendAsync(r => app.Function<UploadBrochureFunction>().Run(r, CancellationToken.None), "POST",
            "/api/brochures?name=chunked.pdf", body: big, contentType: "application/pdf", chunked: true);

        response.AssertProblem(413);
        Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient("chunked.pdf").ExistsAsync());
        Assert.Null(await app.Store.GetBrochureAsync("chunked"));
    }

    [Fact]
    public async Task A_streamed_upload_is_stored_whole_with_its_size_and_hash()
    {
        await using var app = fixture.NewApp();
        var pdf = new byte[10_000_000];
        new Random(15).NextBytes(pdf);
        "%PDF-1.4\n"u8.CopyTo(pdf);

        var response = await CatalogueApp.SendAsync(r => app.Function<UploadBrochureFunction>().Run(r, CancellationToken.None), "POST",
            "/api/brochures?name=streamed.pdf", body: pdf, contentType: "application/pdf", chunked: true);

        Assert.Equal(202, response.Status);
        Assert.Equal(pdf.Length, response.Json.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), response.Json.GetProperty("sha256").GetString());
        Assert.Equal(pdf, (await app.Store.Storage.BrochureBlobs.GetBlobClient("streamed.pdf").DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task When_every_upload_slot_is_taken_an_upload_is_a_503_with_retry_after()
    {
        await using var app = fixture.NewApp(settings: new Dictionary<string, string?> { ["Upload:MaxConcurrent"] = "1" });
        using (app.Get<Ingestion.UploadLimiter>().TryEnter())
        {
            var busy = await Upload(app, "?name=busy.pdf", TinyPdf);
            busy.AssertProblem(503);
            Assert.Equal("5", busy.Header("Retry-After"));
            Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient("busy.pdf").ExistsAsync());
        }
        Assert.Equal(202, (await Upload(app, "?name=busy.pdf", TinyPdf)).Status); // the slot is free again
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
    public async Task Delete_answers_202_deleting_hides_the_projects_at_once_and_the_background_removal_leaves_nothing()
    {
        await using var app = fixture.NewApp();
        await Upload(app, "?name=doomed.pdf", TinyPdf);
        await app.CommitAsync(HandBuiltRecords.Commit("doomed", HandBuiltRecords.Result("doomed", 6)));
        await app.CommitAsync(HandBuiltRecords.Commit("kept", HandBuiltRecords.Result("kept", 2)));
        var listProjects = () => CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects");
        Assert.Contains("doomed", (await listProjects()).Text);

        var response = await Delete(app, "doomed");

        Assert.Equal(202, response.Status);
        Assert.Equal("deleting", response.Json.GetProperty("status").GetString());
        Assert.Equal("/api/brochures/doomed", response.Header("Location"));
        Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient("doomed.pdf").ExistsAsync());
        // Hidden at once, whether or not the background removal has finished.
        Assert.DoesNotContain("doomed", (await listProjects()).Text);

        // The reconciler completes whatever the background has not (both may run: each step is idempotent).
        await app.Get<SstcFunctions.FunctionApp.Ingestion.BrochureFiles>().FinishDeletionsAsync(CancellationToken.None);

        (await Get(app, "doomed")).AssertProblem(404);
        var projects = await All(app.Store.Storage.Projects);
        Assert.DoesNotContain(projects, e => e.PartitionKey == "doomed");
        Assert.Equal(2, projects.Count);
        var snapshots = new List<string>();
        await foreach (var blob in app.Store.Storage.Snapshots.GetBlobsAsync()) snapshots.Add(blob.Name);
        Assert.DoesNotContain(snapshots, name => name.StartsWith("doomed/", StringComparison.Ordinal));
        Assert.Contains(snapshots, name => name.StartsWith("kept/", StringComparison.Ordinal));
        (await Delete(app, "doomed")).AssertProblem(404);
    }

    [Fact]
    public async Task Listing_writes_nothing_a_deleted_file_is_removed_by_its_BlobDeleted_event()
    {
        await using var app = fixture.NewApp();
        await app.Store.Storage.EnsureCreatedAsync();
        await app.CommitAsync(HandBuiltRecords.Commit("orphan", HandBuiltRecords.Result("orphan", 2)));
        var version = await app.Store.GetVersionAsync();

        var list = await List(app);

        Assert.Equal(200, list.Status);
        Assert.Single(list.Json.GetProperty("brochures").EnumerateArray()); // a GET never deletes
        Assert.Equal(version, await app.Store.GetVersionAsync());
        Assert.Equal(2, (await All(app.Store.Storage.Projects)).Count);

        var removed = await BlobDeleted(app, app.Store.Storage.Options.BrochureContainer, "orphan.pdf");

        Assert.Equal(200, removed.Status);
        Assert.Equal(["orphan"], removed.Json.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        await app.Get<SstcFunctions.FunctionApp.Ingestion.BrochureFiles>().FinishDeletionsAsync(CancellationToken.None);
        Assert.Empty((await List(app)).Json.GetProperty("brochures").EnumerateArray());
        Assert.Empty(await All(app.Store.Storage.Projects));
    }

    [Fact]
    public async Task A_BlobDeleted_event_leaves_a_brochure_whose_file_is_still_there_or_is_another_file()
    {
        await using var app = fixture.NewApp();
        Assert.Equal(202, (await Upload(app, "?name=kept.pdf", TinyPdf)).Status);
        var container = app.Store.Storage.Options.BrochureContainer;

        var stillThere = await BlobDeleted(app, container, "kept.pdf");           // deleted and uploaded again before the event
        var otherFile = await BlobDeleted(app, container, "KEPT.pdf");          // same id, not the brochure's file
        var otherContainer = await BlobDeleted(app, "elsewhere", "kept.pdf");

        foreach (var response in new[] { stillThere, otherFile, otherContainer })
        {
            Assert.Equal(200, response.Status);
            Assert.Empty(response.Json.GetProperty("removed").EnumerateArray());
        }
        Assert.Equal(200, (await Get(app, "kept")).Status);
    }

    [Fact]
    public async Task The_BlobDeleted_webhook_answers_event_grids_validation_handshake_and_refuses_garbage()
    {
        await using var app = fixture.NewApp();
        var validation = Encoding.UTF8.GetBytes("""[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},"eventTime":"2026-01-01T00:00:00Z","dataVersion":"1"}]""");

        var answer = await CatalogueApp.SendAsync(r => app.Function<BlobDeletedFunction>().Run(r, CancellationToken.None), "POST", "/api/events/blob-deleted", body: validation, contentType: "application/json");

        Assert.Equal(200, answer.Status);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", answer.Json.GetProperty("validationResponse").GetString());
        (await CatalogueApp.SendAsync(r => app.Function<BlobDeletedFunction>().Run(r, CancellationToken.None), "POST", "/api/events/blob-deleted",
            body: Encoding.UTF8.GetBytes("not json"), contentType: "application/json")).AssertProblem(400);
    }

    private static Task<Response> BlobDeleted(CatalogueApp app, string container, string blobName)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new { id = Guid.NewGuid().ToString(), eventType = "Microsoft.Storage.BlobDeleted", subject = $"/blobServices/default/containers/{container}/blobs/{blobName}", eventTime = DateTimeOffset.UtcNow, dataVersion = "", data = new { api = "DeleteBlob" } },
        }));
        return CatalogueApp.SendAsync(r => app.Function<BlobDeletedFunction>().Run(r, CancellationToken.None), "POST", "/api/events/blob-deleted", body: body, contentType: "application/json");
    }

    [Theory]
    [InlineData("con.pdf", "CON.pdf", "con")]
    [InlineData(".pdf", "\U0001F4A9.pdf", "brochure")]
    public async Task A_second_file_name_for_the_same_brochure_id_is_a_409_naming_the_existing_brochure(string first, string second, string id)
    {
        await using var app = fixture.NewApp();
        Assert.Equal(202, (await Upload(app, "?name=" + Uri.EscapeDataString(first), TinyPdf)).Status);
        var other = Encoding.ASCII.GetBytes("%PDF-1.4\n% another file\n%%EOF\n");

        var conflict = (await Upload(app, "?name=" + Uri.EscapeDataString(second), other)).AssertProblem(409);

        Assert.Equal(id, conflict.GetProperty("brochureId").GetString());
        Assert.Equal(first, conflict.GetProperty("existingFileName").GetString());
        Assert.Contains(first, conflict.GetProperty("detail").GetString());
        Assert.Contains("replace=true", conflict.GetProperty("detail").GetString());
        Assert.False(await app.Store.Storage.BrochureBlobs.GetBlobClient(second).ExistsAsync()); // nothing stored
        Assert.Equal(first, (await Get(app, id)).Json.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Replace_true_makes_the_new_file_the_brochures_only_file()
    {
        await using var app = fixture.NewApp();
        Assert.Equal(202, (await Upload(app, "?name=con.pdf", TinyPdf)).Status);
        var other = Encoding.ASCII.GetBytes("%PDF-1.4\n% the replacement\n%%EOF\n");

        var replaced = await Upload(app, "?name=CON.pdf&replace=true", other);

        Assert.Equal(202, replaced.Status);
        Assert.Equal("CON.pdf", replaced.Json.GetProperty("fileName").GetString());
        var blobs = new List<string>();
        await foreach (var blob in app.Store.Storage.BrochureBlobs.GetBlobsAsync()) blobs.Add(blob.Name);
        Assert.Equal(["CON.pdf"], blobs);
        Assert.Equal("CON.pdf", (await Get(app, "con")).Json.GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData("?name=a.pdf&replace=maybe")]
    [InlineData("?name=a.pdf&replace=true&replace=false")]
    public async Task Replace_takes_true_or_false(string query)
    {
        await using var app = fixture.NewApp();
        Assert.Equal("replace", (await Upload(app, query, TinyPdf)).AssertProblem(400).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_same_file_name_again_needs_no_replace()
    {
        await using var app = fixture.NewApp();
        Assert.Equal(202, (await Upload(app, "?name=again.pdf", TinyPdf)).Status);
        Assert.Equal(202, (await Upload(app, "?name=again.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% v2\n%%EOF\n"))).Status);
    }

    private static async Task<List<Azure.Data.Tables.TableEntity>> All(Azure.Data.Tables.TableClient table)
    {
        var all = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var e in table.QueryAsync<Azure.Data.Tables.TableEntity>()) all.Add(e);
        return all;
    }
}
