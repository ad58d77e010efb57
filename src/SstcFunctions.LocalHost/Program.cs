using SstcFunctions.LocalHost;
using SstcFunctions.LocalHost.EventGrid;

// dotnet run --project src/SstcFunctions.LocalHost [-- --port 7071] [--function-key KEY]
//   the Functions app on http://127.0.0.1:7071, with its own local Event Grid feeding the blob trigger
// dotnet SstcFunctions.LocalHost.dll --events-only [--port 7071 | --webhook URL]
//   only the local Event Grid, delivering BlobCreated events to the webhook of `func start` on that port
if (args.Contains(LocalEventGrid.EventsOnlySwitch))
{
    using var events = LocalEventGrid.BuildEventsOnly([.. args.Where(a => a != LocalEventGrid.EventsOnlySwitch)]);
    await events.RunAsync();
    return;
}
var app = LocalFunctionsHost.Build(args);
await app.RunAsync();
