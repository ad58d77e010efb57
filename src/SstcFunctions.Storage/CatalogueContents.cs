using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Everything the catalogue serves, as of one catalogue version: projects in (brochure, ordinal) order.</summary>
public sealed record CatalogueContents(string Version, IReadOnlyList<BrochureStatus> Brochures, IReadOnlyList<ProjectRecord> Projects)
{
    /// <summary>Brochure id → the generation loaded and its records: what the next incremental load may reuse.</summary>
    internal IReadOnlyDictionary<string, LoadedGeneration> Generations { get; init; } = new Dictionary<string, LoadedGeneration>();

    /// <summary>Brochures this load read from storage (the others were taken over from the previous load).</summary>
    public int BrochuresRead { get; init; }

    /// <summary>Compressed bytes of snapshot blobs this load read.</summary>
    public long SnapshotBytes { get; init; }

    /// <summary>Brochures this load had to read from the table (no sound snapshot blob).</summary>
    public int TableReads { get; init; }

    internal sealed record LoadedGeneration(string Generation, IReadOnlyList<ProjectRecord> Projects);
}
