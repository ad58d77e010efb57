using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SstcFunctions.FunctionApp;
using SstcFunctions.FunctionApp.Http;

// `--startup-check` (StartupCheck.cs): the same host, built the same way, checked instead of run.
var check = StartupCheck.Requested(args);
var builder = FunctionsApplication.CreateBuilder(StartupCheck.WithoutSwitch(args));
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeadersMiddleware>(); // nosniff on every response
builder.Services.AddSstcTelemetry(builder.Configuration);
builder.Services.AddSstcCatalogue(builder.Configuration);
using var host = builder.Build();
if (check)
{
    return await StartupCheck.RunAsync(host, Console.Out);
}
host.Run();
return 0;
