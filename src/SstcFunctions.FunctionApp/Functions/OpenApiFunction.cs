using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;
using SstcFunctions.FunctionApp.OpenApi;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class OpenApiFunction
{
    /// <summary>Runs on GET /api/openapi.json: the OpenAPI 3 description of every endpoint.</summary>
    [Function("OpenApi")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/openapi.json")] HttpRequest request) =>
        new BodyResult(StatusCodes.Status200OK, Encoding.UTF8.GetBytes(CatalogueOpenApi.Document), ApiResults.JsonContentType)
        {
            CacheControl = "public, max-age=3600",
        };
}
