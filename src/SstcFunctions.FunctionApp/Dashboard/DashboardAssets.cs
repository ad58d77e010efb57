using System.Collections.Frozen;
using System.Reflection;

namespace SstcFunctions.FunctionApp.Dashboard;

/// <summary>One file of the dashboard bundle, as served.</summary>
public sealed record DashboardAsset(string Name, byte[] Content, string ContentType);

/// <summary>
/// The dashboard bundle embedded in this assembly at build time (see the DashboardBundle target): index.html and
/// content-hashed scripts and styles. Only these names can ever be served, so no request path reaches the file system.
/// </summary>
public sealed class DashboardAssets
{
    public const string ResourcePrefix = "dashboard/";
    public const string IndexName = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> _assets;

    public DashboardAssets(Assembly assembly)
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType)) continue; // nothing we would label wrongly
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = new DashboardAsset(name, copy.ToArray(), contentType);
        }
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The bundle this app was built with.</summary>
    public static DashboardAssets Embedded { get; } = new(typeof(DashboardAssets).Assembly);

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public DashboardAsset? Index => _assets.GetValueOrDefault(IndexName);

    /// <summary>A bundled script or stylesheet by its exact name; null for anything else (including index.html).</summary>
    public DashboardAsset? Find(string? name) =>
        name is not null && name != IndexName && _assets.TryGetValue(name, out var asset) ? asset : null;
}
