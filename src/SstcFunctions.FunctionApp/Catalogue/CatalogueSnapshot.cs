using System.Collections.Concurrent;
using System.Text.Json;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// The whole catalogue of one version, held in memory and laid out for answering queries: projects in the stable
/// (brochure, ordinal) order, each with its folded search text and (once served) its JSON, both computed at most once per record.
/// </summary>
public sealed class CatalogueSnapshot
{
    // Responses computed from this snapshot, by request: hot reads become a lookup. Bounded by entries and bytes
    // (emptied when full), and dropped with the snapshot, so memory does not grow with queries or ingestions.
    internal const int MaxCachedResponses = 256;
    internal const long MaxCachedBytes = 32L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, BodyResult> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<BodyResult>> _computing = new(StringComparer.Ordinal);
    private long _cachedBytes;

    private readonly Entry[] _entries;
    private readonly Dictionary<string, int> _byId;
    // Printings of one project (ProjectPrintings): each entry's group, as the index of its first printing, and the
    // members of each group of more than one, in order. Linking compares every project with the others, so it is
    // computed on first use (a project by id, distinct=true), not on every reload: a reload after one ingestion or
    // delete costs work for that brochure, plus this once per snapshot only if a reader asks for it.
    private readonly Lazy<PrintingGroups> _printingGroups;

    private sealed record PrintingGroups(int[] Group, Dictionary<int, int[]> Members);

    public CatalogueSnapshot(CatalogueContents contents, CatalogueSnapshot? previous = null)
    {
        Version = contents.Version;
        Contents = contents;
        // An incremental load hands back the very record objects of brochures that did not change: their folded text
        // and JSON are taken over instead of computed again. The previous snapshot is not referenced afterwards.
        Dictionary<ProjectRecord, Entry>? reusable = null;
        if (previous is not null)
        {
            reusable = new Dictionary<ProjectRecord, Entry>(previous._entries.Length, ReferenceEqualityComparer.Instance);
            foreach (var entry in previous._entries) reusable.TryAdd(entry.Project, entry);
        }
        var ordered = contents.Projects.OrderBy(p => p.BrochureId, StringComparer.Ordinal).ThenBy(p => p.Ordinal).ToArray();
        _entries = new Entry[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var p = ordered[i];
            _entries[i] = reusable is not null && reusable.TryGetValue(p, out var known) ? known : new Entry(p);
        }
        _byId = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++) _byId.TryAdd(_entries[i].Project.Id, i);

