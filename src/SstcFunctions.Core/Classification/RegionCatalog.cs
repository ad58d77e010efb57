namespace SstcFunctions.Core.Classification;

/// <summary>Canonical region names and the printed variants that mean them (data: Data/regions.json).</summary>
public sealed class RegionCatalog
{
    public static RegionCatalog Default { get; } = new();

    /// <summary>The canonical region a heading names ("ASIA &amp; THE PACIFIC (continued)" → "Asia and the Pacific"), or null.</summary>
    public string? Match(string heading) => throw new NotImplementedException();

    public IReadOnlyList<string> CanonicalNames => throw new NotImplementedException();
}
