using System.Text;
using SstcFunctions.FunctionApp.Functions;

using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>GET /api/brochures/{id}/pdf: the stored source file, for "open the source PDF at that page".</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrochurePdfTests(AzuriteFixture fixture)
{
    private static Task<Response> Pdf(CatalogueApp app, string id, IDictionary<string, string>? headers = null, string method = "GET") =>
        CatalogueApp.SendAsync(r => app.Function<GetBrochurePdfFunction>().Run(r, id, CancellationToken.None), method, $"/api/brochures/{id}/pdf", headers);

    private static async Task UploadAsync(CatalogueApp app, string fileName, byte[] pdf)
    {
        var response = await CatalogueApp.SendAsync(r => app.Function<UploadBrochureFunction>().Run(r, CancellationToken.None),
            "POST", "/api/brochures?name=" + Uri.EscapeDataString(fileName), body: pdf, contentType: "application/pdf");
        Assert.Equal(202, response.Status);
    }

    [Fact]
    public async Task The_uploaded_file_comes_back_as_an_inline_pdf_with_an_etag()
    {
        await using var app = fixture.NewApp();
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        await UploadAsync(app, "Field Notes 2024.pdf", pdf);

        var response = await Pdf(app, "field-notes-2024");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Header("Content-Type"));
        Assert.Equal(pdf, response.Body);
        Assert.Equal(pdf.Length.ToString(), response.Header("Content-Length"));
        Assert.StartsWith("inline;", response.Header("Content-Disposition"));
        Assert.Contains("Field Notes 2024.pdf", response.Header("Content-Disposition"));
        var etag = response.Header("ETag");
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(304, (await Pdf(app, "field-notes-2024", new Dictionary<string, string> { ["If-None-Match"] = etag! })).Status);
        Assert.Equal(200, (await Pdf(app, "field-notes-2024", new Dictionary<string, string> { ["If-None-Match"] = "\"other\"" })).Status);
    }

    [Theory]
    [InlineData("no-such-brochure")]
    [InlineData("Not A Slug")]
    [InlineData("..")]
    public async Task An_unknown_or_malformed_id_is_a_404_problem(string id)
    {
        await using var app = fixture.NewApp();
        (await Pdf(app, id)).AssertProblem(404);
    }

    [Fact]
    public async Task A_brochure_whose_file_was_deleted_from_the_container_is_a_404_problem()
    {
        await using var app = fixture.NewApp();
        await UploadAsync(app, "gone.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        await app.Store.Storage.BrochureBlobs.DeleteBlobAsync("gone.pdf");

        var problem = (await Pdf(app, "gone")).AssertProblem(404);
        Assert.Contains("no longer stored", problem.GetProperty("detail").GetString());
    }

    private static byte[] BigPdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n% " + Guid.NewGuid() + "\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"% filler line {i:D5}\n")) + "%%EOF\n");

    [Fact]
    public async Task A_range_request_gets_206_with_only_those_bytes()
    {
        await using var app = fixture.NewApp();
        var pdf = BigPdf();
        await UploadAsync(app, "ranged.pdf", pdf);

        var middle = await Pdf(app, "ranged", new Dictionary<string, string> { ["Range"] = "bytes=1000-1999" });
        Assert.Equal(206, middle.Status);
        Assert.Equal(pdf[1000..2000], middle.Body);
        Assert.Equal($"bytes 1000-1999/{pdf.Length}", middle.Header("Content-Range"));
        Assert.Equal("1000", middle.Header("Content-Length"));
        Assert.Equal("application/pdf", middle.Header("Content-Type"));

        var tail = await Pdf(app, "ranged", new Dictionary<string, string> { ["Range"] = "bytes=-100" });
        Assert.Equal(206, tail.Status);
        Assert.Equal(pdf[^100..], tail.Body);

        Assert.Equal("bytes", (await Pdf(app, "ranged")).Header("Accept-Ranges"));
        var unsatisfiable = await Pdf(app, "ranged", new Dictionary<string, string> { ["Range"] = $"bytes={pdf.Length + 10}-" });
        Assert.Equal(416, unsatisfiable.Status);
        Assert.Equal($"bytes */{pdf.Length}", unsatisfiable.Header("Content-Range"));
    }

    [Fact]
    public async Task If_range_with_an_old_etag_gets_the_whole_new_file()
    {
        await using var app = fixture.NewApp();
        await UploadAsync(app, "replaced.pdf", BigPdf());
        var oldTag = (await Pdf(app, "replaced")).Header("ETag")!;
        var replacement = BigPdf();
        await app.Store.Storage.BrochureBlobs.GetBlobClient("replaced.pdf").UploadAsync(new BinaryData(replacement), overwrite: true);

        var response = await Pdf(app, "replaced", new Dictionary<string, string> { ["Range"] = "bytes=0-99", ["If-Range"] = oldTag });

        Assert.Equal(200, response.Status);
        Assert.Equal(replacement, response.Body);
        Assert.NotEqual(oldTag, response.Header("ETag"));
        Assert.Equal(200, (await Pdf(app, "replaced", new Dictionary<string, string> { ["If-None-Match"] = oldTag })).Status);
    }

    [Fact]
    public async Task Head_answers_like_get_without_the_body()
    {
        await using var app = fixture.NewApp();
        var pdf = BigPdf();
        await UploadAsync(app, "headed.pdf", pdf);

        var head = await Pdf(app, "headed", method: "HEAD");
        var get = await Pdf(app, "headed");

        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(pdf.Length.ToString(), head.Header("Content-Length"));
        Assert.Equal(get.Header("ETag"), head.Header("ETag"));
        Assert.Equal("application/pdf", head.Header("Content-Type"));
    }
}
