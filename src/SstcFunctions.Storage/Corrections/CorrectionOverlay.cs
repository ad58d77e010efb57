using System.Text.Json;
using System.Text.Json.Nodes;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage.Corrections;

/// <summary>How a correction found its card in the brochure's current extraction.</summary>
public static class MatchKinds
{
    /// <summary>A card has the correction's key (same folded title, same occurrence).</summary>
    public const string Exact = "exact";
    /// <summary>No card has the key; the most similar unclaimed card was clearly alike (docs/curation.md).</summary>
    public const string Similar = "similar";
    /// <summary>A card people added: it has no extracted card to find.</summary>
    public const string Added = "added";
    /// <summary>No card of the current extraction is this one: the correction is kept and reported.</summary>
    public const string None = "none";
}

/// <summary>Where one correction landed.</summary>
public sealed record CorrectionMatch(CardCorrection Correction, string? ProjectId, string Match, double? Similarity);

/// <summary>A brochure's served records: its extraction with the corrections laid over it, and where each landed.</summary>
public sealed record OverlaidBrochure(
    IReadOnlyList<ProjectRecord> Projects,
    IReadOnlyList<CorrectionMatch> Matches,
    IReadOnlyDictionary<string, string> CardKeys);

/// <summary>
/// Lays people's corrections over a brochure's extracted records. Pure and deterministic: the read model and the
/// ingestion's history note run the same matching, so what is served is what the history says.
/// </summary>
public static class CorrectionOverlay
{
    /// <summary>Added cards sort after every extracted card: ordinal 10 001, 10 002…</summary>
    public const int AddedOrdinalBase = 10_000;
    /// <summary>Below this <see cref="CardIdentity.Similarity"/> a card is not taken for the corrected one.</summary>
    public const double MinSimilarity = 0.5;
    /// <summary>The best candidate must beat the second by this much, or the match is ambiguous and not made.</summary>
    public const double MinMargin = 0.1;

    private static readonly HashSet<string> Fixed = new(StringComparer.Ordinal) { "id", "brochureId", "ordinal", "origin", "curation" };

    public static OverlaidBrochure Apply(string brochureId, IReadOnlyList<ProjectRecord> extracted, IReadOnlyList<CardCorrection> corrections)
    {
        var keys = CardIdentity.Keys(extracted);
        var cardKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < extracted.Count; i++) cardKeys.TryAdd(extracted[i].Id, keys[i]);

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) byKey.TryAdd(keys[i], i);
        var claimed = new CardCorrection?[extracted.Count];
        var matches = new List<CorrectionMatch>();
        var pending = new List<CardCorrection>();

        foreach (var correction in corrections.Where(c => c.Kind == CorrectionKinds.Corrected).OrderBy(c => c.CardKey, StringComparer.Ordinal))
        {
            if (byKey.TryGetValue(correction.CardKey, out var i) && claimed[i] is null)
            {
                claimed[i] = correction;
                matches.Add(new CorrectionMatch(correction, extracted[i].Id, MatchKinds.Exact, null));
            }
            else
            {
                pending.Add(correction);
            }
        }
        foreach (var correction in pending)
        {
            var scored = Enumerable.Range(0, extracted.Count)
                .Where(i => claimed[i] is null)
                .Select(i => (Index: i, Score: CardIdentity.Similarity(correction.AnchorTitle ?? "", correction.AnchorText ?? "", extracted[i])))
                .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
                .Take(2).ToList();
            if (scored.Count > 0 && scored[0].Score >= MinSimilarity && (scored.Count == 1 || scored[0].Score - scored[1].Score >= MinMargin))
            {
                claimed[scored[0].Index] = correction;
                matches.Add(new CorrectionMatch(correction, extracted[scored[0].Index].Id, MatchKinds.Similar, Math.Round(scored[0].Score, 3)));
            }
            else
            {
                matches.Add(new CorrectionMatch(correction, null, MatchKinds.None, scored.Count > 0 ? Math.Round(scored[0].Score, 3) : null));
            }
        }

        var projects = new List<ProjectRecord>(extracted.Count);
        for (var i = 0; i < extracted.Count; i++)
        {
            projects.Add(claimed[i] is { } correction ? Overlay(extracted[i], correction, ProjectOrigins.Corrected) : extracted[i]);
        }
        foreach (var added in corrections.Where(c => c.Kind == CorrectionKinds.Added).OrderBy(c => c.CardKey, StringComparer.Ordinal))
        {
            var record = Overlay(AddedBase(brochureId, added.CardKey), added, ProjectOrigins.Added);
            projects.Add(record);
            cardKeys.TryAdd(record.Id, added.CardKey);
            matches.Add(new CorrectionMatch(added, record.Id, MatchKinds.Added, null));
        }
        return new OverlaidBrochure(projects, matches, cardKeys);
    }

    /// <summary>The id of a card people added: the brochure id and the card key ("sstc-2020-2021-added-001").</summary>
    public static string AddedProjectId(string brochureId, string cardKey) => brochureId + "-" + cardKey;

    private static ProjectRecord AddedBase(string brochureId, string cardKey) => new()
    {
        Id = AddedProjectId(brochureId, cardKey),
        BrochureId = brochureId,
        Ordinal = AddedOrdinalBase + CorrectionStore.AddedNumber(cardKey),
        Title = "",
        Description = "",
        Page = 0,
        Bounds = new CardBounds(0, 0, 0, 0),
        Confidence = 1,
    };

    /// <summary>The record with the correction's fields replacing the extracted ones, and its curation facts.</summary>
    public static ProjectRecord Overlay(ProjectRecord extracted, CardCorrection correction, string origin)
    {
        var fields = correction.Fields.Where(f => !Fixed.Contains(f.Key)).ToList();
        var record = extracted;
        if (fields.Count > 0)
        {
            var node = JsonSerializer.SerializeToNode(extracted, RecordJson.Options)!.AsObject();
            foreach (var (name, value) in fields) node[name] = value?.DeepClone();
            record = node.Deserialize<ProjectRecord>(RecordJson.Options)!;
        }
        var corrected = fields.Select(f => f.Key).Where(k => k != "countryNames").ToList();
        return record with
        {
            Id = extracted.Id,
            BrochureId = extracted.BrochureId,
            Ordinal = extracted.Ordinal,
            Origin = origin == ProjectOrigins.Added ? origin : corrected.Count > 0 ? ProjectOrigins.Corrected : ProjectOrigins.Extracted,
            Curation = new ProjectCuration
            {
                CardKey = correction.CardKey,
                CorrectedFields = corrected,
                Withdrawn = correction.Withdrawn,
                ReviewedAt = correction.ReviewedAt,
                ReviewedBy = correction.ReviewedBy,
                UpdatedAt = correction.UpdatedAt,
                UpdatedBy = correction.UpdatedBy,
            },
        };
    }
}
