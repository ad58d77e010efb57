namespace SstcFunctions.Storage;

/// <summary>Where the catalogue lives ("Catalog" configuration section). Defaults suit one app per storage account.</summary>
public sealed record CatalogueStorageOptions
{
    public string BrochuresTable { get; init; } = "brochures";
    public string ProjectsTable { get; init; } = "projects";
    /// <summary>People's corrections and their history, kept apart from extracted data (docs/curation.md).</summary>
    public string CorrectionsTable { get; init; } = "corrections";
    /// <summary>The container the blob trigger watches; POST /api/brochures writes here.</summary>
    public string BrochureContainer { get; init; } = "brochures";
    /// <summary>
    /// Where each committed generation's records are kept as one compressed blob, so a cold start or a reload reads a
    /// brochure in one GET (docs/storage.md). Default: the brochure container's name + "-snapshots".
    /// </summary>
    public string? SnapshotContainer { get; init; }
    public string SnapshotContainerName => SnapshotContainer ?? BrochureContainer + "-snapshots";
    /// <summary>How stale the in-memory catalogue may get before a reader triggers a (background) version check.</summary>
    public TimeSpan VersionCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
