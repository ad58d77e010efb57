using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SstcFunctions.LocalHost.Http;

/// <summary>One HTTP-triggered function as its <c>[Function]</c> and <c>[HttpTrigger]</c> attributes declare it.</summary>
public sealed record HttpFunctionRoute(
    string FunctionName,
    string Route,
    IReadOnlyList<string> Methods,
    AuthorizationLevel AuthLevel,
    MethodInfo Method)
{
    /// <summary>Every HTTP-triggered function in <paramref name="functionApp"/>: the one source of truth for routes.</summary>
    public static IReadOnlyList<HttpFunctionRoute> ReadFrom(Assembly functionApp)
    {
        var routes = new List<HttpFunctionRoute>();
        foreach (var method in FunctionMethods(functionApp))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>()!;
            var trigger = method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .FirstOrDefault(a => a is not null);
            if (trigger is null) continue;

            var methods = trigger.Methods is { Length: > 0 }
                ? trigger.Methods.Select(m => m.ToUpperInvariant()).ToArray()
                : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]; // no methods = any method, as in Azure
            routes.Add(new HttpFunctionRoute(function.Name, trigger.Route ?? function.Name, methods, trigger.AuthLevel, method));
        }
        return routes;
    }

    internal static IEnumerable<MethodInfo> FunctionMethods(Assembly functionApp) =>
        functionApp.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } || t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .OrderBy(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal);
}
