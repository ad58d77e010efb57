using System.Runtime.CompilerServices;
using SstcFunctions.Core.Records;
using SstcFunctions.Storage;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp.Curation;

/// <summary>One correction and where it landed, as GET /api/corrections lists it.</summary>
public sealed record CorrectionSummary(string BrochureId, string CardKey, string Kind, string Match, string? ProjectId, double? Similarity,
    string? AnchorTitle, IReadOnlyList<string> CorrectedFields, bool Withdrawn, DateTimeOffset? ReviewedAt, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>The curation side of a snapshot: each project's card key and where every correction landed.</summary>
public sealed class CurationIndex
{
    public static CurationIndex Empty { get; } = new(new Dictionary<string, string>(), []);

    public CurationIndex(IReadOnlyDictionary<string, string> cardKeys, IReadOnlyList<CorrectionSummary> corrections)
    {
        CardKeys = cardKeys;
        Corrections = corrections;
    }

    /// <summary>Project id → card key (docs/curation.md), for every served project.</summary>
    public IReadOnlyDictionary<string, string> CardKeys { get; }

    public IReadOnlyList<CorrectionSummary> Corrections { get; }

    public IReadOnlyList<UnmatchedCorrection> Unmatched(string brochureId) =>
        Corrections.Where(c => c.BrochureId == brochureId && c.Match == MatchKinds.None)
            .Select(c => new UnmatchedCorrection(c.CardKey, c.AnchorTitle, c.CorrectedFields, c.Withdrawn, c.UpdatedAt, c.UpdatedBy, c.Similarity))
            .ToList();

    /// <summary>
    /// Lays every correction over the loaded catalogue. A brochure without a current extraction (deleted, failed) keeps
    /// its corrections, all reported unmatched, until a version of it is ingested again.
    /// </summary>
    public static (CatalogueContents Contents, CurationIndex Index) Apply(CatalogueContents contents, IReadOnlyList<CardCorrection> corrections)
    {
        var byBrochure = corrections.GroupBy(c => c.BrochureId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<CardCorrection>)g.ToList(), StringComparer.Ordinal);
        var projects = new List<ProjectRecord>(contents.Projects.Count);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var summaries = new List<CorrectionSummary>();
        var groups = contents.Projects.GroupBy(p => p.BrochureId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        // Card keys fold every title: after parsing, the main CPU of a cold load of 20,000 records. Brochures are
        // independent, so the uncorrected ones are keyed on all cores first (the loop below then finds them known).
        Parallel.ForEach(groups.Where(g => !byBrochure.ContainsKey(g[0].BrochureId)), g => PlainKeys(g));
        foreach (var group in groups)
        {
            var brochureId = group[0].BrochureId;
            Overlay(brochureId, group, byBrochure.GetValueOrDefault(brochureId) ?? [], projects, keys, summaries);
            byBrochure.Remove(brochureId);
        }
        // Brochures with no cards now (deleted, or a new version failed): nothing of theirs is served, added cards
        // included; their corrections wait, reported, for a version that has cards again.
        foreach (var c in byBrochure.Values.SelectMany(l => l))
        {
            summaries.Add(new CorrectionSummary(c.BrochureId, c.CardKey, c.Kind, MatchKinds.None, null, null, c.AnchorTitle,
                Fields(c), c.Withdrawn, c.ReviewedAt, c.UpdatedAt, c.UpdatedBy));
        }
        return (contents with { Projects = projects }, new CurationIndex(keys, summaries));
    }

    private static void Overlay(string brochureId, IReadOnlyList<ProjectRecord> extracted, IReadOnlyList<CardCorrection> corrections,
        List<ProjectRecord> projects, Dictionary<string, string> keys, List<CorrectionSummary> summaries)
    {
        if (corrections.Count == 0)
        {
            projects.AddRange(extracted);
            var plain = PlainKeys(extracted);
            for (var i = 0; i < extracted.Count; i++) keys.TryAdd(extracted[i].Id, plain[i]);
            return;
        }
        var overlaid = CorrectionOverlay.Apply(brochureId, extracted, corrections);
        projects.AddRange(overlaid.Projects);
        foreach (var (id, key) in overlaid.CardKeys) keys.TryAdd(id, key);
        foreach (var match in overlaid.Matches)
        {
            var c = match.Correction;
            summaries.Add(new CorrectionSummary(brochureId, c.CardKey, c.Kind, match.Match, match.ProjectId, match.Similarity, c.AnchorTitle,
                Fields(c), c.Withdrawn, c.ReviewedAt, c.UpdatedAt, c.UpdatedBy));
        }
        // A similar match serves the card under the correction's key, so its history is found from the project.
        foreach (var match in overlaid.Matches.Where(m => m.ProjectId is not null)) keys[match.ProjectId!] = match.Correction.CardKey;
    }

    // Card keys of uncorrected generations, by the generation's first record: a reload hands back the very record objects
    // of brochures that did not change, so their keys are not folded again on every reload (entries go with the records).
    private static readonly ConditionalWeakTable<ProjectRecord, KeyedGeneration> KnownKeys = new();

    private sealed record KeyedGeneration(ProjectRecord[] Records, IReadOnlyList<string> Keys);

    private static IReadOnlyList<string> PlainKeys(IReadOnlyList<ProjectRecord> extracted)
    {
        if (extracted.Count == 0) return [];
        if (KnownKeys.TryGetValue(extracted[0], out var known) && known.Records.Length == extracted.Count
            && known.Records.Select((r, i) => ReferenceEquals(r, extracted[i])).All(same => same))
        {
            return known.Keys;
        }
        var keys = CardIdentity.Keys(extracted);
        KnownKeys.AddOrUpdate(extracted[0], new KeyedGeneration([.. extracted], keys));
        return keys;
    }

    private static IReadOnlyList<string> Fields(CardCorrection c) => c.Fields.Select(f => f.Key).Where(k => k != "countryNames").ToList();
}
