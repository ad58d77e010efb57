using System.Text;

namespace SstcFunctions.Core.Layout;

/// <summary>Printed text → comparable text: ligatures unfolded (NFKC), whitespace collapsed.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        // NFKC turns U+FB01 "ﬁ" into "fi"; it leaves the soft hyphen and U+2010 alone, which line joining needs.
        // ASCII is its own NFKC form, and the ICU check costs more than this scan.
        var folded = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return CollapseWhitespace(folded);
    }

    public static string CollapseWhitespace(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ')) clean = false;
        }
        if (clean) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
            }
            else builder.Append(c);
        }
        if (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
        return builder.ToString();
    }
}
