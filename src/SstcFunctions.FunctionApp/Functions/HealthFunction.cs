using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Functions;

public sealed class HealthFunction
{
    /// <summary>Runs on GET /api/health: liveness for load balancers and scripts.</summary>
    [Function("Health")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/health")] HttpRequest request)
        => new OkObjectResult(new HealthStatus("ok"));
}
