using System.Text.Json;
using System.Text.Json.Nodes;
using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Records;
using SstcFunctions.FunctionApp.Catalogue;

namespace SstcFunctions.FunctionApp.Curation;

/// <summary>One thing wrong with a correction: the field and why, with the valid values where the list is finite.</summary>
public sealed record FieldProblem(string Field, string Detail, IReadOnlyList<string>? ValidValues = null);

/// <summary>A validated change: record fields in the record JSON shape (canonical values), and the curation flags.</summary>
public sealed record CorrectionPatch(JsonObject Fields, bool? Reviewed, bool? Withdrawn);

/// <summary>
/// Reads a JSON merge patch (RFC 7396) over a project's editable fields and validates every value against the same
/// vocabularies as the filters. A member set to null clears the field (region, outcome: none; lists: empty). Every
/// problem is reported at once; nothing is applied unless all are valid.
/// </summary>
public sealed class CorrectionPatchReader(FilterVocabulary vocabulary)
{
    public const int MaxTitleChars = 500;
    public const int MaxDescriptionChars = 20_000;
    public const int MaxListItems = 300;

    public static IReadOnlyList<string> EditableFields { get; } =
        ["title", "region", "description", "countries", "outcome", "outcomes", "topics", "activities", "modality", "tags", "page"];

    /// <summary>Curation flags a patch may set besides the fields: marks the card reviewed, withdraws or restores it.</summary>
    public static IReadOnlyList<string> Flags { get; } = ["reviewed", "withdrawn"];

    /// <param name="language">The record's language: country names are written in it, as extraction does.</param>
    public bool TryRead(JsonObject patch, bool adding, string? language, out CorrectionPatch result, out List<FieldProblem> problems)
    {
        problems = [];
        var fields = new JsonObject();
        bool? reviewed = null, withdrawn = null;
        JsonArray? outcomes = null;
        var outcomeGiven = false;
        JsonNode? outcome = null;

        foreach (var (name, value) in patch)
        {
            switch (name)
            {
                case "title":
                    if (Text(value, MaxTitleChars, required: true, name, problems) is { } title) fields["title"] = title;
                    break;
                case "description":
                    if (Text(value, MaxDescriptionChars, required: false, name, problems) is { } description) fields["description"] = description;
                    break;
                case "region":
                    if (value is null) fields["region"] = null;
                    else if (String(value) is { } region && vocabulary.Region(region) is { } canonical) fields["region"] = canonical;
                    else problems.Add(new FieldProblem(name, $"{Describe(value)} is not a known region.", vocabulary.Regions.ToList()));
                    break;
                case "countries":
                    if (List(value, name, problems) is { } countries)
                    {
                        var codes = new List<string>();
                        var unknown = new List<string>();
                        foreach (var country in countries)
                        {
                            if (vocabulary.Country(country) is { } code) { if (!codes.Contains(code)) codes.Add(code); }
                            else unknown.Add(country);
                        }
                        if (unknown.Count > 0)
                        {
                            problems.Add(new FieldProblem(name, $"Not countries this catalogue knows: {string.Join(", ", unknown.Select(Printable))}; use ISO 3166-1 codes (BR) or English names (Brazil)."));
                        }
                        else
                        {
                            fields["countries"] = new JsonArray(codes.Select(c => (JsonNode?)c).ToArray());
                            fields["countryNames"] = new JsonArray(codes.Select(c => (JsonNode?)(vocabulary.CountryName(c, language) ?? c)).ToArray());
                        }
                    }
                    break;
                case "outcome":
                    outcomeGiven = true;
                    if (value is null) outcome = null;
                    else if (Outcome(value) is { } known) outcome = Node(known);
                    else problems.Add(new FieldProblem(name, $"{Describe(value)} is not an ILO policy outcome id.", vocabulary.Outcomes.ToList()));
                    break;
                case "outcomes":
                    if (List(value, name, problems) is { } ids)
                    {
                        var found = new List<PolicyOutcome>();
                        var unknown = ids.Where(id => vocabulary.Outcome(id) is null).ToList();
                        if (unknown.Count > 0) problems.Add(new FieldProblem(name, $"Not ILO policy outcome ids: {string.Join(", ", unknown.Select(Printable))}.", vocabulary.Outcomes.ToList()));
                        else outcomes = new JsonArray(ids.Select(id => OutcomeCatalogue.Default.Find(vocabulary.Outcome(id)!)!).Distinct().Select(o => (JsonNode?)Node(o)).ToArray());
                    }
                    break;
                case "topics":
                    Slugs(value, name, vocabulary.Topic, vocabulary.Topics, fields, problems);
                    break;
                case "activities":
                    Slugs(value, name, vocabulary.Activity, vocabulary.Activities, fields, problems);
                    break;
                case "modality":
                    Slugs(value, name, vocabulary.Modality, vocabulary.Modalities, fields, problems);
                    break;
                case "tags":
                    if (List(value, name, problems) is { } tags)
                    {
                        if (tags.Any(t => t.Length > 100)) problems.Add(new FieldProblem(name, "A tag has at most 100 characters."));
                        else fields["tags"] = new JsonArray(tags.Distinct().Select(t => (JsonNode?)t).ToArray());
                    }
                    break;
                case "page":
                    if (value is JsonValue page && page.TryGetValue<int>(out var number) && number is >= 1 and <= 10_000) fields["page"] = number;
                    else problems.Add(new FieldProblem(name, "page must be a whole number from 1 to 10000."));
                    break;
                case "reviewed":
                case "withdrawn":
                    if (value is JsonValue flag && flag.TryGetValue<bool>(out var on))
                    {
                        if (name == "reviewed") reviewed = on;
                        else withdrawn = on;
                    }
                    else problems.Add(new FieldProblem(name, $"{name} must be true or false."));
                    break;
                default:
                    problems.Add(new FieldProblem(Printable(name), "Not an editable field.", [.. EditableFields, .. Flags]));
                    break;
            }
        }

        // "outcome" is the main outcome and "outcomes" all of them: setting one keeps the other consistent.
        if (outcomeGiven && outcomes is null)
        {
            fields["outcome"] = outcome;
            fields["outcomes"] = outcome is null ? new JsonArray() : new JsonArray(outcome.DeepClone());
        }
        else if (outcomes is not null)
        {
            if (outcomeGiven && outcome is not null && !outcomes.Any(o => JsonNode.DeepEquals(o, outcome))) outcomes.Insert(0, outcome.DeepClone());
            fields["outcome"] = outcomeGiven ? outcome?.DeepClone() : outcomes.FirstOrDefault()?.DeepClone();
            fields["outcomes"] = outcomes;
        }

        if (adding && !fields.ContainsKey("title") && !problems.Any(p => p.Field == "title"))
        {
            problems.Add(new FieldProblem("title", "A card needs a title."));
        }
        if (!adding && patch.Count == 0) problems.Add(new FieldProblem("", "The patch changes nothing: give at least one field.", [.. EditableFields, .. Flags]));
        result = new CorrectionPatch(fields, reviewed, withdrawn);
        return problems.Count == 0;
    }

