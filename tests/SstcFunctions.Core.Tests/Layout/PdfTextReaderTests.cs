using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Layout;

public class PdfTextReaderTests
{
    [Fact]
    public void Reading_on_two_cores_gives_the_same_pages_as_reading_on_one()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.SeedBrochurePdf);

        var sequential = PdfTextReader.ReadPages(new MemoryStream(bytes), ExtractionLimits.Default, int.MaxValue, default);
        var parallel = PdfTextReader.ReadPages(new MemoryStream(bytes), ExtractionLimits.Default, 1, default);

        Assert.Equal(sequential.Select(p => p.Number), parallel.Select(p => p.Number));
        Assert.Equal(sequential.SelectMany(p => p.Lines.Select(l => (p.Number, l.Text, l.Box))),
                     parallel.SelectMany(p => p.Lines.Select(l => (p.Number, l.Text, l.Box))));
    }

    [Fact]
    public void A_cancelled_parallel_read_ends_in_one_OperationCanceledException()
    {
        var bytes = File.ReadAllBytes(SharedFixtures.SeedBrochurePdf);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // Wherever the cancellation is seen (opening or a parser), the caller gets it as itself, not an AggregateException.
        Assert.ThrowsAny<OperationCanceledException>(() => PdfTextReader.ReadPages(new MemoryStream(bytes), ExtractionLimits.Default, 1, cancelled.Token));
    }

    [Fact]
    public void Text_drawn_in_scrambled_order_still_reads_line_by_line()
    {
        // The seed brochure stores each page's titles, descriptions and outcome lines apart from each other.
        using var pdf = File.OpenRead(SharedFixtures.SeedBrochurePdf);

        var page = PdfTextReader.ReadPages(pdf, ExtractionLimits.Default)[1];

        var lines = page.Lines.OrderByDescending(l => l.Box.Top).Select(l => l.Text).ToList();
        Assert.Contains("SSTC CAPACITY-BUILDING FOR", lines);
        Assert.DoesNotContain(lines, l => l.Contains("SSTC CAPACITY-BUILDING FOR STUDY", StringComparison.Ordinal));
    }
}
