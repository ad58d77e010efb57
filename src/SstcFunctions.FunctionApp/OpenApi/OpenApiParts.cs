using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using SstcFunctions.FunctionApp.Catalogue;

namespace SstcFunctions.FunctionApp.OpenApi;

/// <summary>The pieces the operations of the document are made of: parameters, responses, references to the schemas.</summary>
public static partial class CatalogueOpenApi
{
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
        yield return Query(ProjectQueryParameters.Brochure, "Brochure id (GET /api/brochures lists them); an id the catalogue does not know is a 400 listing the known ones.", null);
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
            Name = ProjectQueryParameters.Top, In = ParameterLocation.Query,
            Description = $"Page size: a whole number from 1 to {ProjectQueryParameters.MaxTop} (default {ProjectQueryParameters.DefaultTop}).",
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
                var mediaType = schema.Reference?.Id == ApiSchemas.ProblemDetailsName ? "application/problem+json" : "application/json";
                response.Content[mediaType] = new OpenApiMediaType { Schema = schema };
            }
            result[status] = response;
        }
        return result;
    }

    private static OpenApiSchema String() => new() { Type = "string" };
    private static OpenApiSchema Binary() => new() { Type = "string", Format = "binary" };
    private static OpenApiSchema Enum(params string[] values) => new() { Type = "string", Enum = values.Select(v => (IOpenApiAny)new OpenApiString(v)).ToList() };

    /// <summary>A schema of <see cref="ApiSchemas"/>, generated from the type the operation answers with.</summary>
    private static OpenApiSchema Ref(string id) => new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = id } };
}
