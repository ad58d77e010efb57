using System.Text.Json;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Cli.Tests;

/// <summary><c>sstc extract</c> run as a process: the contract scripts and users rely on is stdout, stderr and the exit code.</summary>
public sealed class ExtractCommandTests
{
    [Fact]
    public async Task Seed_brochure_prints_one_json_object_with_brochure_projects_and_warnings()
    {
        var (exitCode, stdout, stderr) = await SstcCli.RunAsync("extract", SharedFixtures.SeedBrochurePdf);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["brochure", "projects", "warnings"], root.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal("brochure", root.GetProperty("brochure").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        var projects = root.GetProperty("projects");
        Assert.NotEqual(0, projects.GetArrayLength());
        Assert.All(projects.EnumerateArray(), project => Assert.Equal("brochure", project.GetProperty("brochureId").GetString()));
    }

    [Fact]
    public async Task Brochure_id_comes_from_the_file_name()
    {
        var (exitCode, stdout, stderr) = await SstcCli.RunAsync("extract", Path.Combine(SharedFixtures.RepositoryRoot, "samples", "sstc-2020-2021.pdf"));

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("sstc-2020-2021", json.RootElement.GetProperty("brochure").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_exits_2_with_one_error_line_on_stderr()
    {
        var notPdf = Path.Combine(Path.GetTempPath(), $"sstc-cli-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(notPdf, "This is a plain text file, not a brochure.\n");
        try
        {
            var (exitCode, stdout, stderr) = await SstcCli.RunAsync("extract", notPdf);

            Assert.Equal(2, exitCode);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
        }
        finally
        {
            File.Delete(notPdf);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_an_error_line()
    {
        var (exitCode, _, stderr) = await SstcCli.RunAsync("extract", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pdf"));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public async Task Without_a_file_it_prints_usage_and_exits_64()
    {
        var (exitCode, _, stderr) = await SstcCli.RunAsync();

        Assert.Equal(64, exitCode);
        Assert.StartsWith("usage: sstc extract", stderr);
    }
}
