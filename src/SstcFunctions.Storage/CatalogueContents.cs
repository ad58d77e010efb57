using SstcFunctions.Core.Records;

namespace SstcFunctions.Storage;

/// <summary>Everything the catalogue serves, as of one catalogue version: projects in (brochure, ordinal) order.</summary>
public sealed record CatalogueContents(string Version, IReadOnlyList<BrochureStatus> Brochures, IReadOnlyList<ProjectRecord> Projects);
