using System.Reflection;
using System.Runtime.ExceptionServices;
using SstcFunctions.LocalHost.Http;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>
/// The WebJobs side of the blob trigger: the SDK's own blob extension (the webhook's events queued on
/// <c>azure-webjobs-blobtrigger-{host}</c>, retries, the <c>webjobs-blobtrigger-poison</c> queue) calls this method,
/// which calls the Functions app's blob-triggered method. Event Grid is its source, as for the app in Azure: events
/// arrive through <see cref="BlobsWebhookEndpoint"/>. The path is not written here: <see cref="PathSetting"/>
/// resolves to the worker attribute's path.
/// </summary>
public sealed class WebJobsBlobTrigger(BlobTriggerFunction function, IServiceProvider services, FunctionInvocationLog invocations)
{
    public const string PathSetting = "SstcLocalHostBlobTriggerPath";

    /// <summary>The WebJobs function id of <see cref="RunAsync"/> (type full name and method): the name queued trigger messages carry.</summary>
    public static readonly string FunctionId = $"{typeof(WebJobsBlobTrigger).FullName}.{nameof(RunAsync)}";

    public async Task RunAsync(
        [Microsoft.Azure.WebJobs.BlobTrigger("%" + PathSetting + "%", Source = Microsoft.Azure.WebJobs.BlobTriggerSource.EventGrid)] Stream blob,
        string blobTrigger,
        CancellationToken cancellationToken)
    {
        invocations.Record(function.FunctionName);
        var bindingData = function.BindingData(blobTrigger);
        var method = function.Method;
        var arguments = method.GetParameters().Select(parameter => Bind(parameter, blob, blobTrigger, bindingData, cancellationToken)).ToArray();

        await using var scope = services.CreateAsyncScope();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        var failed = true;
        try
        {
            if (method.Invoke(target, arguments) is Task task) await task;
            failed = false;
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
        }
        finally
        {
            invocations.RecordEnd(function.FunctionName, blobTrigger, failed);
            if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (target is IDisposable disposable) disposable.Dispose();
        }
    }

    private static object? Bind(ParameterInfo parameter, Stream blob, string blobTrigger,
        IReadOnlyDictionary<string, string> bindingData, CancellationToken cancellationToken)
    {
        if (parameter.GetCustomAttribute<Microsoft.Azure.Functions.Worker.BlobTriggerAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(Stream)
                ? blob
                : throw new NotSupportedException($"The local host binds [BlobTrigger] to Stream only, not {parameter.ParameterType.Name}.");
        }
        if (parameter.ParameterType == typeof(CancellationToken)) return cancellationToken;
        if (parameter.ParameterType == typeof(string))
        {
            if (string.Equals(parameter.Name, "blobTrigger", StringComparison.OrdinalIgnoreCase)) return blobTrigger;
            if (bindingData.TryGetValue(parameter.Name!, out var value)) return value;
        }
        throw new NotSupportedException($"The local host cannot bind parameter '{parameter.Name}' of the blob-triggered function.");
    }
}
