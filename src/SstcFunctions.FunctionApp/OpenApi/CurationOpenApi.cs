using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace SstcFunctions.FunctionApp.OpenApi;

/// <summary>The curation endpoints of the OpenAPI document: corrections, added cards, withdrawal, history.</summary>
public static partial class CatalogueOpenApi
{
    private static void AddCuration(OpenApiDocument document)
    {
        var schemas = document.Components.Schemas;
        schemas["ProjectCuration"] = Object(("cardKey", String()), ("correctedFields", Array(String())), ("withdrawn", Boolean()),
            ("reviewedAt", Nullable(DateTime())), ("reviewedBy", Nullable(String())), ("updatedAt", DateTime()), ("updatedBy", Nullable(String())));
        var editable = Object(
            ("title", String()), ("region", Nullable(String())), ("description", String()), ("countries", Array(String())),
            ("outcome", Nullable(String())), ("outcomes", Array(String())), ("topics", Array(String())), ("activities", Array(String())),
            ("modality", Array(String())), ("tags", Array(String())), ("page", Integer()), ("reviewed", Boolean()), ("withdrawn", Boolean()));
        editable.Description = "Editable fields (values checked against the filter vocabularies; countries as ISO codes or English names, " +
            "outcomes as ids); null clears a field. reviewed=true marks the card reviewed; withdrawn=false restores a withdrawn card.";
        editable.AdditionalProperties = new OpenApiSchema { Not = new OpenApiSchema() };
        schemas["ProjectPatch"] = editable;
        schemas["FieldChange"] = Object(("field", String()), ("before", new OpenApiSchema { Nullable = true }), ("after", new OpenApiSchema { Nullable = true }));
        schemas["HistoryEntry"] = Object(("at", DateTime()), ("by", String()),
            ("action", Enum("extracted", "corrected", "added", "withdrawn", "restored", "reviewed", "reapplied", "unmatched")),
            ("projectId", Nullable(String())), ("changes", Array(Ref("FieldChange"))), ("note", Nullable(String())));
        schemas["UnmatchedCorrection"] = Object(("cardKey", String()), ("anchorTitle", Nullable(String())), ("correctedFields", Array(String())),
            ("withdrawn", Boolean()), ("updatedAt", DateTime()), ("updatedBy", Nullable(String())), ("bestSimilarity", Nullable(Number())));
        schemas["CorrectionSummary"] = Object(("brochureId", String()), ("cardKey", String()), ("kind", Enum("corrected", "added")),
            ("match", Enum("exact", "similar", "added", "none")), ("projectId", Nullable(String())), ("similarity", Nullable(Number())),
            ("anchorTitle", Nullable(String())), ("correctedFields", Array(String())), ("withdrawn", Boolean()), ("reviewedAt", Nullable(DateTime())),
            ("updatedAt", DateTime()), ("updatedBy", Nullable(String())));
        var problems = schemas["ProblemDetails"];
        problems.Properties["errors"] = Array(Object(("field", String()), ("detail", String()), ("validValues", Nullable(Array(String())))));
        problems.Properties["currentETag"] = String();

        document.Paths[RoutePrefix + "/projects"].Operations[OperationType.Get].Responses["200"].Content[Catalogue.ProjectXlsx.ContentType] =
            new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string", Format = "binary" } };

        var item = document.Paths[RoutePrefix + "/projects/{id}"];
        item.Operations[OperationType.Patch] = new OpenApiOperation
        {
            OperationId = "PatchProject",
            Summary = "Correct a project (JSON merge patch, RFC 7396); the correction survives re-ingestion of its brochure",
            Parameters = [PathId("Project id."), IfMatch()],
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content =
                {
                    [Functions.Corrections.CurationHttp.MergePatchContentType] = new OpenApiMediaType { Schema = Ref("ProjectPatch") },
                    ["application/json"] = new OpenApiMediaType { Schema = Ref("ProjectPatch") },
                },
            },
            Security = [FunctionKey()],
            Responses = Responses(
                ("200", "The corrected project, with its new ETag", Ref("Project")),
                ("400", "Invalid patch: errors lists every field that is wrong", Ref("ProblemDetails")),
                ("401", "Function key missing or wrong", null),
                ("404", "No such project", Ref("ProblemDetails")),
                ("412", "If-Match is not the project's current ETag (changed since read)", Ref("ProblemDetails")),
                ("415", "Body not application/merge-patch+json or application/json", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        };
        item.Operations[OperationType.Delete] = new OpenApiOperation
        {
            OperationId = "WithdrawProject",
            Summary = "Withdraw a project: kept (readable by id, with its history), left out of lists, facets and exports",
            Parameters = [PathId("Project id."), IfMatch()],
            Security = [FunctionKey()],
            Responses = Responses(
                ("200", "The withdrawn project", Ref("Project")),
                ("401", "Function key missing or wrong", null),
                ("404", "No such project", Ref("ProblemDetails")),
                ("412", "If-Match is not the project's current ETag", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        };

        document.Paths[RoutePrefix + "/projects/{id}/history"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "ProjectHistory",
            Summary = "Every change of a project, oldest first: its extraction, people's corrections (who, when, before → after), re-ingestions",
            Parameters = [PathId("Project id.")],
            Responses = Responses(
                ("200", "History", Object(("projectId", String()), ("brochureId", String()), ("cardKey", String()), ("origin", String()), ("entries", Array(Ref("HistoryEntry"))))),
                ("404", "No such project", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });

        var add = new OpenApiOperation
        {
            OperationId = "AddProject",
            Summary = "Add a card the extractor missed (title required)",
            Parameters = [PathId("Brochure id.")],
            RequestBody = new OpenApiRequestBody { Required = true, Content = { ["application/json"] = new OpenApiMediaType { Schema = Ref("ProjectPatch") } } },
            Security = [FunctionKey()],
            Responses = Responses(
                ("201", "The added project, with Location and ETag", Ref("Project")),
                ("400", "Invalid card: errors lists every field that is wrong", Ref("ProblemDetails")),
                ("401", "Function key missing or wrong", null),
                ("404", "No such brochure, or it has no cards now", Ref("ProblemDetails")),
                ("415", "Body not application/json", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        };
        document.Paths[RoutePrefix + "/brochures/{id}/projects"] = Path(OperationType.Post, add);

        document.Paths[RoutePrefix + "/corrections"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "ListCorrections",
            Summary = "Every correction and added card, with where it landed in the current extraction (match none: its card is gone)",
            Parameters =
            [
                new OpenApiParameter { Name = "match", In = ParameterLocation.Query, Description = "Only corrections that landed this way.", Schema = Enum("exact", "similar", "added", "none") },
            ],
            Responses = Responses(
                ("200", "Corrections", Object(("corrections", Array(Ref("CorrectionSummary"))), ("count", Integer()))),
                ("400", "Unknown parameter or value", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });
    }

    private static OpenApiParameter IfMatch() => new()
    {
        Name = "If-Match", In = ParameterLocation.Header, Schema = String(),
        Description = "The project's ETag (from GET /api/projects/{id}): the change is made only if nobody changed it since; otherwise 412.",
    };

    private static OpenApiSchema Boolean() => new() { Type = "boolean" };

    private static OpenApiSchema Enum(params string[] values) => new() { Type = "string", Enum = values.Select(v => (IOpenApiAny)new OpenApiString(v)).ToList() };
}
