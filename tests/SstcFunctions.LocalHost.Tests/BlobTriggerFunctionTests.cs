using System.Reflection;
using SstcFunctions.LocalHost.Blobs;
using SstcFunctions.LocalHost.Http;

namespace SstcFunctions.LocalHost.Tests;

/// <summary>The blob trigger's path has one source of truth: the FunctionApp's worker attribute.</summary>
public sealed class BlobTriggerFunctionTests
{
    private static readonly BlobTriggerFunction Function = BlobTriggerFunction.ReadFrom(LocalFunctionsHost.FunctionApp)!;

    [Fact]
    public void The_path_is_the_worker_attributes_path()
    {
        var declared = LocalFunctionsHost.FunctionApp.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.BlobTriggerAttribute>())
            .Single(a => a is not null)!;

        Assert.Equal(declared.BlobPath, Function.BlobPath);
        Assert.Equal("IngestBrochure", Function.FunctionName);
        Assert.Equal("brochures", Function.Container);
    }

    [Fact]
    public void The_webjobs_adapter_names_no_path_of_its_own()
    {
        var blob = typeof(WebJobsBlobTrigger).GetMethod(nameof(WebJobsBlobTrigger.RunAsync))!.GetParameters()[0];
        var attribute = blob.GetCustomAttribute<Microsoft.Azure.WebJobs.BlobTriggerAttribute>()!;

        Assert.Equal($"%{WebJobsBlobTrigger.PathSetting}%", attribute.BlobPath);
    }

    [Theory]
    [InlineData("brochures/sstc-2020-2021.pdf", "sstc-2020-2021.pdf")]
    [InlineData("brochures/folder/with space.pdf", "folder/with space.pdf")]
    public void Binding_data_comes_from_the_path_pattern(string blobTrigger, string name)
    {
        Assert.Equal(name, Function.BindingData(blobTrigger)["name"]);
    }

    [Fact]
    public void A_blob_outside_the_pattern_has_no_binding_data()
    {
        Assert.Empty(Function.BindingData("elsewhere/file.pdf"));
    }
}

public sealed class FunctionKeyTests
{
    [Theory]
    [InlineData(null, null, null, true)]          // no key configured: open, like func start
    [InlineData("", null, null, true)]
    [InlineData("k3y", null, null, false)]
    [InlineData("k3y", "k3y", null, true)]        // x-functions-key header
    [InlineData("k3y", null, "k3y", true)]        // ?code=
    [InlineData("k3y", "wrong", null, false)]
    [InlineData("k3y", null, "wrong", false)]
    [InlineData("k3y", null, "K3Y", false)]       // keys are case-sensitive
    public void A_key_is_needed_only_when_one_is_configured(string? configured, string? header, string? code, bool allowed)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (header is not null) context.Request.Headers[HttpFunctionEndpoints.FunctionKeyHeader] = header;
        if (code is not null) context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString($"?code={code}");

        Assert.Equal(allowed, HttpFunctionEndpoints.HasValidKey(context.Request, configured));
    }
}
