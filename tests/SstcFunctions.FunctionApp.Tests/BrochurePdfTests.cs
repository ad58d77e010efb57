using System.Text;
using SstcFunctions.FunctionApp.Functions;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>GET /api/brochures/{id}/pdf: the stored source file, for "open the source PDF at that page".</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrochurePdfTests(AzuriteFixture fixture)
{
    private static Task<Response> Pdf(CatalogueApp app, string id, IDictionary<string, string>? headers = null) =>
        CatalogueApp.SendAsync(r => app.Function<GetBrochurePdfFunction>().Run(r, id, CancellationToken.None), "GET", $"/api/brochures/{id}/pdf", headers);

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
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
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
}
