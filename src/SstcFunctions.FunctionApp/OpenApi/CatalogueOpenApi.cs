using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API: operations, parameters and descriptions written here (query parameter
/// names from <see cref="ProjectQueryParameters"/>), schemas generated from the response types (<see cref="ApiSchemas"/>).
/// Tests compare the paths and methods with the functions' [HttpTrigger] routes, validate the document, and check real
/// responses against it.
/// </summary>
public static partial class CatalogueOpenApi
{
    public const string RoutePrefix = "/api";

    private const string Unavailable = "Storage unavailable; see Retry-After";
    private const string NoKey = "Function key missing or wrong (the Functions host answers with no body, the local host with a problem)";
    private const string NotModified = "Not modified (If-None-Match)";

    private static readonly Lazy<string> Json = new(() =>
    {
        // Microsoft.OpenApi 1.6 writes the operations (whose 3.0 form is also 3.1); the schemas are JSON Schema 2020-12,
        // which is what OpenAPI 3.1 schemas are.
        var document = JsonNode.Parse(Build().SerializeAsJson(OpenApiSpecVersion.OpenApi3_0))!.AsObject();
        document["openapi"] = "3.1.0";
        document["components"]!["schemas"] = ApiSchemas.Build();
        return document.ToJsonString();
    });

    public static string Document => Json.Value;

    public static OpenApiDocument Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ILO SSTC project catalogue",
                Version = "1.0",
                Description = "Projects extracted from ILO South-South and Triangular Cooperation brochures. Errors are RFC 9457 problem documents " +
                    "(application/problem+json). Every GET also answers HEAD; successful JSON reads carry an ETag and answer If-None-Match with 304.",
            },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                SecuritySchemes = new Dictionary<string, OpenApiSecurityScheme>
                {
                    ["functionKey"] = new()
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Query,
                        Name = ProjectQueryParameters.FunctionKey,
                        Description = "Azure Functions function key (or the x-functions-key header).",
                    },
                },
            },
        };

        document.Paths[RoutePrefix + "/health"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "Health",
            Summary = "Liveness",
            Responses = Responses(("200", "Alive", Ref("HealthStatus"))),
        });
        var projects = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "ListProjects",
            Summary = "Projects matching every given filter, in (brochure, ordinal) order; count is the size of this page, total the number of matches. " +
                "CSV with Accept: text/csv or format=csv, Excel with format=xlsx (all matches, unpaged).",
            Parameters = [.. FilterParameters(), .. PagingParameters(), IfNoneMatch()],
            Responses = Guarded(
                ("200", "A page of projects", Ref("ProjectPage")),
                ("304", NotModified, null),
                ("400", "Unknown parameter, unknown filter value (brochure ids included), invalid top or continuation token", Ref(ApiSchemas.ProblemDetailsName))),
        });
        projects.Operations[OperationType.Get].Responses["200"].Content["text/csv"] = new OpenApiMediaType { Schema = String() };
        projects.Operations[OperationType.Get].Responses["200"].Content[ProjectXlsx.ContentType] = new OpenApiMediaType { Schema = Binary() };
        document.Paths[RoutePrefix + "/projects"] = projects;
        document.Paths[RoutePrefix + "/projects/{id}"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "GetProject",
            Summary = "One project",
            Parameters = [PathId("Project id: brochure id and three-digit ordinal, e.g. sstc-2020-2021-004."), IfNoneMatch()],
            Responses = Guarded(
                ("200", "The project", Ref("Project")),
                ("304", NotModified, null),
                ("404", "No such project", Ref(ApiSchemas.ProblemDetailsName))),
        });
        document.Paths[RoutePrefix + "/facets"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "Facets",
            Summary = "Counts of matching projects per region, country, topic, outcome, activity, modality, language and brochure",
            Parameters = [.. FilterParameters(), IfNoneMatch()],
            Responses = Guarded(
                ("200", "Facet counts", Ref("FacetCounts")),
                ("304", NotModified, null),
                ("400", "Unknown parameter or filter value", Ref(ApiSchemas.ProblemDetailsName))),
        });

        var brochures = new OpenApiPathItem();
        brochures.Operations[OperationType.Get] = new OpenApiOperation
        {
            OperationId = "ListBrochures",
            Summary = "Every brochure and its processing status",
            Parameters = [IfNoneMatch()],
            Responses = Guarded(
                ("200", "Brochures", Ref("BrochureList")),
                ("304", NotModified, null),
                ("400", "A query parameter was given (none is taken)", Ref(ApiSchemas.ProblemDetailsName))),
        };
        brochures.Operations[OperationType.Post] = new OpenApiOperation
        {
            OperationId = "UploadBrochure",
            Summary = "Upload a brochure PDF; it is processed in the background",
            Parameters =
            [
                new OpenApiParameter
                {
                    Name = BrochureUploadReader.NameParameter, In = ParameterLocation.Query, Required = true, Schema = String(),
                    Description = "File name; the brochure id is its slug (\"SSTC 2020-2021.pdf\" → sstc-2020-2021).",
                },
                new OpenApiParameter
                {
                    Name = UploadBrochureFunction.ReplaceParameter, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = "boolean" },
                    Description = "true: replace the brochure even when it was stored under another file name that has the same slug (its old file is deleted).",
                },
            ],
            RequestBody = new OpenApiRequestBody { Required = true, Content = { ["application/pdf"] = new OpenApiMediaType { Schema = Binary() } } },
            Security = [FunctionKey()],
            Responses = Guarded(
                ("202", "Accepted: the status (pending) with Location: /api/brochures/{id}", Ref("BrochureStatus")),
                ("400", "Missing or invalid name or replace, or empty body", Ref(ApiSchemas.ProblemDetailsName)),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName)),
                ("409", "Another file name already is this brochure (brochureId, existingFileName); send replace=true to replace it", Ref(ApiSchemas.ProblemDetailsName)),
                ("413", "Over the size limit", Ref(ApiSchemas.ProblemDetailsName)),
                ("415", "Not a PDF (Content-Type or %PDF- header)", Ref(ApiSchemas.ProblemDetailsName))),
        };
        document.Paths[RoutePrefix + "/brochures"] = brochures;

        var brochure = new OpenApiPathItem();
        brochure.Operations[OperationType.Get] = new OpenApiOperation
        {
            OperationId = "GetBrochure",
            Summary = "A brochure's status: pending, succeeded, failed with the reason, or deleting",
            Parameters = [PathId("Brochure id (slug of the file name)."), IfNoneMatch()],
            Responses = Guarded(
                ("200", "Status", Ref("BrochureStatus")),
                ("304", NotModified, null),
                ("404", "No such brochure", Ref(ApiSchemas.ProblemDetailsName))),
        };
        brochure.Operations[OperationType.Delete] = new OpenApiOperation
        {
            OperationId = "DeleteBrochure",
            Summary = "Delete a brochure: its file at once; the brochure is marked deleting, hidden from the catalogue, and its records are removed in the background",
            Parameters = [PathId("Brochure id (slug of the file name).")],
            Security = [FunctionKey()],
            Responses = Guarded(
                ("202", "Accepted: the status (deleting) with Location: /api/brochures/{id}, which answers 404 once the removal completed", Ref("BrochureStatus")),
                ("204", "No brochure, but stray files of that id were deleted", null),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName)),
                ("404", "No such brochure", Ref(ApiSchemas.ProblemDetailsName))),
        };
        document.Paths[RoutePrefix + "/brochures/{id}"] = brochure;

        var pdf = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "GetBrochurePdf",
            Summary = "The brochure's source PDF, streamed; append #page=N to open it at a project's page",
            Parameters =
            [
                PathId("Brochure id (slug of the file name)."), IfNoneMatch(),
                new OpenApiParameter { Name = "Range", In = ParameterLocation.Header, Description = "Byte range(s), e.g. bytes=0-65535: 206 with those bytes only.", Schema = String() },
                new OpenApiParameter { Name = "If-Range", In = ParameterLocation.Header, Description = "ETag the range is valid for: when the file changed, 200 with the whole file.", Schema = String() },
            ],
            Responses = Guarded(
                ("200", "The PDF", null),
                ("206", "The requested byte range (Content-Range)", null),
                ("304", NotModified, null),
                ("416", "Range not satisfiable", null),
                ("404", "No such brochure, or its file is gone", Ref(ApiSchemas.ProblemDetailsName))),
        });
        pdf.Operations[OperationType.Get].Responses["200"].Content[GetBrochurePdfFunction.PdfContentType] = new OpenApiMediaType { Schema = Binary() };
        pdf.Operations[OperationType.Get].Responses["206"].Content[GetBrochurePdfFunction.PdfContentType] = new OpenApiMediaType { Schema = Binary() };
        document.Paths[RoutePrefix + "/brochures/{id}/pdf"] = pdf;

        document.Paths[RoutePrefix + "/events/blob-deleted"] = Path(OperationType.Post, new OpenApiOperation
        {
            OperationId = "BlobDeleted",
            Summary = "Event Grid webhook: Microsoft.Storage.BlobDeleted events of the brochures container remove the deleted file's brochure",
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = { ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "array", Items = new OpenApiSchema { Type = "object" } } } },
            },
            Security = [FunctionKey()],
            Responses = Guarded(
                ("200", "Events handled (removed: brochure ids), or the subscription validation response",
                    new OpenApiSchema { OneOf = [Ref("BlobDeletedResult"), Ref("SubscriptionValidationResult")] }),
                ("400", "Not an Event Grid event array", Ref(ApiSchemas.ProblemDetailsName)),
                ("401", NoKey, Ref(ApiSchemas.ProblemDetailsName))),
        });

        document.Paths[RoutePrefix + "/openapi.json"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "OpenApi",
            Summary = "This document",
            Responses = Responses(("200", "OpenAPI 3.1 document", new OpenApiSchema { Type = "object" }), ("304", NotModified, null)),
        });

        // The dashboard is not API, but it is served by functions too: listed so that every route is described.
        var page = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "Dashboard",
            Summary = "The dashboard (HTML page calling this API)",
            Tags = [new OpenApiTag { Name = "dashboard" }],
            Responses = Responses(("200", "HTML page", null), ("304", NotModified, null), ("404", "This build has no dashboard", Ref(ApiSchemas.ProblemDetailsName))),
        });
        page.Operations[OperationType.Get].Responses["200"].Content["text/html"] = new OpenApiMediaType { Schema = String() };
        document.Paths["/"] = page;
        document.Paths["/dashboard/{asset}"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "DashboardAsset",
            Summary = "A file of the dashboard bundle (content-hashed name, cached as immutable)",
            Tags = [new OpenApiTag { Name = "dashboard" }],
            Parameters = [new OpenApiParameter { Name = "asset", In = ParameterLocation.Path, Required = true, Description = "File name, e.g. app-3F2K5Q.js.", Schema = String() }],
            Responses = Responses(("200", "Script or stylesheet", null), ("304", NotModified, null), ("404", "No such file", Ref(ApiSchemas.ProblemDetailsName))),
        });
        AddCuration(document);
        // HEAD wherever GET: the same status and headers, no body.
        foreach (var item in document.Paths.Values)
        {
            if (!item.Operations.TryGetValue(OperationType.Get, out var get)) continue;
            item.Operations[OperationType.Head] = new OpenApiOperation
            {
                OperationId = get.OperationId + "Head",
                Summary = "As GET, headers only",
                Tags = get.Tags,
                Parameters = get.Parameters,
                Security = get.Security,
                Responses = Responses(get.Responses.Select(r => (r.Key, r.Value.Description, (OpenApiSchema?)null)).ToArray()),
            };
        }
        return document;
    }

    /// <summary>The responses of an operation run by RequestGuard, which adds 500 and 503 problems to any.</summary>
    private static OpenApiResponses Guarded(params (string Status, string Description, OpenApiSchema? Schema)[] responses) =>
        Responses([.. responses,
            ("500", "Unexpected failure, logged under traceId", Ref(ApiSchemas.ProblemDetailsName)),
            ("503", Unavailable, Ref(ApiSchemas.ProblemDetailsName))]);
}
