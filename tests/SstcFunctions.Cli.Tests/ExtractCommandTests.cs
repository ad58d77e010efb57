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
        Assert.Equal(["assessment", "brochure", "heldBack", "notices", "projects", "warnings"], root.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.True(root.GetProperty("assessment").GetProperty("isBrochure").GetBoolean());
        Assert.Equal(0, root.GetProperty("heldBack").GetArrayLength());
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

    [Fact]
    public async Task A_stack_overflow_in_the_parser_ends_as_exit_2_with_a_typed_error_line()
    {
        // Nested PostScript functions overflow the parser's stack: no catch survives that, the confined child dies.
        var (exitCode, stdout, stderr) = await RunOnAsync(HostilePdfs.DeepPostScriptFunction());

        Assert.True(exitCode == 2, $"exit {exitCode}: {stderr}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the PDF parser crashed (exit 134", line);
        Assert.EndsWith("[crashed]", line);
    }

    [Fact]
    public async Task A_runaway_allocation_ends_as_exit_2_at_the_memory_limit()
    {
        // With the decoded-stream cap lifted only the memory limit can stop a 1 GiB bomb: the CLI applies it as the sandbox does.
        var (exitCode, stdout, stderr) = await RunOnAsync(HostilePdfs.FlateBomb(),
            "--max-memory-bytes", (160L * 1024 * 1024).ToString(), "--max-decoded-bytes", (4L << 30).ToString());

        Assert.True(exitCode == 2, $"exit {exitCode}: {stderr}");
        Assert.Equal("", stdout);
        Assert.EndsWith("[out-of-memory]", stderr.Trim());
    }

    [Fact]
    public async Task A_text_document_that_is_not_a_brochure_succeeds_with_no_projects_and_says_why()
    {
        var (exitCode, stdout, stderr) = await RunOnAsync(HostilePdfs.TextPdf("Chapter 1. Installing the package on your computer", pages: 3));

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("projects").GetArrayLength());
        Assert.Equal("NotABrochure", Assert.Single(json.RootElement.GetProperty("notices").EnumerateArray()).GetProperty("code").GetString());
        Assert.False(json.RootElement.GetProperty("assessment").GetProperty("isBrochure").GetBoolean());
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunOnAsync(byte[] pdf, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sstc-cli-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await SstcCli.RunAsync(["extract", .. options, path]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
