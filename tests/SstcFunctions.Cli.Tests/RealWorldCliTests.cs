using System.Text.Json;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Cli.Tests;

/// <summary>
/// Every real-world sample file through <c>sstc extract</c> as a process: exit 0 with JSON, or exit 2 with one
/// <c>error: … [code]</c> line carrying the expected code; never another exit (a crash), never a hang.
/// </summary>
public sealed class RealWorldCliTests
{
    public static TheoryData<string> Files() => [.. RealWorldPdfs.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_exits_0_or_2_with_its_expected_code(string name)
    {
        var expected = RealWorldPdfs.Named(name);

        var (exitCode, stdout, stderr) = await SstcCli.RunAsync("extract", expected.Path);

        if (expected.Outcome == "refused")
        {
            Assert.True(exitCode == 2, $"{name}: exit {exitCode}: {stderr}");
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", line);
            Assert.EndsWith($"[{expected.Code}]", line);
            return;
        }
        Assert.True(exitCode == 0, $"{name}: exit {exitCode}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("projects").GetArrayLength());
        Assert.Equal(expected.Notices, json.RootElement.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("code").GetString()).Distinct());
    }
}
