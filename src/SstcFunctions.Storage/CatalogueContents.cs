using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Everything the catalogue serves, as of one catalogue version: projects in (brochure, ordinal) order.</summary>
public sealed record CatalogueContents(string Version, IReadOnlyList<BrochureStatus> Brochures, IReadOnlyList<ProjectRecord> Projects)
{
    /// <summary>Brochure id → the generation loaded and its records: what the next incremental load may reuse.</summary>
    internal IReadOnlyDictionary<string, LoadedGeneration> Generations { get; init; } = new Dictionary<string, LoadedGeneration>();

    internal sealed record LoadedGeneration(string Generation, IReadOnlyList<ProjectRecord> Projects);
}
