using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SstcFunctions.FunctionApp;
using SstcFunctions.FunctionApp.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeadersMiddleware>(); // nosniff on every response
builder.Services.AddSstcTelemetry(builder.Configuration);
builder.Services.AddSstcCatalogue(builder.Configuration);
builder.Build().Run();
