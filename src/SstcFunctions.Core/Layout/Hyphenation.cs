using System.Text;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// Joins the lines of a paragraph, deciding at each line-end hyphen whether it is part of the word
/// ("Timor-⏎Leste" → "Timor-Leste") or only a break ("employ-⏎ment" → "employment").
/// </summary>
public sealed class Hyphenation
{
    // A soft hyphen (U+00AD) or the typographic hyphen U+2010 that browsers draw for one only exists to break a line.
    private const char SoftHyphen = '\u00AD';
    private const char BreakHyphen = '\u2010';

    // Word endings that only occur as the tail of a split word; "-ment" after a break is never a compound.
    private static readonly string[] Suffixes =
    [
        "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ness", "ity", "ities", "ies", "ed", "ly",
        "al", "als", "ance", "ence", "ship", "ships", "able", "ible", "ure", "ures", "ive", "ives", "ous", "ism", "ist",
        "ists", "ation", "ations", "ization", "isation", "er", "ers", "or", "ors", "ant", "ants", "ent", "ents", "ty",
    ];

    // Built at the first line-end hyphen: many brochures (and most of ReportLab's or Chromium's) never break a word,
    // and indexing every word of 300 pages costs more than the rest of the joining.
    private readonly Lazy<HashSet<string>> _vocabulary;
    private readonly WordList? _words;

    /// <param name="vocabulary">Words printed whole somewhere in the document, to tell "co-operation" from "coop-eration";
    /// read at the first line-end hyphen, not here, so it must still enumerate the same words then.</param>
    /// <param name="words">The languages' word lists; without them, only the document and a list of endings decide.</param>
    public Hyphenation(IEnumerable<string> vocabulary, WordList? words = null)
    {
        _vocabulary = new(() => new HashSet<string>(vocabulary, StringComparer.OrdinalIgnoreCase));
        _words = words;
    }

    public static Hyphenation None { get; } = new([]);

    /// <summary>Words of the given lines, except the last of each, which may be half of a hyphen-split word.</summary>
    public static IEnumerable<string> WordsOf(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length - 1; i++)
            {
                var word = Bare(words[i]);
                if (word.Length > 2) yield return word;
            }
        }
    }

    public string Join(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (text.Length == 0) { text.Append(line); continue; }
            var last = text[^1];
            if (last is SoftHyphen or BreakHyphen)
            {
                text.Length--;
                text.Append(line);
            }
            else if (last is '-' or '\u2011' && text.Length > 1 && char.IsLetter(text[^2]))
            {
                var head = LastWord(text);
                var tail = line.Split(' ', 2)[0];
                if (KeepsHyphen(head[..^1], tail)) text.Append(line);
                else { text.Length--; text.Append(line); }
            }
            else
            {
                text.Append(' ').Append(line);
            }
        }
        // A soft hyphen inside a line is invisible.
        return TextNormalizer.Normalize(text.ToString().Replace(SoftHyphen.ToString(), "", StringComparison.Ordinal));
    }

    /// <summary>Whether "head-⏎tail" is a compound that keeps its hyphen.</summary>
    public bool KeepsHyphen(string head, string tail)
    {
        var bareTail = Bare(tail);
        if (bareTail.Length == 0) return true;
        // "Timor-⏎Leste", "COVID-⏎19", "post-⏎COVID": a capital or digit after the break is a name, not a syllable.
        var bareHead = Bare(head);
        // In a line set in capitals ("EUROPE ORIENTALE ET ASIE CEN-⏎TRALE") a capital says nothing: the words decide.
        var capitals = bareHead.Length > 1 && bareHead.All(c => !char.IsLetter(c) || char.IsUpper(c)) && bareTail.All(c => !char.IsLetter(c) || char.IsUpper(c));
        if (capitals && _words is not null && _words.Contains((bareHead + bareTail).ToLowerInvariant())) return false;
        if (char.IsUpper(bareTail[0]) || char.IsDigit(bareTail[0])) return true;
        // An acronym before the hyphen makes a compound: "SIDS-⏎to-SIDS", "ILO-⏎led".
        if (!capitals && bareHead.Length >= 2 && bareHead.All(c => !char.IsLetter(c) || char.IsUpper(c))) return true;
        if (_vocabulary.Value.Contains(bareHead + "-" + bareTail)) return true;
        if (_vocabulary.Value.Contains(bareHead + bareTail)) return false;
        if (Suffixes.Contains(bareTail.ToLowerInvariant())) return false;
        if (_words is null) return true;
        // "af-⏎fairs", "pi-⏎lotes": the joined word is a word. "decision-⏎making": two words and no joined one.
        // Anything else is a word cut at a syllable ("interré-⏎gional"), as typesetters break words.
        if (_words.Contains(bareHead + bareTail)) return false;
        return _words.Contains(bareHead) && _words.Contains(bareTail);
    }

    private static string LastWord(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i > 0 && text[i - 1] != ' ') i--;
        return text.ToString(i, text.Length - i);
    }

    private static string Bare(string word) => word.Trim(['.', ',', ';', ':', '(', ')', '"', '\'', '“', '”', '‘', '’', '!', '?']);
}
