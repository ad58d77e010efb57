using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>Answers project and facet reads from the in-memory catalogue: no storage round trip per request.</summary>
public sealed class CatalogueQueries
{
    private readonly CatalogueReadModel _readModel;
    private readonly ContinuationTokens _tokens;
    private readonly FilterVocabulary _vocabulary;

    public CatalogueQueries(CatalogueReadModel readModel, ContinuationTokens tokens, FilterVocabulary vocabulary)
    {
        _readModel = readModel;
        _tokens = tokens;
        _vocabulary = vocabulary;
        // The dashboard's first call is the unfiltered facets, a pass over every project: computed as soon as a snapshot
        // is loaded, so no reader waits for it (nor, at 20,000 projects, do the readers queued behind it).
        _readModel.Loaded += snapshot => snapshot.Response(FacetsKey(AllProjects), s => Facets(s, AllProjects));
    }

    private static readonly ProjectFilter AllProjects = new();

    /// <summary>
    /// One page as <c>{"projects":[…],"continuationToken":…}</c>, the projects in exactly the record JSON shape;
    /// or, for CSV, every matching project.
    /// </summary>
    public async Task<BodyResult> ListAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await _readModel.GetAsync(cancellationToken);
        if (UnknownBrochure(snapshot, query.Filter) is { } unknown) return unknown;
        // Same snapshot and same normalized query give the same body (tokens are deterministic): computed once.
        var key = string.Join('\u001e', query.Xlsx ? "xlsx" : query.Csv ? "csv" : "projects", query.Filter.Key(), query.Top.ToString(System.Globalization.CultureInfo.InvariantCulture),
            query.After?.BrochureId, query.After?.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return snapshot.Response(key, s => List(s, query));
    }

    private BodyResult List(CatalogueSnapshot snapshot, ProjectQuery query)
    {
        if (query.Xlsx)
        {
            return new BodyResult(StatusCodes.Status200OK, ProjectXlsx.Write(snapshot.Match(query.Filter).Select(snapshot.Project)), ProjectXlsx.ContentType)
            {
                CacheControl = ApiResults.CatalogueReadCaching,
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"projects.xlsx\"" },
            };
        }
        if (query.Csv)
        {
            var all = snapshot.Match(query.Filter).Select(snapshot.Project);
            return new BodyResult(StatusCodes.Status200OK, ProjectCsv.Write(all), ProjectCsv.ContentType)
            {
                CacheControl = ApiResults.CatalogueReadCaching,
                Headers = new Dictionary<string, string> { ["Content-Disposition"] = "attachment; filename=\"projects.csv\"" },
            };
        }

        var page = new List<int>(Math.Min(query.Top, snapshot.Count));
        string? next = null;
        foreach (var i in snapshot.Match(query.Filter, query.After))
        {
            if (page.Count == query.Top)
            {
                // Only issue a token when something really follows, so the last page says so.
                var last = snapshot.Project(page[^1]);
                next = _tokens.Issue(new ProjectPosition(last.BrochureId, last.Ordinal), query.Filter);
                break;
            }
            page.Add(i);
        }

        var body = new ArrayBufferWriter<byte>(4096 + page.Count * 2048);
        using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = RecordJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName("projects");
            json.WriteStartArray();
            foreach (var i in page)
            {
                if (query.Filter.Distinct) WriteWithPrintings(json, snapshot, i);
                else json.WriteRawValue(snapshot.Json(i).Span, skipInputValidation: true);
            }
            json.WriteEndArray();
            json.WriteNumber("count", page.Count);
            json.WriteNumber("total", snapshot.Match(query.Filter).Count());
            json.WriteString("continuationToken", next);
            if (query.Filter.Review)
            {
                // The review queue says why each card is in it (closed kinds, see ReviewReasons) and how much.
                json.WritePropertyName("review");
                json.WriteStartObject();
                foreach (var i in page)
                {
                    var review = snapshot.Review(i);
                    json.WritePropertyName(snapshot.Project(i).Id);
                    JsonSerializer.Serialize(json, review, RecordJson.Options);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return new BodyResult(StatusCodes.Status200OK, body.WrittenSpan.ToArray(), ApiResults.JsonContentType)
        {
            CacheControl = ApiResults.CatalogueReadCaching,
        };
    }

    /// <summary>The record's JSON with its project key and its printings (id, brochure, language), for distinct=true.</summary>
    private static void WriteWithPrintings(Utf8JsonWriter json, CatalogueSnapshot snapshot, int index)
    {
        var record = JsonNode.Parse(snapshot.Json(index).Span)!.AsObject();
        record["projectKey"] = snapshot.ProjectKey(index);
        var printings = new JsonArray();
        foreach (var i in snapshot.Printings(index))
        {
            var p = snapshot.Project(i);
            printings.Add(JsonSerializer.SerializeToNode(new Printing(p.Id, p.BrochureId, p.Language), RecordJson.Options));
        }
        record["printings"] = printings;
        record.WriteTo(json, RecordJson.Options);
    }

    public async Task<BodyResult> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        var snapshot = await _readModel.GetAsync(cancellationToken);
        if (snapshot.IndexOf(projectId) is not { } index) return ApiResults.NotFound($"No project with id '{Printable(projectId)}'.");
        return new BodyResult(StatusCodes.Status200OK, snapshot.Json(index).ToArray(), ApiResults.JsonContentType)
        {
            CacheControl = ApiResults.CatalogueReadCaching,
        };
    }

    public async Task<BodyResult> FacetsAsync(ProjectFilter filter, CancellationToken cancellationToken)
    {
        var snapshot = await _readModel.GetAsync(cancellationToken);
        if (UnknownBrochure(snapshot, filter) is { } unknown) return unknown;
        return snapshot.Response(FacetsKey(filter), s => Facets(s, filter));
    }

    private static string FacetsKey(ProjectFilter filter) => "facets\u001e" + filter.Key();

    private BodyResult Facets(CatalogueSnapshot snapshot, ProjectFilter filter) => ApiResults.Json(FacetCounts.Count(snapshot, filter, _vocabulary));

    /// <summary>
    /// A brochure filter naming no brochure of the catalogue (whatever its status: a pending one is known) is a 400
    /// listing the known ids, like every other filter value the catalogue does not know.
    /// </summary>
    private static BodyResult? UnknownBrochure(CatalogueSnapshot snapshot, ProjectFilter filter)
    {
        if (filter.Brochure is not { } id || snapshot.Contents.Brochures.Any(b => b.Id == id)) return null;
        return ApiResults.BadRequest($"'{Printable(id)}' is not a known brochure.", new ProblemExtensions
        {
            Parameter = ProjectQueryParameters.Brochure,
            ValidValues = [.. snapshot.Contents.Brochures.Select(b => b.Id).Order(StringComparer.Ordinal)],
        });
    }

    private static string Printable(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(120).ToArray());
        return clean.Length < value.Length ? clean + "…" : clean;
    }
}
