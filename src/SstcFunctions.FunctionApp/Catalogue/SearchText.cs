using System.Globalization;
using System.Text;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Folds text for the q= search: lower case, no accents, words separated by single spaces, padded with spaces so
/// " word" finds a word start. "Côte d’Ivoire" and "cote d'ivoire" fold alike.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        // Decomposing first turns "é" into "e" + a combining mark, which is then dropped. Runs for every record of a
        // cold catalogue load (20,000 titles and descriptions): one buffer, no string per character.
        var decomposed = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormD) ? text : text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length + 2).Append(' ');
        foreach (var c in decomposed)
        {
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetterOrDigit(c)) folded.Append(char.ToLowerInvariant(c));
                else if (folded[^1] != ' ') folded.Append(' ');
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                switch (c)
                {
                    case 'ß': folded.Append("ss"); break;
                    case 'æ' or 'Æ': folded.Append("ae"); break;
                    case 'œ' or 'Œ': folded.Append("oe"); break;
                    case 'ø' or 'Ø': folded.Append('o'); break;
                    case 'ł' or 'Ł': folded.Append('l'); break;
                    case 'đ' or 'Đ': folded.Append('d'); break;
                    case 'ı': folded.Append('i'); break;
                    default: folded.Append(char.ToLowerInvariant(c)); break;
                }
            }
            else if (folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }
        if (folded[^1] != ' ') folded.Append(' ');
        return folded.ToString();
    }

    /// <summary>The folded words of a query: "Migración laboral" → ["migracion", "laboral"].</summary>
    public static string[] Words(string query) => Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
