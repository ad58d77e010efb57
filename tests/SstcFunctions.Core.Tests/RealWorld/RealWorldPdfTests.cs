using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.RealWorld;

/// <summary>
/// PDFs nobody here wrote (RealWorld/README.md): each is read, or refused with the expected reason code, in process.
/// Files only a confined process survives are run through the CLI instead (Cli.Tests/RealWorldCliTests.cs).
/// </summary>
public sealed class RealWorldPdfTests
{
    public static TheoryData<string> InProcessFiles() => [.. RealWorldPdfs.All.Where(p => p.InProcess).Select(p => p.Name)];

    [Fact]
    public void The_sample_covers_reading_and_several_refusal_codes()
    {
        Assert.Contains(RealWorldPdfs.All, p => p.Outcome == "read");
        Assert.True(RealWorldPdfs.All.Select(p => p.Code).Distinct().Count() >= 6);
        Assert.All(RealWorldPdfs.All, p => Assert.True(File.Exists(p.Path), p.Path));
    }

    [Theory]
    [MemberData(nameof(InProcessFiles))]
    public void Each_file_is_read_or_refused_with_its_expected_code(string name)
    {
        var expected = RealWorldPdfs.Named(name);
        using var pdf = File.OpenRead(expected.Path);
        using var deadline = new CancellationTokenSource(ExtractionLimits.Default.MaxDuration);

        ExtractionResult? result = null;
        BrochureRejectedException? rejected = null;
        try
        {
            result = new BrochureExtractor().Extract(pdf, "real-world", deadline.Token);
        }
        catch (BrochureRejectedException e)
        {
            rejected = e;
        }

        if (expected.Outcome == "refused")
        {
            Assert.True(rejected is not null, $"{name}: read, expected refused [{expected.Code}]");
            Assert.Equal(expected.Code, rejected.Failure.CodeName);
            return;
        }
        Assert.True(result is not null, $"{name}: refused {rejected?.Failure}, expected read");
        Assert.Equal(expected.Notices, result.Notices.Select(n => n.Code.ToString()).Distinct());
        if (expected.HeldBack is { } held) Assert.Equal(held, result.HeldBack.Count);
        // A skipped page is named, with its reason, in the notice and in the warning a person reads.
        foreach (var skipped in result.Notices.Where(n => n.Code == NoticeCode.PageSkipped))
        {
            Assert.NotNull(skipped.Page);
            Assert.Equal(FailureKind.Rejected, skipped.Cause!.Kind);
            Assert.Contains($"Page {skipped.Page} could not be read", skipped.Message);
            Assert.Contains(skipped.Message, result.Warnings);
        }
        // Never invented projects from these documents, and held-back cards stay below the brochure range.
        Assert.Empty(result.Projects);
        Assert.All(result.HeldBack, card => Assert.True(card.Confidence < 0.5, $"{card.Title}: {card.Confidence}"));
    }
}
