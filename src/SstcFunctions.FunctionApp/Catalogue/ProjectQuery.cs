using System.Security.Cryptography;
using System.Text;
using SstcFunctions.Storage;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// A validated project filter: every value resolved to its canonical form (country codes, canonical region names,
/// known slugs), so that matching is exact and nothing the caller typed reaches a storage query.
/// </summary>
public sealed record ProjectFilter
{
    public string? Region { get; init; }
    public string? Country { get; init; }
    public string? Topic { get; init; }
    public string? Outcome { get; init; }
    public string? Activity { get; init; }
    public string? Modality { get; init; }
    public string? Brochure { get; init; }
    /// <summary>BCP 47 language tag of the records ("es").</summary>
    public string? Language { get; init; }
    /// <summary>One record per project however many brochures print it: the first matching printing (docs/printings.md).</summary>
    public bool Distinct { get; init; }
    /// <summary>Folded words of q=; every one must start a word of the title or description.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];
    /// <summary>review=needed: only cards the review queue holds, most needed first.</summary>
    public bool Review { get; init; }

    /// <summary>The filter as one string: equal filters, equal keys (a response cache key).</summary>
    public string Key() => string.Join('\u001f', Region, Country, Topic, Outcome, Activity, Modality, Brochure, string.Join(' ', Words), Language, Distinct ? "distinct" : "", Review ? "review" : "");

    /// <summary>Binds a continuation token to the filter it was issued for.</summary>
    public string Fingerprint()
    {
        var text = Key();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }
}

/// <summary>GET /api/projects (and /api/facets): the filter, the page and the representation asked for.</summary>
public sealed record ProjectQuery(ProjectFilter Filter, int Top, ProjectPosition? After, bool Csv)
{
    /// <summary>format=xlsx: every match as an Excel workbook.</summary>
    public bool Xlsx { get; init; }
}

/// <summary>A place in the stable (brochure, ordinal) order; a page continues after it.</summary>
public sealed record ProjectPosition(string BrochureId, int Ordinal);

/// <summary>
/// The query parameter names: the parser, the OpenAPI document and its test all read them from here. The filter
/// parameters are the stored facets, named once in <see cref="CatalogueFacets"/>.
/// </summary>
public static class ProjectQueryParameters
{
    public const string Region = CatalogueFacets.Region;
    public const string Country = CatalogueFacets.Country;
    public const string Topic = CatalogueFacets.Topic;
    public const string Outcome = CatalogueFacets.Outcome;
    public const string Activity = CatalogueFacets.Activity;
    public const string Modality = CatalogueFacets.Modality;
    public const string Language = CatalogueFacets.Language;
    public const string Distinct = "distinct";
    public const string Brochure = "brochure";
    public const string Search = "q";
    public const string Review = "review";
    public const string ReviewNeeded = "needed";
    public const string Top = "top";
    public const string ContinuationToken = "continuationToken";
    public const string Format = "format";

    public const int DefaultTop = 50;
    public const int MaxTop = 200;
    public const int MaxValueLength = 200;

    /// <summary>Accepted by /api/projects and /api/facets.</summary>
    public static IReadOnlyList<string> Filters { get; } = [Region, Country, Topic, Outcome, Activity, Modality, Language, Brochure, Search, Distinct, Review];

    /// <summary>Accepted by /api/projects only.</summary>
    public static IReadOnlyList<string> Paging { get; } = [Top, ContinuationToken, Format];

    /// <summary>The function key the Functions host reads; never a filter, so tolerated everywhere.</summary>
    public const string FunctionKey = "code";
}
