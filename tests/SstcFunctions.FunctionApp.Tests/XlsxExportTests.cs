using System.Globalization;
using MiniExcelLibs;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>format=xlsx: the same matches as the JSON pages, as a workbook a spreadsheet library reads back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class XlsxExportTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_workbook_holds_every_match_with_the_csv_columns()
    {
        await using var app = fixture.NewApp();
        await app.CommitAsync(HandBuiltRecords.Commit("sheet", HandBuiltRecords.Result("sheet", 9)));
        var expected = (await app.Store.LoadAsync()).Projects.Where(p => p.Countries.Contains("BR")).ToList();

        var response = await CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects?country=BR&format=xlsx&top=1");

        Assert.Equal(200, response.Status);
        Assert.Equal(ProjectXlsx.ContentType, response.Header("Content-Type"));
        Assert.Contains("projects.xlsx", response.Header("Content-Disposition"));
        using var stream = new MemoryStream(response.Body);
        Assert.Equal([ProjectXlsx.SheetName], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([.. ProjectCsv.Columns, "origin"], rows[0].Keys);
        Assert.Equal(expected.Select(p => p.Id), rows.Select(r => (string)r["id"]!));
        Assert.Equal(expected.Select(p => p.Title), rows.Select(r => (string)r["title"]!));
        Assert.Equal(expected.Select(p => string.Join(';', p.CountryNames)), rows.Select(r => (string)r["countryNames"]!));
        Assert.Equal(expected.Select(p => p.Bounds.Height), rows.Select(r => Convert.ToDouble(r["height"], CultureInfo.InvariantCulture)));

        var unknown = await CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET", "/api/projects?format=pdf");
        Assert.Equal(["json", "csv", "xlsx"], unknown.AssertProblem(400).GetProperty("validValues").EnumerateArray().Select(v => v.GetString()));
    }
}
