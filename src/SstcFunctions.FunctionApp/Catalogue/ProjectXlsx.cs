using MiniExcelLibs;
using SstcFunctions.Core.Records;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Excel export (format=xlsx): the CSV's columns, one sheet, numbers as numbers; list fields joined with ";" as in the
/// CSV, and names beside codes (country names, outcome titles) so the sheet reads without the API.
/// </summary>
public static class ProjectXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "projects";

    public static byte[] Write(IEnumerable<ProjectRecord> projects)
    {
        var rows = projects.Select(Row).ToList();
        using var buffer = new MemoryStream();
        // An empty export still has its header row: MiniExcel needs one row to learn the columns from.
        if (rows.Count == 0) rows.Add(ProjectCsv.Columns.ToDictionary(c => c, _ => (object?)null));
        buffer.SaveAs(rows, sheetName: SheetName, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static Dictionary<string, object?> Row(ProjectRecord p)
    {
        string Join(IEnumerable<string> values) => string.Join(ProjectCsv.ListSeparator, values);
        object?[] values =
        [
            p.Id, p.BrochureId, p.Ordinal, p.Title, p.Region ?? "", p.Description, Join(p.Countries), Join(p.CountryNames),
            p.Outcome?.Id ?? "", p.Outcome?.Title ?? "", Join(p.Outcomes.Select(o => o.Id)), Join(p.Topics), Join(p.Activities),
            Join(p.Modality), Join(p.Tags), p.Page, p.Bounds.X, p.Bounds.Y, p.Bounds.Width, p.Bounds.Height, p.Confidence,
            Join(p.ConfidenceReasons),
        ];
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++) row[ProjectCsv.Columns[i]] = values[i];
        row["origin"] = p.Origin;
        return row;
    }
}
