using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Catalogue;

/// <summary>
/// Turns a query string into a <see cref="ProjectQuery"/> or a 400 problem. Strict on purpose: an unknown parameter,
/// a repeated one or an unknown value is an error, never silently ignored, so a typo can never widen a result set.
/// </summary>
public sealed class ProjectQueryParser(FilterVocabulary vocabulary, ContinuationTokens tokens)
{
    private const int MaxSearchWords = 20;

    public bool TryParseProjects(HttpRequest request, out ProjectQuery query, out BodyResult problem)
    {
        query = null!;
        if (!TryParse(request.Query, paging: true, out var filter, out problem)) return false;

        var top = ProjectQueryParameters.DefaultTop;
        if (Single(request.Query, ProjectQueryParameters.Top) is { } topText)
        {
            if (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > ProjectQueryParameters.MaxTop)
            {
                problem = Invalid(ProjectQueryParameters.Top, $"top must be a whole number from 1 to {ProjectQueryParameters.MaxTop}.");
                return false;
            }
        }

        ProjectPosition? after = null;
        if (Single(request.Query, ProjectQueryParameters.ContinuationToken) is { } token)
        {
            after = tokens.Verify(token, filter);
            if (after is null)
            {
                problem = Invalid(ProjectQueryParameters.ContinuationToken,
                    "continuationToken is not one this service issued for these filters; start again without it.");
                return false;
            }
        }

        var csv = false;
        var xlsx = false;
        if (Single(request.Query, ProjectQueryParameters.Format) is { } format)
        {
            if (format.Equals("csv", StringComparison.OrdinalIgnoreCase)) csv = true;
            else if (format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)) xlsx = true;
            else if (!format.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                problem = Invalid(ProjectQueryParameters.Format, "format must be json, csv or xlsx.", ["json", "csv", "xlsx"]);
                return false;
            }
        }
        else
        {
            csv = AcceptsCsv(request);
        }

