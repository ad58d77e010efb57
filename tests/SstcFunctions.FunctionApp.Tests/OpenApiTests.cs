using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Catalogue;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.FunctionApp.Ingestion;
using SstcFunctions.FunctionApp.OpenApi;
using SstcFunctions.TestSupport;

namespace SstcFunctions.FunctionApp.Tests;

/// <summary>openapi.json against the code: every [HttpTrigger] route and method, every query parameter the parser knows.</summary>
public sealed class OpenApiTests
{
    private static readonly JsonElement Paths = JsonDocument.Parse(CatalogueOpenApi.Document).RootElement.GetProperty("paths");

    public static IEnumerable<object[]> HttpFunctions() =>
        typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .SelectMany(f => f.Trigger!.Methods!.Select(verb => new object[] { f.Method.GetCustomAttribute<FunctionAttribute>()!.Name, f.Trigger.Route!, verb }));

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Every_function_route_and_method_is_documented(string function, string route, string method)
    {
        var documented = "/" + route.TrimStart('/'); // routes carry their api/ segment themselves (routePrefix is "")
        Assert.True(Paths.TryGetProperty(documented, out var path), $"{function}: {documented} missing from openapi.json");
        Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{function}: {method} {documented} missing");
        // HEAD is GET without the body: documented as its own operation, named after the function's GET.
        Assert.Equal(method.Equals("head", StringComparison.OrdinalIgnoreCase) ? function + "Head" : function, operation.GetProperty("operationId").GetString());
        foreach (var token in route.Split('/').Where(s => s.StartsWith('{')))
        {
            Assert.Contains(Parameters(operation), p => p.In == "path" && "{" + p.Name + "}" == token);
        }
        Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), "responses documented");
    }

    [Fact]
    public void Every_documented_path_is_a_function_route()
    {
        var routes = HttpFunctions().Select(f => "/" + ((string)f[1]).TrimStart('/')).ToHashSet();
        Assert.All(Paths.EnumerateObject(), p => Assert.Contains(p.Name, routes));
    }

    [Fact]
    public void Every_query_parameter_the_parser_accepts_is_documented()
    {
        var list = Parameters(Paths.GetProperty("/api/projects").GetProperty("get")).Select(p => p.Name).ToHashSet();
        Assert.Superset(ProjectQueryParameters.Filters.Concat(ProjectQueryParameters.Paging).ToHashSet(), list);
        var facets = Parameters(Paths.GetProperty("/api/facets").GetProperty("get")).Select(p => p.Name).ToHashSet();
        Assert.Superset(ProjectQueryParameters.Filters.ToHashSet(), facets);
        Assert.Contains(Parameters(Paths.GetProperty("/api/brochures").GetProperty("post")), p => p.Name == BrochureUploadReader.NameParameter && p.In == "query");
    }

    [Fact]
    public void Errors_are_documented_as_problem_json_with_schemas_that_exist()
    {
        var document = JsonDocument.Parse(CatalogueOpenApi.Document).RootElement;
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "Project", "ProjectPage", "BrochureStatus", "FacetCounts", "ProblemDetails" }) Assert.True(schemas.TryGetProperty(name, out _), name);
        var bad = Paths.GetProperty("/api/projects").GetProperty("get").GetProperty("responses").GetProperty("400");
        Assert.True(bad.GetProperty("content").TryGetProperty("application/problem+json", out _));
        foreach (var reference in Refs(document)) Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), reference);
    }

    [Fact]
    public async Task The_function_serves_the_document()
    {
        var response = await CatalogueApp.SendAsync(r => Task.FromResult(new OpenApiFunction().Run(r)), "GET", "/api/openapi.json");
        Assert.Equal(200, response.Status);
        Assert.Equal("3.1.0", response.Json.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task The_document_is_valid_OpenAPI_by_swagger_parser()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sstc-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, CatalogueOpenApi.Document);
        try
        {
            var (exitCode, output) = await Node.RunAsync("scripts/openapi-validate.mjs", file);
            Assert.True(exitCode == 0, output);
            Assert.StartsWith("valid: OpenAPI 3.1.0", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Schemas_are_generated_from_the_response_types_with_the_api_serializer_options()
    {
        var schemas = JsonDocument.Parse(CatalogueOpenApi.Document).RootElement.GetProperty("components").GetProperty("schemas");
        // Every member of the record the API serializes, under the name RecordJson.Options gives it.
        var project = schemas.GetProperty("Project").GetProperty("properties");
        var expected = typeof(Core.Records.ProjectRecord).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        Assert.Equal(expected.Order(), project.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("#/components/schemas/PolicyOutcome", project.GetProperty("outcomes").GetProperty("items").GetProperty("$ref").GetString());
        // The page says what count and total are; the problem carries the extension members ApiResults writes.
        var page = schemas.GetProperty("ProjectPage").GetProperty("properties");
        Assert.True(page.TryGetProperty("total", out _));
        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        foreach (var member in new[] { "type", "title", "status", "detail", "parameter", "validValues", "errors", "currentETag" })
        {
            Assert.True(problem.TryGetProperty(member, out _), member);
        }
    }

    private static IEnumerable<(string Name, string In)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!))
            : [];

    private static IEnumerable<string> Refs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" && p.Value.GetString()!.StartsWith("#/components/schemas/") ? [p.Value.GetString()!] : Refs(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Refs),
        _ => [],
    };
}
