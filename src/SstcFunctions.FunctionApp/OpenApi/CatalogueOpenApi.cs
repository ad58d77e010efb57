using Microsoft.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Ingestion;

namespace SstcFunctions.FunctionApp.OpenApi;

/// <summary>
/// The OpenAPI 3 document of the HTTP API. Query parameter names come from <see cref="ProjectQueryParameters"/>;
/// a test compares the paths and methods with the functions' [HttpTrigger] routes.
/// </summary>
public static partial class CatalogueOpenApi
{
    public const string RoutePrefix = "/api";

    private static readonly Lazy<string> Json = new(() => Build().SerializeAsJson(OpenApiSpecVersion.OpenApi3_0));

    public static string Document => Json.Value;

    public static OpenApiDocument Build()
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "ILO SSTC project catalogue",
                Version = "1.0",
                Description = "Projects extracted from ILO South-South and Triangular Cooperation brochures. Errors are RFC 7807 problem documents.",
            },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                Schemas = Schemas(),
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
            Responses = Responses(("200", "Alive", Object(("status", String())))),
        });
        document.Paths[RoutePrefix + "/projects"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "ListProjects",
            Summary = "Projects matching every given filter, in (brochure, ordinal) order; CSV with Accept: text/csv or format=csv (all matches, unpaged).",
            Parameters = [.. FilterParameters(), .. PagingParameters(), IfNoneMatch()],
            Responses = Responses(
                ("200", "A page of projects", Ref("ProjectPage")),
                ("304", "Not modified (If-None-Match)", null),
                ("400", "Invalid filter, top or continuation token", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });
        document.Paths[RoutePrefix + "/projects"].Operations[OperationType.Get].Responses["200"].Content["text/csv"] =
            new OpenApiMediaType { Schema = String() };
        document.Paths[RoutePrefix + "/projects/{id}"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "GetProject",
            Summary = "One project",
            Parameters = [PathId("Project id: brochure id and three-digit ordinal, e.g. sstc-2020-2021-004."), IfNoneMatch()],
            Responses = Responses(
                ("200", "The project", Ref("Project")),
                ("304", "Not modified (If-None-Match)", null),
                ("404", "No such project", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });
        document.Paths[RoutePrefix + "/facets"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "Facets",
            Summary = "Counts of matching projects per region, country, topic, outcome, activity and modality",
            Parameters = [.. FilterParameters(), IfNoneMatch()],
            Responses = Responses(
                ("200", "Facet counts", Ref("FacetCounts")),
                ("304", "Not modified (If-None-Match)", null),
                ("400", "Invalid filter", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });

        var brochures = new OpenApiPathItem();
        brochures.Operations[OperationType.Get] = new OpenApiOperation
        {
            OperationId = "ListBrochures",
            Summary = "Every brochure and its processing status",
            Parameters = [IfNoneMatch()],
            Responses = Responses(
                ("200", "Brochures", Object(("brochures", Array(Ref("BrochureStatus"))))),
                ("304", "Not modified (If-None-Match)", null),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
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
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = { ["application/pdf"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string", Format = "binary" } } },
            },
            Security = [FunctionKey()],
            Responses = Responses(
                ("202", "Accepted: the status (pending) with Location: /api/brochures/{id}", Ref("BrochureStatus")),
                ("400", "Missing or invalid name, or empty body", Ref("ProblemDetails")),
                ("401", "Function key missing or wrong", null),
                ("409", "Another file name already is this brochure (brochureId, existingFileName); send replace=true to replace it", Ref("ProblemDetails")),
                ("413", "Over the size limit", Ref("ProblemDetails")),
                ("415", "Not a PDF (Content-Type or %PDF- header)", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        };
        document.Paths[RoutePrefix + "/brochures"] = brochures;

        var brochure = new OpenApiPathItem();
        brochure.Operations[OperationType.Get] = new OpenApiOperation
        {
            OperationId = "GetBrochure",
            Summary = "A brochure's status: pending, succeeded, failed with the reason, or deleting",
            Parameters = [PathId("Brochure id (slug of the file name)."), IfNoneMatch()],
            Responses = Responses(
                ("200", "Status", Ref("BrochureStatus")),
                ("304", "Not modified (If-None-Match)", null),
                ("404", "No such brochure", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        };
        brochure.Operations[OperationType.Delete] = new OpenApiOperation
        {
            OperationId = "DeleteBrochure",
            Summary = "Delete a brochure: its file at once; the brochure is marked deleting, hidden from the catalogue, and its records are removed in the background",
            Parameters = [PathId("Brochure id (slug of the file name).")],
            Security = [FunctionKey()],
            Responses = Responses(
                ("202", "Accepted: the status (deleting) with Location: /api/brochures/{id}, which answers 404 once the removal completed", Ref("BrochureStatus")),
                ("204", "No brochure, but stray files of that id were deleted", null),
                ("401", "Function key missing or wrong", null),
                ("404", "No such brochure", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
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
            Responses = Responses(
                ("200", "The PDF", null),
                ("206", "The requested byte range (Content-Range)", null),
                ("304", "Not modified (If-None-Match)", null),
                ("416", "Range not satisfiable", null),
                ("404", "No such brochure, or its file is gone", Ref("ProblemDetails")),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });
        pdf.Operations[OperationType.Get].Responses["200"].Content["application/pdf"] =
            new OpenApiMediaType { Schema = new OpenApiSchema { Type = "string", Format = "binary" } };
        document.Paths[RoutePrefix + "/brochures/{id}/pdf"] = pdf;

        document.Paths[RoutePrefix + "/events/blob-deleted"] = Path(OperationType.Post, new OpenApiOperation
        {
            OperationId = "BlobDeleted",
            Summary = "Event Grid webhook: Microsoft.Storage.BlobDeleted events of the brochures container remove the deleted file's brochure",
            RequestBody = new OpenApiRequestBody { Required = true, Content = { ["application/json"] = new OpenApiMediaType { Schema = Array(Object()) } } },
            Security = [FunctionKey()],
            Responses = Responses(
                ("200", "Events handled (removed: brochure ids), or the subscription validation response", Object()),
                ("400", "Not an Event Grid event array", Ref("ProblemDetails")),
                ("401", "Function key missing or wrong", null),
                ("503", "Storage unavailable; see Retry-After", Ref("ProblemDetails"))),
        });

        document.Paths[RoutePrefix + "/openapi.json"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "OpenApi",
            Summary = "This document",
            Responses = Responses(("200", "OpenAPI 3 document", Object())),
        });

        // The dashboard is not API, but it is served by functions too: listed so that every route is described.
        var page = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "Dashboard",
            Summary = "The dashboard (HTML page calling this API)",
            Tags = [new OpenApiTag { Name = "dashboard" }],
            Responses = Responses(("200", "HTML page", null)),
        });
        page.Operations[OperationType.Get].Responses["200"].Content["text/html"] = new OpenApiMediaType { Schema = String() };
        document.Paths["/"] = page;
        document.Paths["/dashboard/{asset}"] = Path(OperationType.Get, new OpenApiOperation
        {
            OperationId = "DashboardAsset",
            Summary = "A file of the dashboard bundle (content-hashed name, cached as immutable)",
            Tags = [new OpenApiTag { Name = "dashboard" }],
            Parameters = [new OpenApiParameter { Name = "asset", In = ParameterLocation.Path, Required = true, Description = "File name, e.g. app-3F2K5Q.js.", Schema = String() }],
            Responses = Responses(("200", "Script or stylesheet", null), ("404", "No such file", Ref("ProblemDetails"))),
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

    private static IEnumerable<OpenApiParameter> FilterParameters()
    {
        var vocabulary = FilterVocabulary.Default;
        yield return Query(ProjectQueryParameters.Region, "Region (canonical name, case-insensitive).", vocabulary.Regions);
        yield return Query(ProjectQueryParameters.Country, "Country: ISO 3166-1 alpha-2 code (BR) or a name in English, Spanish or French (Brazil, Brasil, Brésil).", null);
        yield return Query(ProjectQueryParameters.Topic, "Topic slug.", vocabulary.Topics);
        yield return Query(ProjectQueryParameters.Outcome, "ILO P&B policy outcome id (1–8, A–C).", vocabulary.Outcomes);
        yield return Query(ProjectQueryParameters.Activity, "Activity slug.", vocabulary.Activities);
        yield return Query(ProjectQueryParameters.Modality, "Modality.", vocabulary.Modalities);
        yield return Query(ProjectQueryParameters.Language, "BCP 47 language tag of the project records (en, es, fr); facet labels follow it.", vocabulary.Languages);
        yield return Query(ProjectQueryParameters.Brochure, "Brochure id.", null);
        yield return Query(ProjectQueryParameters.Distinct,
            "true: one record per project however many brochures print it (editions in other languages, re-uploads), with its projectKey and printings; counts in /api/facets count projects, not printings.",
            ["true", "false"]);
        yield return Query(ProjectQueryParameters.Search, "Words that must all start a word of the title or description (case- and accent-insensitive).", null);
        yield return Query(ProjectQueryParameters.Review, "needed: only the review queue, most needed first (the page then has a review object: project id → score and reasons).", [ProjectQueryParameters.ReviewNeeded]);
    }

    private static IEnumerable<OpenApiParameter> PagingParameters()
    {
        yield return new OpenApiParameter
        {
            Name = ProjectQueryParameters.Top, In = ParameterLocation.Query, Description = "Page size.",
            Schema = new OpenApiSchema { Type = "integer", Minimum = 1, Maximum = ProjectQueryParameters.MaxTop, Default = new OpenApiInteger(ProjectQueryParameters.DefaultTop) },
        };
        yield return Query(ProjectQueryParameters.ContinuationToken, "Opaque token from the previous page, valid for the same filters only.", null);
        yield return Query(ProjectQueryParameters.Format, "json (default), csv or xlsx (an Excel workbook of every match).", ["json", "csv", "xlsx"]);
    }

    private static OpenApiParameter Query(string name, string description, IReadOnlyCollection<string>? values) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = values is null
            ? String()
            : new OpenApiSchema { Type = "string", Enum = values.Select(v => (IOpenApiAny)new OpenApiString(v)).ToList() },
    };

    private static OpenApiParameter PathId(string description) => new()
    {
        Name = "id", In = ParameterLocation.Path, Required = true, Description = description, Schema = String(),
    };

    private static OpenApiParameter IfNoneMatch() => new()
    {
        Name = "If-None-Match", In = ParameterLocation.Header, Description = "ETag of a previous response: 304 when unchanged.", Schema = String(),
    };

    private static OpenApiSecurityRequirement FunctionKey() => new()
    {
        [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "functionKey" } }] = [],
    };

    private static OpenApiPathItem Path(OperationType method, OpenApiOperation operation)
    {
        var item = new OpenApiPathItem();
        item.Operations[method] = operation;
        return item;
    }

    private static OpenApiResponses Responses(params (string Status, string Description, OpenApiSchema? Schema)[] responses)
    {
        var result = new OpenApiResponses();
        foreach (var (status, description, schema) in responses)
        {
            var response = new OpenApiResponse { Description = description };
            if (schema is not null)
            {
                var mediaType = schema.Reference?.Id == "ProblemDetails" ? "application/problem+json" : "application/json";
                response.Content[mediaType] = new OpenApiMediaType { Schema = schema };
            }
            result[status] = response;
        }
        return result;
    }

    private static Dictionary<string, OpenApiSchema> Schemas() => new()
    {
        ["Project"] = Object(
            ("id", String()), ("brochureId", String()), ("ordinal", Integer()), ("language", String()), ("title", String()), ("region", Nullable(String())),
            ("description", String()), ("countries", Array(String())), ("countryNames", Array(String())),
            ("outcome", Nullable(Ref("PolicyOutcome"))), ("outcomes", Array(Ref("PolicyOutcome"))), ("topics", Array(String())),
            ("activities", Array(String())), ("modality", Array(String())), ("tags", Array(String())),
            ("partners", Nullable(String())), ("donor", Nullable(String())), ("budget", Nullable(String())),
            ("duration", Nullable(String())), ("beneficiaries", Nullable(String())), ("page", Integer()),
            ("continuedOn", Array(Integer())),
            ("bounds", Ref("CardBounds")), ("confidence", Number()), ("confidenceReasons", Array(String())),
            ("projectKey", new OpenApiSchema { Type = "string", Description = "With distinct=true: the id of the project's first printing." }),
            ("printings", new OpenApiSchema { Type = "array", Items = Ref("Printing"), Description = "With distinct=true: every printing of the project." }),
            ("origin", new OpenApiSchema { Type = "string", Enum = [new OpenApiString("extracted"), new OpenApiString("corrected"), new OpenApiString("added")] }),
            ("curation", Nullable(Ref("ProjectCuration")))),
        ["Printing"] = Object(("id", String()), ("brochureId", String()), ("language", String())),
        ["PolicyOutcome"] = Object(("id", String()), ("title", String())),
        ["CardBounds"] = Object(("x", Number()), ("y", Number()), ("width", Number()), ("height", Number())),
        ["ProjectPage"] = Object(("projects", Array(Ref("Project"))), ("count", Integer()), ("continuationToken", Nullable(String()))),
        ["FacetValue"] = Object(("value", String()), ("label", Nullable(String())), ("count", Integer())),
        ["FacetCounts"] = Object(("total", Integer()), ("facets", new OpenApiSchema
        {
            Type = "object",
            AdditionalProperties = Array(Ref("FacetValue")),
            Description = "region, country, topic, outcome, activity, modality, lang → values by descending count",
        })),
        ["BrochureStatus"] = Object(
            ("id", String()), ("fileName", String()), ("status", new OpenApiSchema { Type = "string", Enum = [new OpenApiString("pending"), new OpenApiString("succeeded"), new OpenApiString("failed"), new OpenApiString("deleting")] }),
            ("sizeBytes", Nullable(Integer())), ("sha256", Nullable(String())), ("title", Nullable(String())), ("biennium", Nullable(String())), ("language", Nullable(String())),
            ("pageCount", Nullable(Integer())), ("projectCount", Nullable(Integer())), ("statedProjectCount", Nullable(Integer())),
            ("statedCountryCount", Nullable(Integer())), ("warnings", Array(String())), ("error", Nullable(String())),
            ("uploadedAt", Nullable(DateTime())), ("startedAt", Nullable(DateTime())), ("completedAt", Nullable(DateTime())), ("updatedAt", Nullable(DateTime())),
            ("unmatchedCorrections", Array(Ref("UnmatchedCorrection")))),
        ["ProblemDetails"] = Object(("type", String()), ("title", String()), ("status", Integer()), ("detail", String()),
            ("parameter", String()), ("validValues", Array(String()))),
    };

    private static OpenApiSchema Object(params (string Name, OpenApiSchema Schema)[] properties) => new()
    {
        Type = "object",
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
    };

    private static OpenApiSchema Array(OpenApiSchema items) => new() { Type = "array", Items = items };
    private static OpenApiSchema String() => new() { Type = "string" };
    private static OpenApiSchema Integer() => new() { Type = "integer" };
    private static OpenApiSchema Number() => new() { Type = "number" };
    private static OpenApiSchema DateTime() => new() { Type = "string", Format = "date-time" };
    private static OpenApiSchema Ref(string id) => new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = id } };

    private static OpenApiSchema Nullable(OpenApiSchema schema) =>
        schema.Reference is null
            ? new OpenApiSchema { Type = schema.Type, Format = schema.Format, Nullable = true }
            : new OpenApiSchema { AllOf = [schema], Nullable = true };
}
