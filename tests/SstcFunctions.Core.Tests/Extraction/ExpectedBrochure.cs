using System.Text.Json;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Extraction;

/// <summary>
/// The ground truth of a brochure (expected.json, the seed's schema) and a field-by-field comparison that lists
/// every mismatch at once, so a failing run shows all that is wrong rather than the first difference.
/// </summary>
public sealed record ExpectedBrochure(string Folder, IReadOnlyList<ExpectedProject> Projects)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Pdf => Path.Combine(Folder, "brochure.pdf");

    public static ExpectedBrochure Load(string folder)
    {
        var file = JsonSerializer.Deserialize<ExpectedFile>(File.ReadAllText(Path.Combine(folder, "expected.json")), Json)
                   ?? throw new InvalidDataException($"{folder}/expected.json is empty");
        return new ExpectedBrochure(folder, file.Projects);
    }

    public ExtractionResult Extract()
    {
        using var stream = File.OpenRead(Pdf);
        return new BrochureExtractor().Extract(stream, BrochureId.FromFileName(Path.GetFileName(Folder) + ".pdf"));
    }

    /// <summary>Every difference between the extracted projects and the ground truth; empty when all match.</summary>
    public IReadOnlyList<string> Mismatches(ExtractionResult result)
    {
        var problems = new List<string>();
        if (result.Projects.Count != Projects.Count)
            problems.Add($"{result.Projects.Count} cards found, {Projects.Count} expected");
        var unused = result.Projects.ToList();
        var matched = new List<ProjectRecord>();
        foreach (var expected in Projects)
        {
            var actual = unused.FirstOrDefault(p => p.Title == expected.Title);
            if (actual is null)
            {
                problems.Add($"missing card \"{expected.Title}\"");
                continue;
            }
            unused.Remove(actual);
            matched.Add(actual);
            problems.AddRange(Compare(expected, actual).Select(p => $"\"{expected.Title}\": {p}"));
        }
        problems.AddRange(unused.Select(p => $"unexpected card \"{p.Title}\" on page {p.Page}"));
        var order = matched.OrderBy(p => p.Ordinal).Select(p => p.Title).ToList();
        if (!order.SequenceEqual(matched.Select(p => p.Title))) problems.Add("cards are not in the expected reading order");
        return problems;
    }

    private static IEnumerable<string> Compare(ExpectedProject expected, ProjectRecord actual)
    {
        if (actual.Page != expected.Page) yield return $"page {actual.Page}, expected {expected.Page}";
        if (actual.Region != expected.Region) yield return $"region \"{actual.Region}\", expected \"{expected.Region}\"";
        if (!actual.Description.StartsWith(expected.DescriptionStartsWith, StringComparison.Ordinal))
            yield return $"description starts \"{Start(actual.Description)}\", expected \"{expected.DescriptionStartsWith}\"";
        var missing = expected.Countries.Except(actual.Countries).ToList();
        if (missing.Count > 0) yield return $"countries lack {string.Join(",", missing)} (found {string.Join(",", actual.Countries)})";
        var extra = actual.Countries.Except(expected.Countries).Except(expected.CountriesOptional ?? []).ToList();
        if (extra.Count > 0) yield return $"countries include unexpected {string.Join(",", extra)}";
        if (actual.Outcome?.Id != expected.Outcome) yield return $"outcome {actual.Outcome?.Id ?? "none"}, expected {expected.Outcome ?? "none"}";
        var topics = expected.Topics.Except(actual.Topics).ToList();
        if (topics.Count > 0) yield return $"topics lack {string.Join(",", topics)} (found {string.Join(",", actual.Topics)})";
        if (expected.Tags is { } tags && !tags.SequenceEqual(actual.Tags))
            yield return $"tags [{string.Join(" · ", actual.Tags)}], expected [{string.Join(" · ", tags)}]";
    }

    private static string Start(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed record ExpectedFile(IReadOnlyList<ExpectedProject> Projects);
}

/// <summary>One card of expected.json. <see cref="Tags"/> is only in our own fixtures.</summary>
public sealed record ExpectedProject(
    int Page,
    string Region,
    string Title,
    string DescriptionStartsWith,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string>? CountriesOptional,
    string? Outcome,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string>? Tags);
