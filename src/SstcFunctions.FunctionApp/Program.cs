using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SstcFunctions.FunctionApp;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSstcTelemetry(builder.Configuration);
builder.Services.AddSstcCatalogue(builder.Configuration);
builder.Build().Run();
