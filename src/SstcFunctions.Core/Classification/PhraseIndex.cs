namespace SstcFunctions.Core.Classification;

/// <summary>Where a phrase of a <see cref="PhraseIndex{T}"/> occurred: its payloads and the token span.</summary>
internal readonly record struct PhraseHit<T>(string Phrase, IReadOnlyList<T> Payloads, int FirstToken, int TokenCount);

/// <summary>
/// Finds many phrases in folded text in one pass, longest phrase first and never overlapping, so a
/// data file can hold hundreds of phrases without a regex per phrase. Phrase syntax: words are folded
/// like the text; a word ending in "*" matches any word it begins ("fellowship*" = fellowships);
/// a phrase starting with "=" counts only when printed in capitals ("=OSH", "=PES").
/// A phrase with no payload is neutral: it only stops its words from counting for shorter phrases.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private const int PrefixBucket = 3;

    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>> _byFirstPrefix = new(StringComparer.Ordinal);
    // Looks up a token's first letters without allocating a substring per token.
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _byFirstPrefixSpan;

    public PhraseIndex() => _byFirstPrefixSpan = _byFirstPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, Phrase> _byPattern = new(StringComparer.Ordinal);

    public void Add(string pattern, T? payload)
    {
        if (!_byPattern.TryGetValue(pattern, out var phrase))
        {
            phrase = Parse(pattern);
            _byPattern[pattern] = phrase;
            var first = phrase.Words[0];
            if (first.IsPrefix) Bucket(_byFirstPrefix, first.Text[..PrefixBucket]).Add(phrase);
            else Bucket(_byFirstWord, first.Text).Add(phrase);
        }
        if (payload is not null && !phrase.Payloads.Contains(payload)) phrase.Payloads.Add(payload);
    }

    public IEnumerable<string> Patterns => _byPattern.Keys;

    public List<PhraseHit<T>> Find(string text, List<FoldedToken> tokens)
    {
        var hits = new List<PhraseHit<T>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var best = LongestAt(text, tokens, i);
            if (best is null)
            {
                i++;
                continue;
            }
            if (best.Payloads.Count > 0) hits.Add(new PhraseHit<T>(best.Pattern, best.Payloads, i, best.Words.Length));
            i += best.Words.Length;
        }
        return hits;
    }

    private Phrase? LongestAt(string text, List<FoldedToken> tokens, int start)
    {
        Phrase? best = null;
        var word = tokens[start].Text;
        if (_byFirstWord.TryGetValue(word, out var exact)) best = Longest(best, exact, text, tokens, start);
        if (word.Length >= PrefixBucket && _byFirstPrefixSpan.TryGetValue(word.AsSpan(0, PrefixBucket), out var prefixed))
            best = Longest(best, prefixed, text, tokens, start);
        return best;
    }

    private static Phrase? Longest(Phrase? best, List<Phrase> candidates, string text, List<FoldedToken> tokens, int start)
    {
        foreach (var candidate in candidates)
        {
            if (best is not null && candidate.Words.Length <= best.Words.Length) continue;
            if (Matches(candidate, text, tokens, start)) best = candidate;
        }
        return best;
    }

    private static bool Matches(Phrase phrase, string text, List<FoldedToken> tokens, int start)
    {
        if (start + phrase.Words.Length > tokens.Count) return false;
        for (var w = 0; w < phrase.Words.Length; w++)
        {
            var word = phrase.Words[w];
            var token = tokens[start + w].Text;
            if (word.IsPrefix ? !token.StartsWith(word.Text, StringComparison.Ordinal) : token != word.Text) return false;
        }
        if (!phrase.CapitalsOnly) return true;
        var printed = text.AsSpan(tokens[start].Start, tokens[start + phrase.Words.Length - 1].End - tokens[start].Start);
        foreach (var c in printed) if (char.IsLower(c)) return false;
        return true;
    }

    private static Phrase Parse(string pattern)
    {
        var capitalsOnly = pattern.StartsWith('=');
        var body = capitalsOnly ? pattern[1..] : pattern;
        var words = new List<PhraseWord>();
        foreach (var part in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var isPrefix = part.EndsWith('*');
            var folded = FoldedText.Tokenize(isPrefix ? part[..^1] : part).Select(t => new PhraseWord(t.Text, false)).ToList();
            if (folded.Count == 0) throw new InvalidDataException($"Phrase '{pattern}' has an empty word.");
            if (isPrefix)
            {
                if (folded[^1].Text.Length < PrefixBucket) throw new InvalidDataException($"Phrase '{pattern}': a wildcard word needs {PrefixBucket} letters.");
                folded[^1] = folded[^1] with { IsPrefix = true };
            }
            words.AddRange(folded);
        }
        if (words.Count == 0) throw new InvalidDataException($"Phrase '{pattern}' has no words.");
        return new Phrase(pattern, [.. words], capitalsOnly, []);
    }

    private static List<Phrase> Bucket(Dictionary<string, List<Phrase>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
        return list;
    }

    private sealed record PhraseWord(string Text, bool IsPrefix);

    private sealed record Phrase(string Pattern, PhraseWord[] Words, bool CapitalsOnly, List<T> Payloads);
}
