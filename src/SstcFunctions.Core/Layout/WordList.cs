using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SstcFunctions.Core.Layout;

/// <summary>
/// Whether a string is a word of English, Spanish or French, from Hunspell dictionaries (Dictionaries/, see its
/// README): a stem of the dictionary, or a stem with one of the prefix or suffix rules its flags allow. Enough of
/// Hunspell for de-hyphenation; compounding and two-level affixes are left out. Each language loads on first use.
/// </summary>
public sealed class WordList
{
    public static WordList Default { get; } = new(["en", "es", "fr"]);

    private static readonly ConcurrentDictionary<string, WordList> OneLanguage = new(StringComparer.Ordinal);

    /// <summary>
    /// The word list of one language when the document's language is known (and shipped), else every list. One
    /// language keeps a brochure's extraction from loading three dictionaries for fragments no language knows.
    /// </summary>
    public static WordList For(string? language) =>
        language is "en" or "es" or "fr" ? OneLanguage.GetOrAdd(language, l => new WordList([l])) : Default;

    private readonly string[] _languages;
    private readonly ConcurrentDictionary<string, Lazy<Dictionary>> _loaded = new();

    public WordList(IReadOnlyList<string> languages) => _languages = languages.ToArray();

    public bool Contains(string word)
    {
        if (word.Length == 0) return false;
        foreach (var language in _languages)
        {
            var dictionary = _loaded.GetOrAdd(language, l => new Lazy<Dictionary>(() => Dictionary.Load(l))).Value;
            if (dictionary.Check(word) || dictionary.Check(word.ToLowerInvariant())) return true;
        }
        return false;
    }

    private sealed class Dictionary
    {
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly List<Affix> _suffixes = [];
        private readonly List<Affix> _prefixes = [];
        private readonly Dictionary<string, Regex> _conditions = new(StringComparer.Ordinal);
        private string _flagKind = "char";

        public static Dictionary Load(string language)
        {
            var dictionary = new Dictionary();
            foreach (var line in Lines($"{language}.aff.gz")) dictionary.ReadAffix(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var first = true;
            foreach (var line in Lines($"{language}.dic.gz"))
            {
                if (first) { first = false; continue; }
                var slash = line.IndexOf('/');
                var word = slash < 0 ? line : line[..slash];
                var flags = slash < 0 ? "" : line[(slash + 1)..];
                dictionary._stems[word] = dictionary._stems.TryGetValue(word, out var other) ? other + flags : flags;
            }
            return dictionary;
        }

        public bool Check(string word)
        {
            if (_stems.ContainsKey(word)) return true;
            foreach (var affix in _suffixes)
            {
                if (!word.EndsWith(affix.Add, StringComparison.Ordinal) || word.Length <= affix.Add.Length) continue;
                var stem = word[..^affix.Add.Length] + affix.Strip;
                if (affix.Condition.IsMatch(stem) && HasFlag(stem, affix.Flag)) return true;
            }
            foreach (var affix in _prefixes)
            {
                if (!word.StartsWith(affix.Add, StringComparison.Ordinal) || word.Length <= affix.Add.Length) continue;
                var stem = affix.Strip + word[affix.Add.Length..];
                if (affix.Condition.IsMatch(stem) && HasFlag(stem, affix.Flag)) return true;
            }
            return false;
        }

        private bool HasFlag(string stem, string flag) =>
            _stems.TryGetValue(stem, out var flags) && Flags(flags).Contains(flag);

        private IEnumerable<string> Flags(string flags) => _flagKind switch
        {
            "long" => Enumerable.Range(0, flags.Length / 2).Select(i => flags.Substring(2 * i, 2)),
            "num" => flags.Split(',', StringSplitOptions.RemoveEmptyEntries),
            _ => flags.Select(c => c.ToString()),
        };

        private void ReadAffix(string[] fields)
        {
            if (fields is ["FLAG", var kind, ..]) { _flagKind = kind.ToLowerInvariant() == "utf-8" ? "char" : kind.ToLowerInvariant(); return; }
            if (fields.Length < 5 || fields[0] is not ("SFX" or "PFX")) return;
            // "SFX A Y 1" is a group's header; "SFX A 0 ed [^y]" a rule: flag, strip, add(/continuation), condition.
            var add = fields[3].Split('/')[0];
            var strip = fields[2] == "0" ? "" : fields[2];
            if (add == "0") add = "";
            var suffix = fields[0] == "SFX";
            var pattern = fields[4] == "." ? "" : fields[4];
            var key = suffix ? pattern + "$" : "^" + pattern;
            if (!_conditions.TryGetValue(key, out var condition)) _conditions[key] = condition = new Regex(key, RegexOptions.CultureInvariant);
            (suffix ? _suffixes : _prefixes).Add(new Affix(fields[1], strip, add, condition));
        }

        private static IEnumerable<string> Lines(string name)
        {
            using var stream = typeof(WordList).Assembly.GetManifestResourceStream("SstcFunctions.Core.Dictionaries." + name)
                ?? throw new InvalidOperationException($"Embedded word list {name} is missing.");
            using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
            while (reader.ReadLine() is { } line) yield return line;
        }

        private sealed record Affix(string Flag, string Strip, string Add, Regex Condition);
    }
}
