using System.Globalization;
using System.Text;

namespace SstcFunctions.Core;

/// <summary>Brochure ids come from the blob (file) name so re-uploading a name replaces that brochure.</summary>
public static class BrochureId
{
    /// <summary>"Brochures/SSTC 2020–2021.pdf" → "sstc-2020-2021". Lower-case ASCII letters, digits and single dashes.</summary>
    public static string FromFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var id = slug.ToString().Trim('-');
        if (id.Length > 100) id = id[..100].TrimEnd('-');
        return id.Length == 0 ? "brochure" : id;
    }

    /// <summary>Project ids: the brochure id and the card's reading-order position, stable across re-ingestion.</summary>
    public static string ForProject(string brochureId, int ordinal) => $"{brochureId}-{ordinal:D3}";
}
