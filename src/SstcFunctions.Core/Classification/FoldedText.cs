using System.Globalization;
using System.Text;

namespace SstcFunctions.Core.Classification;

/// <summary>A word of the original text, folded for matching, with where it came from.</summary>
internal readonly record struct FoldedToken(string Text, int Start, int End);

/// <summary>A text with its folded tokens, so several matchers can share one tokenization.</summary>
internal sealed record FoldedDocument(string Text, List<FoldedToken> Tokens)
{
    public static FoldedDocument Of(string? text) => new(text ?? "", FoldedText.Tokenize(text ?? ""));
}

/// <summary>
/// Folds printed text into lower-case, accent-free word tokens so that "MÉXICO", "Mexico" and "méxico"
/// (or "Côte d’Ivoire" and "Cote d'Ivoire") compare equal. Every matcher in this folder works on these tokens:
/// punctuation, apostrophes, dashes and line breaks all become word boundaries, "&amp;" becomes "and".
/// </summary>
internal static class FoldedText
{
    public static List<FoldedToken> Tokenize(string text)
    {
        var tokens = new List<FoldedToken>(text.Length / 6 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '&')
            {
                tokens.Add(new FoldedToken("and", i, i + 1));
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }
            var start = i;
            var ascii = true;
            // Combining marks (decomposed "e\u0301", Indic vowel signs) belong to the word they decorate.
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (i > start && IsMark(text[i]))))
            {
                if (text[i] >= 128) ascii = false;
                i++;
            }
            tokens.Add(new FoldedToken(ascii ? LowerAscii(text, start, i) : Fold(text, start, i), start, i));
        }
        return tokens;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // Most words of an English brochure are plain ASCII: lower-case them without decomposing.
    private static string LowerAscii(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (span, state) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                var ch = state.text[state.start + k];
                span[k] = ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch;
            }
        });

    private static string Fold(string text, int start, int end)
    {
        var word = new StringBuilder(end - start + 2);
        for (var k = start; k < end; k++)
        {
            if (IsMark(text[k])) continue;
            AppendFolded(word, text[k]);
        }
        return word.ToString();
    }

    /// <summary>The folded words joined by single spaces: the lookup key of a name.</summary>
    public static string Key(string text) => string.Join(' ', Tokenize(text).Select(t => t.Text));

    private static void AppendFolded(StringBuilder word, char c)
    {
        if (c < 128)
        {
            word.Append(char.ToLowerInvariant(c));
            return;
        }
        switch (char.ToLowerInvariant(c))
        {
            case 'ß': word.Append("ss"); return;
            case 'æ': word.Append("ae"); return;
            case 'œ': word.Append("oe"); return;
            case 'ø': word.Append('o'); return;
            case 'ł': word.Append('l'); return;
            case 'đ': word.Append('d'); return;
            case 'ı': word.Append('i'); return;
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) word.Append(char.ToLowerInvariant(d));
        }
    }
}
