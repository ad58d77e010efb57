using SstcFunctions.LocalHost;

// dotnet run --project src/SstcFunctions.LocalHost [-- --port 7071] [--function-key KEY]
var app = LocalFunctionsHost.Build(args);
await app.RunAsync();
