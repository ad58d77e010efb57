using CsvHelper;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// CSV export (RFC 4180, UTF-8, header row): one row per project, list fields joined with ";", text cells safe to open
/// in a spreadsheet (<see cref="SpreadsheetText"/>).
/// </summary>
public static class ProjectCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";
    public const char ListSeparator = ';';

    /// <summary>The columns, in order; the CSV round-trip test reads them back by these names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "brochureId", "ordinal", "title", "region", "description", "countries", "countryNames", "outcome", "outcomeTitle",
        "outcomes", "topics", "activities", "modality", "tags", "page", "x", "y", "width", "height", "confidence", "confidenceReasons",
    ];

    public static byte[] Write(IEnumerable<ProjectRecord> projects)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            foreach (var column in Columns) csv.WriteField(column);
            csv.EndRecord();
            foreach (var p in projects)
            {
                Text(csv, p.Id);
                Text(csv, p.BrochureId);
                csv.WriteField(p.Ordinal, "");
                Text(csv, p.Title);
                Text(csv, p.Region ?? "");
                Text(csv, p.Description);
                Text(csv, Join(p.Countries));
                Text(csv, Join(p.CountryNames));
                Text(csv, p.Outcome?.Id ?? "");
                Text(csv, p.Outcome?.Title ?? "");
                Text(csv, Join(p.Outcomes.Select(o => o.Id)));
                Text(csv, Join(p.Topics));
                Text(csv, Join(p.Activities));
                Text(csv, Join(p.Modality));
                Text(csv, Join(p.Tags));
                csv.WriteField(p.Page, "");
                csv.WriteField(p.Bounds.X, "");
                csv.WriteField(p.Bounds.Y, "");
                csv.WriteField(p.Bounds.Width, "");
                csv.WriteField(p.Bounds.Height, "");
                csv.WriteField(p.Confidence, "");
                Text(csv, Join(p.ConfidenceReasons));
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>RFC 4180 (CRLF, quotes where needed), UTF-8 without BOM, invariant numbers.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default;

    /// <summary>
    /// A text cell a spreadsheet will not run as a formula: text extracted from an uploaded PDF may start with "=", "+",
    /// "-", "@", a tab or CR; such a cell gets a leading single quote and double quotes (OWASP), and
    /// <see cref="SpreadsheetText.Restore"/> gives the exact text back.
    /// </summary>
    private static void Text(CsvWriter csv, string value)
    {
        var safe = SpreadsheetText.Neutralise(value);
        csv.WriteField(safe, ReferenceEquals(safe, value) ? CsvQuoting.WhenNeeded : CsvQuoting.Always);
    }

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);
}
