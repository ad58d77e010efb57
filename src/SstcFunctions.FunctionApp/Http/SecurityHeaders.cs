using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SstcFunctions.FunctionApp.Http;

/// <summary>
/// Headers every HTTP response carries, set in one place for each host: <see cref="SecurityHeadersMiddleware"/> in the
/// Functions worker, the local host's request pipeline there. <c>X-Content-Type-Options: nosniff</c>: a response is
/// what its Content-Type says (JSON, CSV, a PDF), never whatever a browser might sniff it to be.
/// </summary>
public static class SecurityHeaders
{
    public static void Apply(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";
}

/// <summary>The Functions worker's side of <see cref="SecurityHeaders"/> (ASP.NET Core integration).</summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http) SecurityHeaders.Apply(http.Response);
        return next(context);
    }
}
