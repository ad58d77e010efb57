using Microsoft.OpenApi.Models;

namespace SstcFunctions.FunctionApp.OpenApi;

/// <summary>The curation endpoints of the OpenAPI document: corrections, added cards, withdrawal, history.</summary>
public static partial class CatalogueOpenApi
{
    private static void AddCuration(OpenApiDocument document)
    {
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
                    [Functions.Corrections.CurationHttp.MergePatchContentType] = new OpenApiMediaType { Schema = Ref(ApiSchemas.ProjectPatchName) },
                    ["application/json"] = new OpenApiMediaType { Schema = Ref(ApiSchemas.ProjectPatchName) },
                },
            },
            Security = [FunctionKey()],
            Responses = Guarded(
                ("200", "The corrected project, with its new ETag", Ref("Project")),
                ("400", "Invalid patch: errors lists every field that is wrong", Ref(ApiSchemas.ProblemDetailsName)),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName)),
                ("404", "No such project", Ref(ApiSchemas.ProblemDetailsName)),
                ("412", "If-Match is not the project's current ETag (changed since read)", Ref(ApiSchemas.ProblemDetailsName)),
                ("413", "Body over 256 KiB", Ref(ApiSchemas.ProblemDetailsName)),
                ("415", "Body not application/merge-patch+json or application/json", Ref(ApiSchemas.ProblemDetailsName))),
        };
        item.Operations[OperationType.Delete] = new OpenApiOperation
        {
            OperationId = "WithdrawProject",
            Summary = "Withdraw a project: kept (readable by id, with its history), left out of lists, facets and exports",
            Parameters = [PathId("Project id."), IfMatch()],
            Security = [FunctionKey()],
            Responses = Guarded(
                ("200", "The withdrawn project", Ref("Project")),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName)),
                ("404", "No such project", Ref(ApiSchemas.ProblemDetailsName)),
                ("412", "If-Match is not the project's current ETag", Ref(ApiSchemas.ProblemDetailsName))),
        };

        document.Paths[RoutePrefix + "/projects/{id}/history"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "ProjectHistory",
            Summary = "Every change of a project, oldest first: its extraction, people's corrections (who, when, before → after), re-ingestions",
            Parameters = [PathId("Project id.")],
            Responses = Guarded(
                ("200", "History", Ref("ProjectHistory")),
                ("304", NotModified, null),
                ("404", "No such project", Ref(ApiSchemas.ProblemDetailsName))),
        });

        var add = new OpenApiOperation
        {
            OperationId = "AddProject",
            Summary = "Add a card the extractor missed (title required)",
            Parameters = [PathId("Brochure id.")],
            RequestBody = new OpenApiRequestBody { Required = true, Content = { ["application/json"] = new OpenApiMediaType { Schema = Ref(ApiSchemas.ProjectPatchName) } } },
            Security = [FunctionKey()],
            Responses = Guarded(
                ("201", "The added project, with Location and ETag", Ref("Project")),
                ("400", "Invalid card: errors lists every field that is wrong", Ref(ApiSchemas.ProblemDetailsName)),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName)),
                ("404", "No such brochure, or it has no cards now", Ref(ApiSchemas.ProblemDetailsName)),
                ("413", "Body over 256 KiB", Ref(ApiSchemas.ProblemDetailsName)),
                ("415", "Body not application/json", Ref(ApiSchemas.ProblemDetailsName))),
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
            Responses = Guarded(
                ("200", "Corrections", Ref("CorrectionList")),
                ("304", NotModified, null),
                ("400", "Unknown parameter or value", Ref(ApiSchemas.ProblemDetailsName))),
        });
    }

    private static OpenApiParameter IfMatch() => new()
    {
        Name = "If-Match", In = ParameterLocation.Header, Schema = String(),
        Description = "The project's ETag (from GET /api/projects/{id}): the change is made only if nobody changed it since; otherwise 412.",
    };
}