        _printingGroups = new Lazy<PrintingGroups>(() => LinkPrintings(contents.Brochures), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private PrintingGroups LinkPrintings(IReadOnlyList<BrochureStatus> brochures)
    {
        var projects = _entries.Select(e => e.Project).ToList();
        var counts = projects.GroupBy(p => p.BrochureId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shapes = brochures
            .Where(b => counts.ContainsKey(b.Id))
            .ToDictionary(b => b.Id, b => new BrochureShape(b.Biennium, counts[b.Id]), StringComparer.Ordinal);
        var keys = ProjectPrintings.Link(projects, shapes);
        var group = new int[_entries.Length];
        for (var i = 0; i < _entries.Length; i++) group[i] = _byId[keys[_entries[i].Project.Id]];
        var members = new Dictionary<int, int[]>();
        foreach (var g in Enumerable.Range(0, _entries.Length).GroupBy(i => group[i]).Where(g => g.Count() > 1))
        {
            members[g.Key] = [.. g];
        }
        return new PrintingGroups(group, members);
    }

    /// <summary>
    /// Folds every project's search text on all cores (20,000 records: the largest CPU cost of a load after parsing),
    /// called in the background once the snapshot is served, so the first q= search finds it done.
    /// </summary>
    public void PrepareSearch() => Parallel.ForEach(_entries, entry => _ = entry.SearchText);

    /// <summary>The project key: the id of the project's first printing (its own id when printed once).</summary>
    public string ProjectKey(int index) => _entries[_printingGroups.Value.Group[index]].Project.Id;

    /// <summary>Every printing of the project, itself included, in (brochure, ordinal) order.</summary>
    public IReadOnlyList<int> Printings(int index) =>
        _printingGroups.Value is var groups && groups.Members.TryGetValue(groups.Group[index], out var members) ? members : [index];

    /// <summary>How many distinct projects the snapshot holds (printings of one project count once).</summary>
    public int DistinctCount => _entries.Length - _printingGroups.Value.Members.Values.Sum(m => m.Length - 1);

    /// <summary>Card keys and where every correction landed (docs/curation.md).</summary>
    public CurationIndex Curation { get; init; } = CurationIndex.Empty;

    /// <summary>What the snapshot was built from; handed back to the next load so unchanged brochures are not re-read.</summary>
    public CatalogueContents Contents { get; }

    public static CatalogueSnapshot Empty { get; } = new(new CatalogueContents("", [], []));

    /// <summary>The catalogue version stamp this snapshot reflects.</summary>
    public string Version { get; }

    public int Count => _entries.Length;

    public ProjectRecord Project(int index) => _entries[index].Project;

    /// <summary>The project's JSON in the record shape, serialized at most once per loaded record.</summary>
    public ReadOnlyMemory<byte> Json(int index) => _entries[index].Json;

    public int? IndexOf(string projectId) => _byId.TryGetValue(projectId, out var i) ? i : null;

    internal int CachedResponses => _responses.Count;

    /// <summary>
    /// The response for <paramref name="key"/> (a normalized request: same key, same body) computed once per
    /// snapshot. Responses with another status than 200 are not kept.
    /// </summary>
    public BodyResult Response(string key, Func<CatalogueSnapshot, BodyResult> compute)
    {
        if (_responses.TryGetValue(key, out var cached)) return cached;
        // Concurrent misses of one key share one computation: eight clients asking for the facets of a fresh snapshot
        // at once computed them eight times over on two cores, and each waited for all of them. The result is kept
        // before the computation is forgotten, so a request arriving in between finds one or the other.
        var computing = _computing.GetOrAdd(key, _ => new Lazy<BodyResult>(() => compute(this), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var result = computing.Value;
            Keep(key, result);
            return result;
        }
        finally
        {
            _computing.TryRemove(KeyValuePair.Create(key, computing));
        }
    }

    private void Keep(string key, BodyResult result)
    {
        if (result.StatusCode != 200 || result.Body.Length > MaxCachedBytes / 8) return;
        if (_responses.Count >= MaxCachedResponses || Interlocked.Read(ref _cachedBytes) + result.Body.Length > MaxCachedBytes)
        {
            // Full: start over rather than track recency on every hit (a hit stays a lock-free lookup).
            _responses.Clear();
            Interlocked.Exchange(ref _cachedBytes, 0);
        }
        if (_responses.TryAdd(key, result)) Interlocked.Add(ref _cachedBytes, result.Body.Length);
    }

    /// <summary>Indexes of matching projects in order, starting after <paramref name="after"/>.</summary>
    public IEnumerable<int> Match(ProjectFilter filter, ProjectPosition? after = null)
    {
        if (filter.Review) return MatchForReview(filter, after);
        return MatchInOrder(filter, after);
    }

    private IEnumerable<int> MatchInOrder(ProjectFilter filter, ProjectPosition? after)
    {
        var start = after is null ? 0 : FirstAfter(after);
        for (var i = start; i < _entries.Length; i++)
        {
            if (!Matches(_entries[i], filter)) continue;
            // distinct=true: a project once, as its first printing that matches (the filter may exclude the others).
            if (filter.Distinct && EarlierPrintingMatches(i, filter)) continue;
            yield return i;
        }
    }

    private bool EarlierPrintingMatches(int index, ProjectFilter filter)
    {
        var groups = _printingGroups.Value;
        if (!groups.Members.TryGetValue(groups.Group[index], out var members)) return false;
        foreach (var member in members)
        {
            if (member >= index) return false;
            if (Matches(_entries[member], filter)) return true;
        }
        return false;
    }

    private int FirstAfter(ProjectPosition after)
    {
        // Binary search on (brochure, ordinal): the position need not exist any more (its brochure may be gone).
        int lo = 0, hi = _entries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var p = _entries[mid].Project;
            var c = string.CompareOrdinal(p.BrochureId, after.BrochureId);
            if (c < 0 || (c == 0 && p.Ordinal <= after.Ordinal)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static bool Matches(Entry entry, ProjectFilter filter)
    {
        var p = entry.Project;
        // Withdrawn cards stay served by id (with their history) but are no longer part of the catalogue's answers.
        if (p.Curation is { Withdrawn: true }) return false;
        if (filter.Brochure is { } brochure && p.BrochureId != brochure) return false;
        if (filter.Language is { } language && !string.Equals(p.Language, language, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Region is { } region && !string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase)) return false;
        if (filter.Country is { } country && !Contains(p.Countries, country)) return false;
        if (filter.Topic is { } topic && !Contains(p.Topics, topic)) return false;
        if (filter.Activity is { } activity && !Contains(p.Activities, activity)) return false;
        if (filter.Modality is { } modality && !Contains(p.Modality, modality)) return false;
        if (filter.Outcome is { } outcome && !HasOutcome(p, outcome)) return false;
        foreach (var word in filter.Words)
        {
            if (!entry.SearchText.Contains(" " + word, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static bool HasOutcome(ProjectRecord project, string outcome)
    {
        if (project.Outcome is { } main && string.Equals(main.Id, outcome, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var other in project.Outcomes)
        {
            if (string.Equals(other.Id, outcome, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool Contains(IReadOnlyList<string> values, string wanted)
    {
        foreach (var value in values)
        {
            if (string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Why and how much the project at <paramref name="index"/> needs review.</summary>
    public ReviewAssessment Review(int index) => ReviewOrder().Assessments[index];

    private volatile ReviewQueue? _review;

    private sealed record ReviewQueue(int[] Order, ReviewAssessment[] Assessments);

    /// <summary>Cards needing review, most needed first (then the stable order); computed once per snapshot.</summary>
    private ReviewQueue ReviewOrder()
    {
        if (_review is { } known) return known;
        var brochures = Contents.Brochures.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var assessments = _entries.Select(e => ReviewAssessment.Of(e.Project, brochures.GetValueOrDefault(e.Project.BrochureId))).ToArray();
        var order = Enumerable.Range(0, _entries.Length).Where(i => assessments[i].Needed)
            .OrderByDescending(i => assessments[i].Score).ThenBy(i => i).ToArray();
        return _review = new ReviewQueue(order, assessments);
    }

    private IEnumerable<int> MatchForReview(ProjectFilter filter, ProjectPosition? after)
    {
        var order = ReviewOrder().Order;
        var start = 0;
        if (after is not null)
        {
            // Continue after the last card served; if it left the queue meanwhile (reviewed), start again from the top.
            var at = Array.FindIndex(order, i => _entries[i].Project.BrochureId == after.BrochureId && _entries[i].Project.Ordinal == after.Ordinal);
            start = at + 1;
        }
        for (var k = start; k < order.Length; k++)
        {
            if (Matches(_entries[order[k]], filter)) yield return order[k];
        }
    }

    private sealed class Entry(ProjectRecord project)
    {
        private byte[]? _json;
        private string? _searchText;

        public ProjectRecord Project { get; } = project;

        // Folded on first use or by PrepareSearch, whichever comes first: not on the way to a cold instance's first answer.
        public string SearchText => _searchText ??= Catalogue.SearchText.Fold(Project.Title + " " + Project.Description);

        // Serialized when first served, not when loaded: a cold start answers its first page after serializing that
        // page's records, not all 20,000, and records nobody asks for take no room. Two readers racing both
        // serialize the same record to the same bytes; either copy is kept.
        public byte[] Json => _json ??= JsonSerializer.SerializeToUtf8Bytes(Project, RecordJson.Options);
    }
}