        query = new ProjectQuery(filter, top, after, csv) { Xlsx = xlsx };
        return true;
    }

    public bool TryParseFilter(HttpRequest request, out ProjectFilter filter, out BodyResult problem) =>
        TryParse(request.Query, paging: false, out filter, out problem);

    private bool TryParse(IQueryCollection query, bool paging, out ProjectFilter filter, out BodyResult problem)
    {
        filter = null!;
        problem = null!;
        var allowed = paging ? ProjectQueryParameters.Filters.Concat(ProjectQueryParameters.Paging).ToList() : ProjectQueryParameters.Filters.ToList();
        foreach (var (name, values) in query)
        {
            if (name.Equals(ProjectQueryParameters.FunctionKey, StringComparison.OrdinalIgnoreCase)) continue;
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problem = ApiResults.BadRequest($"Unknown query parameter '{Printable(name)}'.",
                    new ProblemExtensions { Parameter = Printable(name), ValidParameters = [.. allowed] });
                return false;
            }
            if (values.Count > 1)
            {
                problem = Invalid(name, $"{name} may be given once.");
                return false;
            }
            var value = values.ToString();
            if (value.Trim().Length == 0 || value.Length > ProjectQueryParameters.MaxValueLength || value.Any(char.IsControl))
            {
                problem = Invalid(name, $"{name} must be a non-empty value of at most {ProjectQueryParameters.MaxValueLength} printable characters.");
                return false;
            }
        }

        var result = new ProjectFilter();
        // Filters over a finite vocabulary: a value resolves to its canonical form, or the caller learns the valid ones.
        (string Parameter, Func<string, string?> Resolve, IReadOnlyCollection<string>? Valid, Func<ProjectFilter, string, ProjectFilter> Apply)[] vocabularyFilters =
        [
            (ProjectQueryParameters.Region, vocabulary.Region, vocabulary.Regions, (f, v) => f with { Region = v }),
            (ProjectQueryParameters.Topic, vocabulary.Topic, vocabulary.Topics, (f, v) => f with { Topic = v }),
            (ProjectQueryParameters.Outcome, vocabulary.Outcome, vocabulary.Outcomes, (f, v) => f with { Outcome = v }),
            (ProjectQueryParameters.Activity, vocabulary.Activity, vocabulary.Activities, (f, v) => f with { Activity = v }),
            (ProjectQueryParameters.Modality, vocabulary.Modality, vocabulary.Modalities, (f, v) => f with { Modality = v }),
            (ProjectQueryParameters.Language, vocabulary.Language, vocabulary.Languages, (f, v) => f with { Language = v }),
        ];
        foreach (var (parameter, resolve, valid, apply) in vocabularyFilters)
        {
            if (Single(query, parameter) is not { } raw) continue;
            if (resolve(raw) is not { } known) return Fail(out problem, parameter, raw, valid);
            result = apply(result, known);
        }
        if (Single(query, ProjectQueryParameters.Country) is { } country)
        {
            var code = vocabulary.Country(country);
            if (code is null)
            {
                problem = Invalid(ProjectQueryParameters.Country, $"'{Printable(country)}' is not a country this catalogue knows; use an ISO 3166-1 code (BR) or a name (Brazil, Brasil, Brésil).");
                return false;
            }
            result = result with { Country = code };
        }
        if (Single(query, ProjectQueryParameters.Brochure) is { } brochure)
        {
            var id = brochure.Trim().ToLowerInvariant();
            if (id.Length > 100 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                problem = Invalid(ProjectQueryParameters.Brochure, "brochure must be a brochure id: lower-case letters, digits and dashes.");
                return false;
            }
            result = result with { Brochure = id };
        }
        if (Single(query, ProjectQueryParameters.Distinct) is { } distinct)
        {
            if (!bool.TryParse(distinct, out var value))
            {
                problem = Invalid(ProjectQueryParameters.Distinct, "distinct must be true or false.", ["true", "false"]);
                return false;
            }
            result = result with { Distinct = value };
        }
        if (Single(query, ProjectQueryParameters.Review) is { } review)
        {
            if (!review.Equals(ProjectQueryParameters.ReviewNeeded, StringComparison.OrdinalIgnoreCase))
            {
                problem = Invalid(ProjectQueryParameters.Review, "review takes one value: needed.", [ProjectQueryParameters.ReviewNeeded]);
                return false;
            }
            result = result with { Review = true };
        }
        if (Single(query, ProjectQueryParameters.Search) is { } q)
        {
            var words = SearchText.Words(q).Distinct(StringComparer.Ordinal).ToArray();
            if (words.Length == 0 || words.Length > MaxSearchWords)
            {
                problem = Invalid(ProjectQueryParameters.Search, $"q must contain from 1 to {MaxSearchWords} words (letters or digits).");
                return false;
            }
            result = result with { Words = words };
        }
        filter = result;
        return true;
    }

    private static bool AcceptsCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        var csvQuality = Quality(accepted, "text/csv");
        var jsonQuality = Math.Max(Quality(accepted, "application/json"), Quality(accepted, "*/*"));
        return csvQuality > 0 && csvQuality >= jsonQuality;
    }

    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType) =>
        accepted.Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count == 1 ? values.ToString().Trim() : null;

    private static bool Fail(out BodyResult problem, string parameter, string value, IReadOnlyCollection<string>? valid)
    {
        problem = valid is null
            ? Invalid(parameter, $"'{Printable(value)}' is not a valid {parameter}: use a lower-case slug such as 'skills'.")
            : Invalid(parameter, $"'{Printable(value)}' is not a known {parameter}.", valid);
        return false;
    }

    private static BodyResult Invalid(string parameter, string detail, IReadOnlyCollection<string>? validValues = null)
    {
        return ApiResults.BadRequest(detail, new ProblemExtensions { Parameter = parameter, ValidValues = validValues?.ToArray() });
    }

    // Echo at most a short, printable prefix of what the caller sent.
    private static string Printable(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(60).ToArray());
        return clean.Length < value.Length ? clean + "…" : clean;
    }
}
