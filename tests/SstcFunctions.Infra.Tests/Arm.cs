using System.Text.Json;

namespace SstcFunctions.Infra.Tests;

/// <summary>Reading compiled ARM templates: resources (nested module templates included), deployments, settings.</summary>
public static class Arm
{
    /// <summary>Every resource of the template and of the templates of its nested deployments (Bicep modules).</summary>
    public static IEnumerable<JsonElement> AllResources(JsonElement template)
    {
        foreach (var resource in ResourcesOf(template))
        {
            yield return resource;
            if (Type(resource) == "Microsoft.Resources/deployments"
                && resource.GetProperty("properties").TryGetProperty("template", out var nested))
            {
                foreach (var inner in AllResources(nested)) yield return inner;
            }
        }
    }

    /// <summary>The template of the module deployed as <paramref name="name"/> (main.bicep's <c>module x '...' = { name: 'x' }</c>).</summary>
    public static JsonElement Module(JsonElement template, string name) => Deployment(template, name).GetProperty("properties").GetProperty("template");

    public static JsonElement Deployment(JsonElement template, string name) =>
        ResourcesOf(template).SingleOrDefault(r => Type(r) == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new KeyNotFoundException($"no module deployment named '{name}'");

    public static IEnumerable<JsonElement> OfType(JsonElement template, string type) => AllResources(template).Where(r => Type(r) == type);

    public static JsonElement Single(JsonElement template, string type)
    {
        var found = OfType(template, type).ToList();
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"{found.Count} resources of type {type}, expected 1");
    }

    public static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>A property path ("properties.functionAppConfig.runtime.name") of a resource.</summary>
    public static JsonElement At(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                throw new KeyNotFoundException($"'{path}' not found (at '{part}')");
            }
        }
        return element;
    }

    /// <summary>Bicep writes resources as an array, or as an object keyed by symbolic name (language version 2.0).</summary>
    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources)) return [];
        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
    }
}
