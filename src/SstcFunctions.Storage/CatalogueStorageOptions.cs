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
    /// <summary>How stale the in-memory catalogue may get before a reader triggers a (background) version check.</summary>
    public TimeSpan VersionCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
