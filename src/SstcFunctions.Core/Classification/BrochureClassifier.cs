using System.Globalization;
using System.Text.RegularExpressions;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>
/// Brochure-level facts from the front matter (cover, introduction): title, biennium and the counts
/// the brochure claims, checked against the cards actually found.
/// </summary>
public sealed partial class BrochureClassifier
{
    public static BrochureClassifier Default { get; } = new();

    // A cover title is a few short lines; anything longer is the introduction.
    private const int MaxTitleWords = 16;
    private const int MaxTitleLines = 4;

    // Kept in capitals when an all-caps title is given back its case.
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "ILO", "SSTC", "SSC", "ITC", "UN", "UNDP", "SDG", "SDGS", "BRICS", "IBSA", "COVID", "OSH", "TVET", "SIDS", "ITCILO", "PARDEV", "II", "III",
    };

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with",
    };

    /// <summary>The language most of the brochure is in: its front matter and cards read as one text; English when nothing decides.</summary>
    public string Language(BrochureLayout layout)
    {
        var text = string.Join("\n", layout.FrontMatterText.Concat(layout.Cards.SelectMany(c => new[] { c.Title, c.Description })));
        return LanguageDetector.Default.Detect(text)?.Language ?? ClassificationLanguages.English;
    }

    public (BrochureRecord Brochure, IReadOnlyList<string> Warnings) Describe(BrochureLayout layout, string brochureId)
    {
        var text = string.Join("\n", layout.FrontMatterText);
        var stated = StatedProjectCount(text);
        var warnings = new List<string>();
        if (stated is { } count && count != layout.Cards.Count)
        {
            warnings.Add($"The brochure states {count} projects but {layout.Cards.Count} project cards were found.");
        }

        var brochure = new BrochureRecord
        {
            Id = brochureId,
            Title = Title(layout.FrontMatterText),
            Language = Language(layout),
            Biennium = Biennium(text),
            StatedProjectCount = stated,
            StatedCountryCount = StatedCountryCount(text),
            PageCount = layout.PageCount,
            ProjectCount = layout.Cards.Count,
        };
        return (brochure, warnings);
    }

    /// <summary>The cover title: the first short lines of the front matter, in its case restored if printed in capitals.</summary>
    internal static string? Title(IReadOnlyList<string> frontMatter)
    {
        // A contents page comes before the text when there is no cover; its heading is not the brochure's title.
        var first = frontMatter.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t) && !IsContentsPage(t));
        if (first is null) return null;
        var lines = first.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Any(char.IsLetter))
            .ToList();
        if (lines.Count == 0) return null;

        var titleLines = new List<string>();
        var words = 0;
        foreach (var line in lines.Take(MaxTitleLines))
        {
            var lineWords = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (titleLines.Count > 0 && (words + lineWords > MaxTitleWords || !ContinuesTitle(titleLines[^1], line))) break;
            titleLines.Add(line);
            words += lineWords;
            // A sentence is the introduction, not the title.
            if (line.EndsWith('.') || words > MaxTitleWords) break;
        }
        var title = WhitespaceRun().Replace(string.Join(' ', titleLines), " ").Trim();
        if (title.Length == 0 || words > MaxTitleWords) return null;
        return IsCapitals(title) ? RestoreCase(title) : title;
    }

    private static bool IsContentsPage(string text)
    {
        var firstLine = text.TrimStart().Split('\n', 2)[0].Trim().TrimEnd(':').ToLowerInvariant();
        return firstLine is "contents" or "table of contents" or "content" or "index" or "summary";
    }

    /// <summary>"2020-2021" from "the 2020-2021 biennium", "2022–23" or "2024/25"; null when no biennium is stated.</summary>
    internal static string? Biennium(string text)
    {
        string? firstPlausible = null;
        foreach (Match match in BienniumPattern().Matches(text))
        {
            var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
            var endText = match.Groups["end"].Value;
            var end = endText.Length == 2 ? start / 100 * 100 + int.Parse(endText, CultureInfo.InvariantCulture) : int.Parse(endText, CultureInfo.InvariantCulture);
            if (end != start + 1) continue;
            var biennium = $"{start}-{end}";
            if (match.Groups["named"].Success) return biennium;
            firstPlausible ??= biennium;
        }
        return firstPlausible;
    }

    /// <summary>"launching 23  South-South and Triangular Cooperation projects" → 23.</summary>
    internal static int? StatedProjectCount(string text) => FirstCount(ProjectCountPattern(), text);

    /// <summary>"The SSTC projects cover 75 countries" → 75.</summary>
    internal static int? StatedCountryCount(string text) => FirstCount(CountryCountPattern(), text);

    private static int? FirstCount(Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var value = ParseNumber(match.Groups["n"].Value);
            // Years ("2021 projects portfolio") are not counts.
            if (value is > 0 and < 1900) return value;
        }
        return null;
    }

    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>"23", "twenty-three", "Twelve" → the number; covers what a cover states in words (below one hundred).</summary>
    private static int ParseNumber(string number)
    {
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var digits)) return digits;
        var total = 0;
        foreach (var word in number.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var unit = Array.IndexOf(Units, word);
            total += unit >= 0 ? unit : Array.IndexOf(Tens, word) * 10;
        }
        return total;
    }

    // The next line still belongs to the title when both are set in capitals, or when it is a short
    // phrase without sentence punctuation ("Field Notes 2024-2025" under "South-South Cooperation").
    private static bool ContinuesTitle(string previous, string line) =>
        (IsCapitals(previous) && IsCapitals(line))
        || (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxSubtitleWords && !line.Any(c => c is '.' or ',' or ';'));

    private const int MaxSubtitleWords = 6;

    private static bool IsCapitals(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static string RestoreCase(string title)
    {
        var words = title.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            // "SOUTH-SOUTH" → "South-South": each dash-separated part is a word of its own.
            var parts = words[i].Split('-');
            for (var p = 0; p < parts.Length; p++) parts[p] = RestoreWord(parts[p], first: i == 0 && p == 0);
            words[i] = string.Join('-', parts);
        }
        return string.Join(' ', words);
    }

    private static string RestoreWord(string word, bool first)
    {
        var letters = new string(word.Where(char.IsLetter).ToArray());
        if (letters.Length == 0) return word;
        if (Acronyms.Contains(letters)) return letters.Equals("SDGS", StringComparison.OrdinalIgnoreCase) ? word.Replace("SDGS", "SDGs") : word;
        var lower = word.ToLowerInvariant();
        if (!first && MinorWords.Contains(letters)) return lower;
        var index = lower.IndexOf(letters[0].ToString(), StringComparison.OrdinalIgnoreCase);
        return lower[..index] + char.ToUpperInvariant(lower[index]) + lower[(index + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    // "biennium 2020-2021", "bienio 2020-2021", "période biennale 2020-2021", "2020-2021 biennium".
    [GeneratedRegex(@"(?<named>(?:biennium|bienio|biennat|p[ée]riode\s+biennale|exercice\s+biennal)\s+)?\b(?<start>(?:19|20)\d{2})\s*[-–—/]\s*(?<end>(?:19|20)\d{2}|\d{2})\b(?:\s+biennium\b(?<named>))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BienniumPattern();

    private const string Number =
        @"(?<n>\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
        + @"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        // "one of the countries" is not a count.
        + @"(?!\s+of\b)";

    // The number, then up to six words (no punctuation, so never across a sentence), then "projects" (or "proyectos",
    // "projets": Spanish and French editions state their counts in digits).
    [GeneratedRegex(@"\b" + Number + @"\s+(?:[\p{L}\-–’']+\s+){0,6}?(?:projects|initiatives|proyectos|iniciativas|projets)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProjectCountPattern();

    [GeneratedRegex(@"\b" + Number + @"\s+(?:[\p{L}\-–’']+\s+){0,3}?(?:countries|pa[ií]ses|pays)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountryCountPattern();
}
