using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Fonts;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// The one hardened way into PdfPig. Cheap checks first (size, what the bytes really are, the end-of-file marker),
/// then lenient parsing with a capped filter provider, then the page count. Every failure becomes a
/// <see cref="BrochureRejectedException"/> with a reason a person understands; cancellation stays cancellation.
/// </summary>
/// <remarks>
/// What this cannot stop in-process: a stack overflow (e.g. a PostScript function nested thousands deep) kills the
/// process, and native allocations outside the managed heap are not counted. Ingestion therefore runs the extractor in
/// a child process (SandboxedExtraction) with a wall-clock and memory kill; these checks make the common bad files
/// fail fast and clearly inside that child, and keep the in-process paths (CLI, tests, fuzzing) safe for everything else.
/// </remarks>
public static class PdfOpening
{
    /// <summary>How far into a file the "%PDF-" header may start (the spec tolerates leading junk up to 1 KB).</summary>
    public const int HeaderSearchBytes = 1024;
    /// <summary>How far back from the end the "%%EOF" marker is looked for.</summary>
    public const int TrailerSearchBytes = 64 * 1024;

    /// <summary>Reads (at most <see cref="ExtractionLimits.MaxFileBytes"/>), checks and opens a PDF.</summary>
    /// <exception cref="BrochureRejectedException">The file is not a readable brochure; the reason says why.</exception>
    public static PdfDocument Open(Stream pdf, ExtractionLimits limits, CancellationToken cancellationToken = default) =>
        Open(ReadCapped(pdf, limits.MaxFileBytes), limits, Stopwatch.StartNew(), cancellationToken);

    /// <summary>As <see cref="Open(Stream, ExtractionLimits, CancellationToken)"/>, with the brochure's clock started by the caller.</summary>
    public static PdfDocument Open(byte[] bytes, ExtractionLimits limits, Stopwatch clock, CancellationToken cancellationToken = default)
    {
        if (bytes.Length > limits.MaxFileBytes) throw Rejections.TooLarge(bytes.Length, limits.MaxFileBytes);
        CheckBytes(bytes);
        return Parse(bytes, limits, clock, cancellationToken);
    }

    /// <summary>
    /// A second document over bytes that <see cref="Open(byte[], ExtractionLimits, Stopwatch, CancellationToken)"/>
    /// has already checked and opened (to read other pages on another core): the same parsing, caps and page checks,
    /// without scanning the bytes again.
    /// </summary>
    internal static PdfDocument Reopen(byte[] bytes, ExtractionLimits limits, Stopwatch clock, CancellationToken cancellationToken) =>
        Parse(bytes, limits, clock, cancellationToken);

    private static PdfDocument Parse(byte[] bytes, ExtractionLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        var filters = new CappedFilterProvider(limits, clock, cancellationToken);
        var options = new ParsingOptions
        {
            UseLenientParsing = true,
            SkipMissingFonts = true,
            ClipPaths = false,
            FilterProvider = filters,
        };

        PdfDocument? document = null;
        try
        {
            document = PdfDocument.Open(AttachmentOnlyEncryption.Unlocked(bytes) ?? bytes, options);
            var pages = document.NumberOfPages;
            if (pages > limits.MaxPages) throw Rejections.TooManyPages(pages, limits.MaxPages);
            if (pages <= 0) throw Rejections.NoPages();
            filters.CheckBudget();
            return document;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            document?.Dispose();
            throw filters.Tripped ?? Explain(e, limits, bytes);
        }
    }

