using CsvHelper;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>CSV export (RFC 4180, UTF-8, header row): one row per project, list fields joined with ";".</summary>
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
                csv.WriteField(p.Id);
                csv.WriteField(p.BrochureId);
                csv.WriteField(p.Ordinal, "");
                csv.WriteField(p.Title);
                csv.WriteField(p.Region ?? "");
                csv.WriteField(p.Description);
                csv.WriteField(Join(p.Countries));
                csv.WriteField(Join(p.CountryNames));
                csv.WriteField(p.Outcome?.Id ?? "");
                csv.WriteField(p.Outcome?.Title ?? "");
                csv.WriteField(Join(p.Outcomes.Select(o => o.Id)));
                csv.WriteField(Join(p.Topics));
                csv.WriteField(Join(p.Activities));
                csv.WriteField(Join(p.Modality));
                csv.WriteField(Join(p.Tags));
                csv.WriteField(p.Page, "");
                csv.WriteField(p.Bounds.X, "");
                csv.WriteField(p.Bounds.Y, "");
                csv.WriteField(p.Bounds.Width, "");
                csv.WriteField(p.Bounds.Height, "");
                csv.WriteField(p.Confidence, "");
                csv.WriteField(Join(p.ConfidenceReasons));
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// RFC 4180 (CRLF, quotes where needed), UTF-8 without BOM, invariant numbers. Formula-looking text is left as it
    /// is: the export must read back to exactly the records, and a "-" starting a description is data.
    /// </summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default;

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);
}
