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
        var folded = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(c switch
                {
                    'ß' => "ss",
                    'æ' or 'Æ' => "ae",
                    'œ' or 'Œ' => "oe",
                    'ø' or 'Ø' => "o",
                    'ł' or 'Ł' => "l",
                    'đ' or 'Đ' => "d",
                    'ı' => "i",
                    _ => char.ToLowerInvariant(c).ToString(),
                });
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
