using System.ComponentModel.DataAnnotations;

namespace SstcFunctions.Storage;

/// <summary>
/// Where the catalogue lives ("Catalogue" configuration section). Defaults suit one app per storage account. Validated
/// when the host starts: a name Azure Storage would refuse stops the app with the setting's name, not at the first write.
/// </summary>
public sealed record CatalogueStorageOptions
{
    public const string Section = "Catalogue";

    /// <summary>Azure table names: a letter, then letters and digits, 3 to 63 in all.</summary>
    private const string TableName = "^[A-Za-z][A-Za-z0-9]{2,62}$";
    private const string TableNameError = "{0} must be an Azure table name: a letter, then letters and digits, 3 to 63 characters.";

    [RegularExpression(TableName, ErrorMessage = TableNameError)]
    public string BrochuresTable { get; init; } = "brochures";
    [RegularExpression(TableName, ErrorMessage = TableNameError)]
    public string ProjectsTable { get; init; } = "projects";
    /// <summary>People's corrections and their history, kept apart from extracted data (docs/curation.md).</summary>
    [RegularExpression(TableName, ErrorMessage = TableNameError)]
    public string CorrectionsTable { get; init; } = "corrections";
    /// <summary>The container the blob trigger watches; POST /api/brochures writes here.</summary>
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$",
        ErrorMessage = "{0} must be a blob container name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.")]
    public string BrochureContainer { get; init; } = "brochures";
    /// <summary>
    /// Where each committed generation's records are kept as one compressed blob, so a cold start or a reload reads a
    /// brochure in one GET (docs/storage.md). Default: the brochure container's name + "-snapshots".
    /// </summary>
    public string? SnapshotContainer { get; init; }
    public string SnapshotContainerName => SnapshotContainer ?? BrochureContainer + "-snapshots";
    /// <summary>How stale the in-memory catalogue may get before a reader triggers a (background) version check.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan VersionCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
