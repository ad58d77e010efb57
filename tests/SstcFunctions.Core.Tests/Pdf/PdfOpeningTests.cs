using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>The hardened way into PdfPig: every hostile file the process can survive ends fast, with a reason.</summary>
public sealed class PdfOpeningTests
{

    public static TheoryData<string> InProcessCases() => [.. HostilePdfs.InProcessSafe.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(InProcessCases))]
    public void Each_hostile_file_ends_quickly_with_its_reason(string name)
    {
        var hostile = HostilePdfs.Corpus.Single(c => c.Name == name);
        var bytes = hostile.Make();

        var outcome = OpenAndReadAllPages(bytes, ExtractionLimits.Default);

        // Ended by the file's own trouble, not by running into the deadline (a typed check, not a stopwatch one:
        // CI runs on a busy machine).
        Assert.NotEqual(RejectionCode.TimedOut, outcome?.Code);
        if (hostile.ExpectedReason is { } expected)
        {
            Assert.NotNull(outcome);
            Assert.Contains(expected, outcome.Reason);
        }
    }

    [Fact]
    public void A_missing_password_is_its_own_typed_failure()
    {
        // PdfPig throws one exception type for every encryption it will not open; PdfOpening tells "a password is needed"
        // from "an encryption PdfPig cannot decrypt" by its own check of the empty password against the file's /U and /O.
        var rejected = Assert.Throws<BrochureRejectedException>(() => new BrochureExtractor().Extract(new MemoryStream(HostilePdfs.UserPasswordEncrypted()), "locked"));
        Assert.Equal(RejectionCode.PasswordRequired, rejected.Failure.Code);
    }

    [Fact]
    public void Reasons_read_like_sentences_for_a_person()
    {
        Assert.Equal("empty file: 0 bytes, nothing to read", Reject(HostilePdfs.ZeroBytes()));
        Assert.Equal("not a PDF (it starts with PNG image bytes)", Reject(HostilePdfs.PngRenamed()));
        Assert.Equal("encrypted PDF: a password is required", Reject(HostilePdfs.UserPasswordEncrypted()));
        Assert.Equal("too many pages: 5000 > 1000", Reject(HostilePdfs.ManyPages(5_000)));
        Assert.Equal("no text layer: scanned PDFs are not supported", Reject(HostilePdfs.ImageOnly()));
        Assert.StartsWith("truncated PDF", Reject(HostilePdfs.Truncated(HostilePdfs.TextPdf())));
    }

    [Fact]
    public void An_owner_password_only_file_opens_normally_and_its_text_is_read()
    {
        using var document = PdfOpening.Open(new MemoryStream(HostilePdfs.OwnerPasswordOnly()), ExtractionLimits.Default);
        var text = string.Concat(PdfOpening.Pages(document, ExtractionLimits.Default, Stopwatch.StartNew()).Select(p => p.Text));

        Assert.Contains("Confidential brochure", text);
    }

    [Fact]
    public void A_plain_text_pdf_opens_and_its_text_is_read()
    {
        using var document = PdfOpening.Open(new MemoryStream(HostilePdfs.TextPdf("Hello SSTC", pages: 3)), ExtractionLimits.Default);

        var pages = PdfOpening.Pages(document, ExtractionLimits.Default, Stopwatch.StartNew()).ToList();

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("Hello SSTC", p.Text));
    }

    [Fact]
    public void The_seed_brochure_opens_under_the_default_limits()
    {
        using var file = File.OpenRead(SharedFixtures.SeedBrochurePdf);
        using var document = PdfOpening.Open(file, ExtractionLimits.Default);

        var letters = PdfOpening.Pages(document, ExtractionLimits.Default, Stopwatch.StartNew()).Sum(p => p.Letters.Count);

        Assert.True(letters > 1000, $"only {letters} letters");
    }

    [Fact]
    public void The_flate_bomb_stops_at_the_decoded_stream_cap_without_inflating_the_rest()
    {
        var limits = ExtractionLimits.Default with { MaxDecodedStreamBytes = 8 * 1024 * 1024 };
        var before = GC.GetTotalAllocatedBytes(precise: false);

        var reason = Reject(HostilePdfs.FlateBomb(), limits);

        Assert.Equal("a compressed stream inflates beyond the 8 MB limit (a decompression bomb?)", reason);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB for a 1 GiB bomb");
    }

    [Fact]
    public void A_stream_under_the_cap_decodes_normally()
    {
        // 4 MB of text content behind FlateDecode: well under the 64 MB default, must read as usual.
        var line = "BT /F1 12 Tf 72 720 Td (Inflated text) Tj ET\n";
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, 4 * 1024 * 1024 / line.Length)));
        var pdf = ReplaceContentWithFlate(content);

        using var document = PdfOpening.Open(new MemoryStream(pdf), ExtractionLimits.Default);
        var page = PdfOpening.Pages(document, ExtractionLimits.Default, Stopwatch.StartNew()).Single();

        Assert.Contains("Inflated text", page.Text);
    }

    [Fact]
    public void The_time_limit_applies_while_opening()
    {
        var limits = ExtractionLimits.Default with { MaxDuration = TimeSpan.FromMilliseconds(1) };
        var clock = Stopwatch.StartNew();
        Thread.Sleep(5);

        var rejected = Assert.Throws<BrochureRejectedException>(() => PdfOpening.Open(HostilePdfs.TextPdf(), limits, clock));

        Assert.StartsWith("exceeded 1 ms", rejected.Reason);
    }

    [Fact]
    public void Cancellation_stays_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PdfOpening.Open(HostilePdfs.TextPdf(), ExtractionLimits.Default, Stopwatch.StartNew(), cancelled.Token));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_it_all()
    {
        var limits = ExtractionLimits.Default with { MaxFileBytes = 1000 };
        var endless = new EndlessStream();

        var rejected = Assert.Throws<BrochureRejectedException>(() => PdfOpening.Open(endless, limits));

        Assert.StartsWith("file too large", rejected.Reason);
        Assert.True(endless.Position < 200_000, $"read {endless.Position} bytes");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "JPEG image bytes")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "a ZIP archive, e.g. a Word or PowerPoint document")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "GIF image bytes")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 }, "an old Microsoft Office document")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03 }, "bytes 00010203")]
    public void Non_pdf_files_are_named_by_what_they_are(byte[] head, string expected)
    {
        Assert.Equal($"not a PDF (it starts with {expected})", Reject(head));
    }

    [Fact]
    public void Plain_text_is_quoted()
    {
        Assert.Equal("not a PDF (it starts with text \"Quarterly report\")", Reject(Encoding.ASCII.GetBytes("Quarterly report for 2021\n")));
    }

    [Theory]
    [InlineData("<< /A [1 2 [3]] >>", 3)]
    [InlineData("(strings [[[ do not count) [ ]", 1)]
    [InlineData("% a comment [[[[\n[ ]", 1)]
    [InlineData("<48656C6C6F> << /K <</L 1>> >>", 2)]
    [InlineData("<< /Length 5 >>\nstream\n[[[[[\nendstream", 1)]
    public void Nesting_counts_only_object_syntax(string pdf, int expected)
    {
        Assert.Equal(expected, PdfOpening.MaxNesting(Encoding.ASCII.GetBytes(pdf)));
    }

    [Fact]
    public void Parser_exceptions_that_are_not_pdfpig_types_are_still_explained()
    {
        var reason = PdfOpening.Explain(new IndexOutOfRangeException("Index was outside the bounds of the array.")).Reason;

        Assert.Equal("damaged PDF: the parser failed (IndexOutOfRangeException: Index was outside the bounds of the array.)", reason);
    }

    /// <summary>Null when the file opened and every page loaded; otherwise the rejection.</summary>
    internal static BrochureRejectedException? OpenAndReadAllPages(byte[] bytes, ExtractionLimits limits)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            using var document = PdfOpening.Open(bytes, limits, clock);
            foreach (var page in PdfOpening.Pages(document, limits, clock))
            {
                _ = page.Letters.Count;
            }
            return null;
        }
        catch (BrochureRejectedException rejected)
        {
            return rejected;
        }
    }

    private static string Reject(byte[] bytes, ExtractionLimits? limits = null) =>
        (OpenAndReadAllPages(bytes, limits ?? ExtractionLimits.Default) ?? throw new Xunit.Sdk.XunitException("expected a rejection")).Reason;

    private static byte[] ReplaceContentWithFlate(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(content);
        var data = compressed.ToArray();
        // Re-use the text PDF's structure: one page whose content stream we build ourselves.
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n");
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"),
            Encoding.ASCII.GetBytes("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"),
            Encoding.ASCII.GetBytes("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n"),
            Encoding.ASCII.GetBytes("4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"),
            Encoding.ASCII.GetBytes($"5 0 obj\n<< /Filter /FlateDecode /Length {data.Length} >>\nstream\n").Concat(data).Concat(Encoding.ASCII.GetBytes("\nendstream\nendobj\n")).ToArray(),
        };
        using var output = new MemoryStream();
        output.Write(head);
        var offsets = new List<long>();
        foreach (var o in objects)
        {
            offsets.Add(output.Position);
            output.Write(o);
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private sealed class EndlessStream : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'%', offset, count);
            _position += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(100, 60)] // the stream ends before the length it gave
    [InlineData(100, 140)] // the stream goes on past it (a file still being written)
    public void A_seekable_stream_whose_length_was_wrong_is_read_to_its_end(int claimed, int actual)
    {
        var bytes = Enumerable.Range(0, actual).Select(i => (byte)i).ToArray();

        var read = PdfOpening.ReadCapped(new WrongLengthStream(bytes, claimed), maxBytes: 1000);

        Assert.Equal(bytes, read);
    }

    [Fact]
    public void A_seekable_stream_longer_than_its_length_is_still_capped()
    {
        var stream = new WrongLengthStream(new byte[200], claimedLength: 100);

        var refused = Assert.Throws<BrochureRejectedException>(() => PdfOpening.ReadCapped(stream, maxBytes: 150));

        Assert.Equal(RejectionCode.TooLarge, refused.Failure.Code);
    }

    /// <summary>A seekable stream that reports a length other than what it holds.</summary>
    private sealed class WrongLengthStream(byte[] data, long claimedLength) : MemoryStream(data, writable: false)
    {
        public override long Length => claimedLength;
    }
}
