namespace SstcFunctions.Core.Layout;

/// <summary>
/// A labelled line ("Partners: ILO, CINTERFOR") is often set in the body style right above or below the
/// description, so segmentation stacks them together. This stage keeps in a field's block only the lines that carry
/// its value on (the line before ends mid-list or mid-word, or the next starts in lower case) and returns the rest
/// as a block of its own. (The segmenter already opens a block at every field line.)
/// </summary>
public static class FieldBlocks
{
    private static readonly string[] OpenEndings = [",", ";", "-", "–", "/", "&", " and", " y", " et", " e", " ou", " o", " or"];

    public static List<TextBlock> Split(List<TextBlock> blocks, Func<string, bool> isField)
    {
        var result = new List<TextBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Lines.Count < 2 || !isField(block.Lines[0].Text))
            {
                result.Add(block);
                continue;
            }
            var keep = 1;
            var width = block.Lines.Max(l => l.Box.Width);
            while (keep < block.Lines.Count && CarriesOn(block.Lines[keep - 1], block.Lines[keep], width) && !isField(block.Lines[keep].Text)) keep++;
            result.Add(Rebuild(block, 0, keep));
            if (keep < block.Lines.Count) result.Add(Rebuild(block, keep, block.Lines.Count));
        }
        return result;
    }

    private static bool CarriesOn(TextLine previousLine, TextLine nextLine, double width)
    {
        var (previous, next) = (previousLine.Text, nextLine.Text);
        var trimmed = previous.TrimEnd();
        foreach (var ending in OpenEndings) if (trimmed.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        // A value that filled its line goes on ("… Zimbabwe, South" ⏎ "Africa"): the typesetter's own test, the next
        // line's first word would not have fitted. A full stop, or a paragraph indent, ends it all the same.
        var firstWord = next.Split(' ', 2)[0];
        var firstWordWidth = next.Length == 0 ? 0 : nextLine.Box.Width * (firstWord.Length + 1) / next.Length;
        if (!trimmed.EndsWith('.') && previousLine.Box.Width + firstWordWidth > 0.98 * width && !ParagraphIndent(previousLine, nextLine)) return true;
        return next.Length > 0 && char.IsLower(next[0]);
    }

    /// <summary>The next line starts a little right of this one (1–3 em): a new paragraph, not a hanging value.</summary>
    private static bool ParagraphIndent(TextLine previous, TextLine next)
    {
        var indent = next.Box.Left - previous.Box.Left;
        return indent > 0.5 * next.Style.Size && indent < 3 * next.Style.Size;
    }

    private static TextBlock Rebuild(TextBlock block, int from, int to)
    {
        var rebuilt = new TextBlock(block.Page, block.Lines[from]);
        for (var i = from + 1; i < to; i++) rebuilt.Add(block.Lines[i]);
        return rebuilt;
    }
}