    private PolicyOutcome? Outcome(JsonNode value)
    {
        var text = value is JsonValue v && v.TryGetValue<int>(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : String(value);
        return text is not null && vocabulary.Outcome(text) is { } id ? OutcomeCatalogue.Default.Find(id) : null;
    }

    private static JsonNode Node(PolicyOutcome outcome) => JsonSerializer.SerializeToNode(outcome, RecordJson.Options)!;

    private static void Slugs(JsonNode? value, string name, Func<string, string?> resolve, IReadOnlyCollection<string>? valid, JsonObject fields, List<FieldProblem> problems)
    {
        if (List(value, name, problems) is not { } items) return;
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var item in items)
        {
            if (resolve(item) is { } slug) { if (!known.Contains(slug)) known.Add(slug); }
            else unknown.Add(item);
        }
        if (unknown.Count > 0) problems.Add(new FieldProblem(name, $"Not known {name}: {string.Join(", ", unknown.Select(Printable))}.", valid?.ToList()));
        else fields[name] = new JsonArray(known.Select(k => (JsonNode?)k).ToArray());
    }

    private static List<string>? List(JsonNode? value, string name, List<FieldProblem> problems)
    {
        if (value is null) return [];
        if (value is not JsonArray array || array.Count > MaxListItems || array.Any(i => String(i) is not { Length: > 0 }))
        {
            problems.Add(new FieldProblem(name, $"{name} must be a list of at most {MaxListItems} non-empty strings (or null to clear it)."));
            return null;
        }
        return array.Select(i => String(i)!.Trim()).ToList();
    }

    private static string? Text(JsonNode? value, int max, bool required, string name, List<FieldProblem> problems)
    {
        if (value is null && !required) return "";
        var text = String(value)?.Trim();
        if (text is null || (required && text.Length == 0) || text.Length > max || text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            problems.Add(new FieldProblem(name, $"{name} must be {(required ? "a non-empty" : "a")} text of at most {max} characters."));
            return null;
        }
        return text;
    }

    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Describe(JsonNode? value) => value is null ? "null" : "'" + Printable(value.ToJsonString()) + "'";

    private static string Printable(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(60).ToArray());
        return clean.Length < value.Length ? clean + "…" : clean;
    }
}
