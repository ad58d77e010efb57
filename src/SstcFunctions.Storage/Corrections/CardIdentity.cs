using System.Globalization;
using System.Text;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage.Corrections;

/// <summary>
/// A card's identity within its brochure, independent of its page and reading-order position, so a correction finds
/// its card again after the brochure is ingested anew, from the same file or a changed one (docs/curation.md):
/// the extracted title folded to lower-case letters and digits joined by dashes; the second and later cards with the
/// same folded title in reading order get "~2", "~3"…; a card without letters in its title is "untitled~{n}".
/// When no card has the key any more, <see cref="Similarity"/> finds the card most like the one corrected.
/// </summary>
public static class CardIdentity
{
    private const int MaxKeyChars = 120;
    private const int AnchorWords = 60;

    /// <summary>Folded title: "Study Tour – São Paulo" → "study-tour-sao-paulo" (letters of any script are kept).</summary>
    public static string Fold(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var key = slug.ToString().Trim('-').Normalize(NormalizationForm.FormC);
        return key.Length > MaxKeyChars ? key[..MaxKeyChars].TrimEnd('-') : key;
    }

    /// <summary>The key of every card of one brochure, parallel to <paramref name="projects"/> (reading order).</summary>
    public static IReadOnlyList<string> Keys(IReadOnlyList<ProjectRecord> projects)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new string[projects.Count];
        for (var i = 0; i < projects.Count; i++)
        {
            var folded = Fold(projects[i].Title);
            if (folded.Length == 0) folded = "untitled";
            var n = seen[folded] = seen.GetValueOrDefault(folded) + 1;
            keys[i] = n == 1 && folded != "untitled" ? folded : folded + "~" + n.ToString(CultureInfo.InvariantCulture);
        }
        return keys;
    }

    /// <summary>The first words of a description, kept with a correction to recognise its card when the title changed.</summary>
    public static string AnchorText(string description) => string.Join(' ', Words(description).Take(AnchorWords));

    /// <summary>
    /// 0–1: how alike a card is to the one a correction was made on: shared title words weigh 0.6, shared words of the
    /// description's opening 0.4 (Jaccard overlap each).
    /// </summary>
    public static double Similarity(string anchorTitle, string anchorText, ProjectRecord card) =>
        0.6 * Jaccard(Words(anchorTitle), Words(card.Title)) + 0.4 * Jaccard(Words(anchorText), Words(card.Description).Take(AnchorWords));

    private static IEnumerable<string> Words(string text) =>
        Fold(text).Split('-', StringSplitOptions.RemoveEmptyEntries);

    private static double Jaccard(IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = a.ToHashSet(StringComparer.Ordinal);
        var right = b.ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0 && right.Count == 0) return 0;
        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }
}
