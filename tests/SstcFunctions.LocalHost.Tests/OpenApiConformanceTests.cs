using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>
/// What the API really answers, over HTTP through the local host, against what /api/openapi.json says: every answer's
/// status is documented for its operation, and every JSON body (problems included) validates against the documented
/// schema of that status and media type (JSON Schema 2020-12, as OpenAPI 3.1). Every operation of the document is
/// exercised, so a new route cannot go undocumented or untested here.
/// </summary>
public sealed class OpenApiConformanceTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private const string Brochure = "conformance-check";
    private static readonly Uri DocumentUri = new("https://sstc.test/openapi.json");

    private readonly HashSet<string> _exercised = [];
    private readonly List<string> _failures = [];
    private JsonObject _document = null!;
    private EvaluationOptions _evaluation = null!;

    [Fact]
    public async Task Every_operation_answers_only_documented_statuses_with_bodies_matching_the_schemas()
    {
        _document = JsonNode.Parse(await host.Http.GetStringAsync("api/openapi.json"))!.AsObject();
        _evaluation = new EvaluationOptions { OutputFormat = OutputFormat.List };
        _evaluation.SchemaRegistry.Register(new JsonNodeBaseDocument(_document, DocumentUri));

        // The validation is not vacuous: a body of the wrong shape fails against the generated schemas.
        var wrong = JsonSchema.FromText($$"""{"$ref": "{{DocumentUri}}#/components/schemas/ProjectPage"}""")
            .Evaluate(JsonNode.Parse("""{"projects": [{"id": 5}], "count": "many"}"""), _evaluation);
        Assert.False(wrong.IsValid);

        var key = new Dictionary<string, string> { ["x-functions-key"] = LocalHostFixture.FunctionKey };
        var pdf = await File.ReadAllBytesAsync(SharedFixtures.SeedBrochurePdf);
        await Check("POST", $"api/brochures?name={Brochure}.pdf", 202, key, pdf, "application/pdf");
        await host.WaitForBrochureAsync(Brochure, TimeSpan.FromMinutes(2));
        var projects = await host.ProjectsOfAsync(Brochure, 21, TimeSpan.FromSeconds(30));
        var id = projects[3].GetProperty("id").GetString()!;

        await Check("GET", "api/health", 200);
        var page = await Check("GET", "api/projects?top=2", 200);
        var token = JsonNode.Parse(page.Body)!["continuationToken"]!.GetValue<string>();
        await Check("GET", $"api/projects?top=2&continuationToken={Uri.EscapeDataString(token)}", 200);
        await Check("GET", "api/projects?top=2", 304, new() { ["If-None-Match"] = page.ETag ?? "" });
        await Check("GET", "api/projects?distinct=true&country=BR", 200);
        await Check("GET", "api/projects?review=needed&top=5", 200);
        await Check("GET", "api/projects?format=csv", 200);
        await Check("GET", "api/projects?format=xlsx", 200);
        await Check("GET", "api/projects?brochure=nope", 400);
        await Check("GET", "api/projects?top=0", 400);
        await Check("GET", "api/projects?bogus=1", 400);
        await Check("GET", $"api/projects/{id}", 200);
        await Check("GET", "api/projects/nope-001", 404);
        await Check("GET", "api/facets?region=Africa", 200);
        await Check("GET", "api/facets?region=Atlantis", 400);
        await Check("GET", "api/brochures", 200);
        await Check("GET", "api/brochures?x=1", 400);
        await Check("GET", $"api/brochures/{Brochure}", 200);
        await Check("GET", "api/brochures/nope", 404);
        var file = await Check("GET", $"api/brochures/{Brochure}/pdf", 200);
        await Check("GET", $"api/brochures/{Brochure}/pdf", 206, new() { ["Range"] = "bytes=0-99" });
        await Check("GET", $"api/brochures/{Brochure}/pdf", 304, new() { ["If-None-Match"] = file.ETag ?? "" });
        await Check("GET", $"api/brochures/{Brochure}/pdf", 416, new() { ["Range"] = "bytes=99999999-" });
        await Check("GET", "api/brochures/nope/pdf", 404);
        await Check("GET", "api/openapi.json", 200);
        await Check("GET", "/", 200);
        await Check("GET", "dashboard/nope.js", 404);
        foreach (var get in new[] { "api/health", "api/projects", $"api/projects/{id}", "api/facets", "api/brochures", $"api/brochures/{Brochure}",
                     $"api/brochures/{Brochure}/pdf", "api/openapi.json", "/", $"api/projects/{id}/history", "api/corrections" })
        {
            await Check("HEAD", get, 200);
        }
        await Check("HEAD", "dashboard/nope.js", 404);

        await Check("POST", $"api/brochures?name={Brochure}.pdf", 401, body: pdf, contentType: "application/pdf");
        await Check("POST", "api/brochures", 400, key, pdf, "application/pdf");
        await Check("POST", "api/brochures?name=notes.txt", 415, key, "hello"u8.ToArray(), "text/plain");
        await Check("POST", $"api/brochures?name={Brochure.ToUpperInvariant()}.pdf", 409, key, pdf, "application/pdf");

        var project = await Check("GET", $"api/projects/{id}", 200);
        var patch = Encoding.UTF8.GetBytes("""{"topics": ["tvet"]}""");
        await Check("PATCH", $"api/projects/{id}", 412, new(key) { ["If-Match"] = "\"stale\"" }, patch, "application/merge-patch+json");
        await Check("PATCH", $"api/projects/{id}", 400, key, """{"region": "Atlantis"}"""u8.ToArray(), "application/merge-patch+json");
        await Check("PATCH", $"api/projects/{id}", 415, key, patch, "text/plain");
        await Check("PATCH", "api/projects/nope-001", 404, key, patch, "application/merge-patch+json");
        var patched = await Check("PATCH", $"api/projects/{id}", 200, new(key) { ["If-Match"] = project.ETag ?? "" }, patch, "application/merge-patch+json");
        await Check("POST", $"api/brochures/{Brochure}/projects", 201, key, """{"title": "A card the extractor missed"}"""u8.ToArray(), "application/json");
        await Check("POST", $"api/brochures/{Brochure}/projects", 400, key, """{"page": 3}"""u8.ToArray(), "application/json");
        await Check("GET", $"api/projects/{id}/history", 200);
        await Check("GET", "api/projects/nope-001/history", 404);
        await Check("GET", "api/corrections", 200);
        await Check("GET", "api/corrections?match=bogus", 400);
        await Check("DELETE", $"api/projects/{id}", 200, new(key) { ["If-Match"] = patched.ETag ?? "" });

        await Check("POST", "api/events/blob-deleted", 200, key,
            """[{"id":"1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"abc"}}]"""u8.ToArray(), "application/json");
        await Check("POST", "api/events/blob-deleted", 200, key, "[]"u8.ToArray(), "application/json");
        await Check("POST", "api/events/blob-deleted", 400, key, "nope"u8.ToArray(), "application/json");
        await Check("DELETE", "api/brochures/nope", 404, key);
        await Check("DELETE", $"api/brochures/{Brochure}", 202, key);

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
        var operations = _document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>()));
        var unexercised = operations.Except(_exercised).ToList();
        Assert.True(unexercised.Count == 0, "operations this test does not call: " + string.Join(", ", unexercised));
    }

    private sealed record Answer(int Status, byte[] Body, string? ETag);

    /// <summary>Sends one request, expects <paramref name="status"/>, and checks the answer against the document.</summary>
    private async Task<Answer> Check(string method, string url, int status, Dictionary<string, string>? headers = null, byte[]? body = null,
        string? contentType = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await host.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var what = $"{method} {url} → {(int)response.StatusCode}";
        if ((int)response.StatusCode != status) _failures.Add($"{what}: expected {status}. {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300)))}");

        var (template, operation) = Operation(method, url);
        if (operation is null)
        {
            _failures.Add($"{what}: no operation in the document");
            return new Answer((int)response.StatusCode, bytes, response.Headers.ETag?.ToString());
        }
        _exercised.Add(operation["operationId"]!.GetValue<string>());
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation["responses"]?[code] is not JsonObject documented)
        {
            _failures.Add($"{what}: status not documented for {method} {template}");
        }
        else if (bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("json"))
        {
            if (documented["content"]?[mediaType] is null)
            {
                _failures.Add($"{what}: {mediaType} not documented");
            }
            else
            {
                var pointer = $"#/paths/{Escape(template)}/{method.ToLowerInvariant()}/responses/{code}/content/{Escape(mediaType)}/schema";
                var schema = JsonSchema.FromText($$"""{"$ref": "{{DocumentUri}}{{pointer}}"}""");
                var result = schema.Evaluate(JsonNode.Parse(bytes), _evaluation);
                if (!result.IsValid)
                {
                    var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                        .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(5);
                    _failures.Add($"{what}: body does not match {pointer}: {string.Join(" | ", errors)}");
                }
            }
        }
        return new Answer((int)response.StatusCode, bytes, response.Headers.ETag?.ToString());
    }

    /// <summary>The documented operation whose path template matches the request path.</summary>
    private (string Template, JsonObject? Operation) Operation(string method, string url)
    {
        var requestPath = "/" + url.Split('?')[0].TrimStart('/');
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(requestPath, pattern) && item![method.ToLowerInvariant()] is JsonObject operation) return (template, operation);
        }
        return (requestPath, null);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment.Replace("~", "~0").Replace("/", "~1"));
}
