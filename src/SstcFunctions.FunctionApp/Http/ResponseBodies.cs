using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Curation;
using SstcFunctions.Storage;
using SstcFunctions.Storage.Corrections;

namespace SstcFunctions.FunctionApp.Http;

// The JSON bodies of the API that are not a stored record themselves. The functions answer with these types, and the
// OpenAPI schemas are generated from them (OpenApi/ApiSchemas.cs), so the document cannot drift from the answers.

/// <summary>GET /api/health.</summary>
public sealed record HealthStatus(string Status);

/// <summary>
/// GET /api/projects: one page. <see cref="Count"/> is the number of projects on this page, <see cref="Total"/> the
/// number of projects matching the filters (distinct=true: distinct projects); <see cref="ContinuationToken"/> is null
/// on the last page. <see cref="Review"/> only with review=needed. Written by hand for speed (CatalogueQueries), in
/// exactly this shape; with distinct=true each project also has the members of <see cref="DistinctProject"/>.
/// </summary>
public sealed record ProjectPage(IReadOnlyList<ProjectRecord> Projects, int Count, int Total, string? ContinuationToken,
    IReadOnlyDictionary<string, ReviewAssessment>? Review = null);

/// <summary>What distinct=true adds to a project of a page: the id of its first printing, and every printing.</summary>
public sealed record DistinctProject(string ProjectKey, IReadOnlyList<Printing> Printings);

/// <summary>One printing of a project: the record id, its brochure and language.</summary>
public sealed record Printing(string Id, string BrochureId, string Language);

/// <summary>GET /api/brochures.</summary>
public sealed record BrochureList(IReadOnlyList<BrochureStatus> Brochures);

/// <summary>GET /api/projects/{id}/history.</summary>
public sealed record ProjectHistory(string ProjectId, string BrochureId, string CardKey, string Origin, IReadOnlyList<HistoryEntry> Entries);

/// <summary>GET /api/corrections.</summary>
public sealed record CorrectionList(IReadOnlyList<CorrectionSummary> Corrections, int Count);

/// <summary>POST /api/events/blob-deleted: the brochures the events removed.</summary>
public sealed record BlobDeletedResult(IReadOnlyList<string> Removed);

/// <summary>POST /api/events/blob-deleted: the answer to Event Grid's subscription validation handshake.</summary>
public sealed record SubscriptionValidationResult(string? ValidationResponse);
