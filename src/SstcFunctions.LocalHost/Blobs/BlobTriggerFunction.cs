using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.LocalHost.Http;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>The Functions app's one blob-triggered function, as its worker <c>[BlobTrigger]</c> attribute declares it.</summary>
public sealed partial class BlobTriggerFunction
{
    public string FunctionName { get; }
    /// <summary>"brochures/{name}": the container and the name pattern the listener watches.</summary>
    public string BlobPath { get; }
    public string Container => BlobPath.Split('/', 2)[0];
    public MethodInfo Method { get; }

    private readonly Regex _pathPattern;

    private BlobTriggerFunction(string functionName, string blobPath, MethodInfo method)
    {
        FunctionName = functionName;
        BlobPath = blobPath;
        Method = method;
        // "brochures/{name}" → ^brochures/(?<name>.+)$ : the binding data the worker gets from the path.
        var pattern = string.Join("", TokenPattern().Split(blobPath).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<{part}>.+?)"));
        _pathPattern = new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }

    /// <summary>The blob-triggered function of <paramref name="functionApp"/>, or null when it has none.</summary>
    public static BlobTriggerFunction? ReadFrom(Assembly functionApp)
    {
        var found = (
            from method in HttpFunctionRoute.FunctionMethods(functionApp)
            from parameter in method.GetParameters()
            let trigger = parameter.GetCustomAttribute<BlobTriggerAttribute>()
            where trigger is not null
            select (method, trigger)).ToList();
        if (found.Count == 0) return null;
        if (found.Count > 1)
        {
            throw new NotSupportedException($"The local host drives one blob-triggered function; found {string.Join(", ", found.Select(f => f.method.Name))}.");
        }
        var (blobFunction, attribute) = found[0];
        if (attribute.Connection is { Length: > 0 } connection && connection != "AzureWebJobsStorage")
        {
            throw new NotSupportedException($"The local host's blob trigger uses AzureWebJobsStorage, not {connection}.");
        }
        return new BlobTriggerFunction(blobFunction.GetCustomAttribute<FunctionAttribute>()!.Name, attribute.BlobPath, blobFunction);
    }

    /// <summary>"brochures/a.pdf" → { name = "a.pdf" } for the path "brochures/{name}".</summary>
    public IReadOnlyDictionary<string, string> BindingData(string blobTrigger)
    {
        var match = _pathPattern.Match(blobTrigger);
        return match.Success
            ? _pathPattern.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToDictionary(g => g, g => match.Groups[g].Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex TokenPattern();
}
