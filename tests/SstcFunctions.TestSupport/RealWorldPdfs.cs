using System.Text.Json;
using System.Text.Json.Serialization;

namespace SstcFunctions.TestSupport;

/// <summary>
/// The real-world sample (tests/SstcFunctions.Core.Tests/RealWorld): PDFs from PdfPig's and pdf.js's test suites and what
/// <c>sstc extract</c> must do with each, from its expected.json. One list for the in-process and the CLI tests.
/// </summary>
public static class RealWorldPdfs
{
    // Before All: static initialisers run in the order they are written.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Directory { get; } = Path.Combine(SharedFixtures.RepositoryRoot, "tests", "SstcFunctions.Core.Tests", "RealWorld");

    public static IReadOnlyList<RealWorldPdf> All { get; } = Load();

    public static RealWorldPdf Named(string name) => All.Single(p => p.Name == name);

    private static List<RealWorldPdf> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "expected.json")),
                                            new JsonDocumentOptions { AllowTrailingCommas = true });
        var list = new List<RealWorldPdf>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Name.StartsWith("//", StringComparison.Ordinal)) continue;
            var expected = entry.Value.Deserialize<RealWorldPdf>(Options)! with { Name = entry.Name };
            list.Add(expected);
        }
        return list;
    }
}

/// <summary>One file of the sample and its expected outcome.</summary>
public sealed record RealWorldPdf
{
    [JsonIgnore]
    public string Name { get; init; } = "";
    /// <summary>"read" or "refused".</summary>
    public required string Outcome { get; init; }
    /// <summary>The rejection code (as printed, e.g. "password-required") when refused.</summary>
    public string? Code { get; init; }
    /// <summary>Notice codes of a read file (e.g. "NotABrochure", "PageSkipped").</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
    /// <summary>Cards held back as "not a brochure".</summary>
    public int? HeldBack { get; init; }
    /// <summary>False when only a confined process survives the file (stack overflow, runaway allocation).</summary>
    public bool InProcess { get; init; }
    public string Why { get; init; } = "";

    public string Path => System.IO.Path.Combine(RealWorldPdfs.Directory, Name);

    public override string ToString() => Name;
}
