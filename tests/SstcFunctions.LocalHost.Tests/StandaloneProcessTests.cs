using System.Diagnostics;
using System.Net;
using SstcFunctions.TestSupport;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>The built host runs as its own process (what scripts/run-local.sh and kill/restart tests start).</summary>
public sealed class StandaloneProcessTests
{
    [Fact]
    public async Task The_built_host_serves_health_on_the_port_given_with_port_and_stops_when_killed()
    {
        await using var storage = await AzuriteInstance.StartOrReuseAsync();
        var port = AzuriteInstance.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SstcFunctions.LocalHost.dll"), "--port", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["AzureWebJobsStorage"] = storage.ConnectionString,
                ["CatalogStorage"] = storage.ConnectionString,
                ["LocalHost__BlobTriggers"] = "false",
                ["LocalHost__HostId"] = $"standalone-{port}",
            },
        };
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpStatusCode? status = null;
            while (status is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync("api/health");
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }
            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.True(process.HasExited);
    }
}