    /// <summary>
    /// The document's pages, loaded one at a time under the brochure's deadline. A page that fails to load is left
    /// out (a limit still ends the whole file); a document where no page has a single letter is refused as scanned
    /// (pages with images) or as having no text.
    /// </summary>
    public static IEnumerable<Page> Pages(PdfDocument document, ExtractionLimits limits, Stopwatch clock, CancellationToken cancellationToken = default)
    {
        var letters = 0;
        var images = 0;
        ExtractionFailure? firstFailure = null;
        var failed = 0;
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.Elapsed > limits.MaxDuration) throw Rejections.TimedOut(limits.MaxDuration);
            Page page;
            try
            {
                page = document.GetPage(number);
                letters += page.Letters.Count;
                if (page.Letters.Count == 0) images += page.NumberOfImages;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var failure = ExplainPage(e, limits);
                if (failure.Kind != FailureKind.Rejected) throw new BrochureRejectedException(failure, e);
                firstFailure ??= failure;
                failed++;
                continue;
            }
            yield return page;
        }
        if (letters > 0) yield break;
        if (failed == document.NumberOfPages && firstFailure is not null) throw new BrochureRejectedException(firstFailure);
        throw images > 0 ? Rejections.NoTextLayer() : Rejections.NoText();
    }

    /// <summary>True for what a bad file can make PdfPig (or code reading its output) throw; false for cancellation.</summary>
    public static bool IsParserFailure(Exception e) => e is not OperationCanceledException;

    /// <summary>
    /// Why one page could not be read. PdfPig reports any page failure of an encrypted document as "encrypted" (its
    /// <c>GetPage</c> wraps whatever was thrown); the document did open, so no password is missing: the wrapped
    /// exception is the real reason.
    /// </summary>
    public static ExtractionFailure ExplainPage(Exception e, ExtractionLimits? limits = null)
    {
        var cause = e is PdfDocumentEncryptedException { InnerException: { } inner } ? inner : e;
        return Explain(cause, limits).Failure;
    }

    /// <summary>Turns whatever the parser threw into a typed failure. Cancellation must not get here.</summary>
    /// <param name="pdf">The file's bytes, when at hand: an encryption PdfPig refuses is explained from the file's own facts.</param>
    public static BrochureRejectedException Explain(Exception e, ExtractionLimits? limits = null, byte[]? pdf = null)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is BrochureRejectedException rejected) return rejected;
        }
        var max = (limits ?? ExtractionLimits.Default).MaxMemoryBytes;
        return e switch
        {
            PdfDocumentEncryptedException encrypted => EncryptionRefusal.Explain(encrypted, pdf),
            PdfDocumentStackDepthException or InsufficientExecutionStackException => Rejections.NestedTooDeeply(e),
            OutOfMemoryException or InsufficientMemoryException => Rejections.OutOfMemory(max, e),
            CorruptCompressedDataException => Rejections.Damaged("a compressed stream is corrupt", e),
            InvalidFontFormatException => Rejections.Damaged("an embedded font is corrupt", e),
            PdfDocumentFormatException => Rejections.Damaged($"its structure cannot be read ({Short(e.Message)})", e),
            _ => Rejections.Damaged($"the parser failed ({e.GetType().Name}: {Short(e.Message)})", e),
        };
    }

    /// <summary>Copies at most <paramref name="maxBytes"/> + 1 bytes; a longer stream is refused without reading the rest.</summary>
    public static byte[] ReadCapped(Stream pdf, long maxBytes)
    {
        using var copy = new MemoryStream();
        if (pdf.CanSeek)
        {
            var remaining = pdf.Length - pdf.Position;
            if (remaining > maxBytes) throw Rejections.TooLarge(remaining, maxBytes);
            // Known length: one array of the right size, not a growing buffer copied again at the end (a 5 MB brochure
            // used to cost ~15 MB of large-object garbage here). A stream whose length was wrong reads as any other:
            // shorter gives what it has, longer (still being written) reads on below, under the same cap.
            var known = new byte[remaining];
            var got = pdf.ReadAtLeast(known, known.Length, throwOnEndOfStream: false);
            if (got < known.Length) return known[..got];
            var next = pdf.ReadByte();
            if (next < 0) return known;
            if (known.Length + 1 > maxBytes) throw Rejections.TooLarge(known.Length + 1, maxBytes);
            copy.Write(known);
            copy.WriteByte((byte)next);
        }
        var buffer = new byte[81920];
        int read;
        while ((read = pdf.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes) throw Rejections.TooLarge(copy.Length + read, maxBytes);
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>The cheap checks: not empty, really a PDF (or else say what it is), not cut short.</summary>
    public static void CheckBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) throw Rejections.EmptyFile();
        var head = bytes[..Math.Min(bytes.Length, HeaderSearchBytes)];
        if (head.IndexOf("%PDF-"u8) < 0) throw Rejections.NotPdf(Sniff(bytes));
        var tail = bytes[Math.Max(0, bytes.Length - TrailerSearchBytes)..];
        if (tail.IndexOf("%%EOF"u8) < 0) throw Rejections.Truncated();
        if (MaxNesting(bytes, MaxNestingDepth) > MaxNestingDepth) throw Rejections.NestedTooDeeply();
    }

    /// <summary>Arrays and dictionaries nested deeper than this are refused before parsing (PdfPig's own guard is 256 too).</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>
    /// The deepest array/dictionary nesting in the file's uncompressed object syntax, skipping comments, strings and
    /// stream data, stopping as soon as <paramref name="stopAbove"/> is passed. Linear and allocation-free.
    /// </summary>
    public static int MaxNesting(ReadOnlySpan<byte> bytes, int stopAbove = int.MaxValue)
    {
        int depth = 0, deepest = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            switch (bytes[i])
            {
                case (byte)'%':
                    while (i < bytes.Length && bytes[i] is not ((byte)'\n' or (byte)'\r')) i++;
                    break;
                case (byte)'(':
                    for (int parens = 0; i < bytes.Length; i++)
                    {
                        if (bytes[i] == '\\') { i++; continue; }
                        if (bytes[i] == '(') parens++;
                        else if (bytes[i] == ')' && --parens == 0) break;
                    }
                    break;
                case (byte)'<':
                    if (i + 1 < bytes.Length && bytes[i + 1] == '<') { depth++; i++; }
                    else { var end = bytes[i..].IndexOf((byte)'>'); if (end < 0) return deepest; i += end; }
                    break;
                case (byte)'>':
                    if (i + 1 < bytes.Length && bytes[i + 1] == '>') { depth = Math.Max(0, depth - 1); i++; }
                    break;
                case (byte)'[':
                    depth++;
                    break;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'s':
                    if (bytes[i..].StartsWith("stream"u8) && i + 6 < bytes.Length && bytes[i + 6] is (byte)'\r' or (byte)'\n'
                        && (i == 0 || bytes[i - 1] is not ((byte)'d')))
                    {
                        var end = bytes[(i + 6)..].IndexOf("endstream"u8);
                        if (end < 0) return deepest;
                        i += 6 + end + 8;
                    }
                    break;
            }
            if (depth > deepest)
            {
                deepest = depth;
                if (deepest > stopAbove) return deepest;
            }
        }
        return deepest;
    }

    /// <summary>What a non-PDF file looks like it is, in words: "PNG image bytes", "HTML (a web page, not the file)", ….</summary>
    public static string Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "PNG image bytes";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image bytes";
        if (bytes.StartsWith("GIF8"u8)) return "GIF image bytes";
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)) return "TIFF image bytes";
        if (bytes.StartsWith("PK\x03\x04"u8)) return "a ZIP archive, e.g. a Word or PowerPoint document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return "an old Microsoft Office document";
        if (bytes.StartsWith("{\\rtf"u8)) return "an RTF document";
        if (bytes.StartsWith("%!PS"u8)) return "PostScript, not PDF";

        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "HTML: a web page was saved instead of the PDF";
        }
        if (text.StartsWith("<?xml", StringComparison.Ordinal)) return "XML";

        var sample = bytes[..Math.Min(bytes.Length, 16)];
        var printable = 0;
        foreach (var b in sample) if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t') printable++;
        if (printable == sample.Length)
        {
            var shown = Encoding.ASCII.GetString(sample).ReplaceLineEndings(" ");
            return $"text \"{shown}\"";
        }
        return $"bytes {Convert.ToHexString(sample[..Math.Min(sample.Length, 8)])}";
    }

    private static string Short(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
