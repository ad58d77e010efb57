using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SstcFunctions.Core.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.PdfFonts;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// PDF → positioned lines, page by page. Letters are turned into lines as soon as a page is parsed so only one
/// page's letters are alive at a time; words are built here rather than by PdfPig's word extractor, which costs
/// more than the parse itself on long brochures. The parser's own caches (every object it has parsed, fonts, decoded
/// streams) grow with the pages read, so the document is reopened every <see cref="PagesPerDocument"/> pages: a
/// 400-page manual then holds at most 128 pages' worth of parser state, not all 400 at once.
/// </summary>
/// <remarks>
/// A page that fails to parse is skipped and named in <see cref="PdfText.SkippedPages"/>; only a limit (time, memory,
/// a decompression bomb) or every page failing ends the whole file.
/// </remarks>
public static class PdfTextReader
{
    // Below this many pages a second parser costs more than it saves.
    private const int ParallelFromPages = 24;

    // Parsers (documents, threads) per file. Each holds its own parser caches, so memory grows with the count; two
    // already take most of what parallel parsing gives (PdfPig serialises on shared static state and on the GC).
    private const int MaxParsers = 2;

    // Pages claimed at a time: small enough to balance the parsers, large enough to keep a document's caches useful.
    private const int PagesPerClaim = 4;

    /// <summary>Pages read by one parsed document before it is reopened (bounds the parser's caches).</summary>
    public const int PagesPerDocument = 128;

    /// <exception cref="BrochureRejectedException">Unreadable, over a limit, or without a text layer (scanned).</exception>
    public static IReadOnlyList<PageText> ReadPages(Stream pdf, ExtractionLimits limits, CancellationToken cancellationToken = default) =>
        Read(pdf, limits, ParallelFromPages, cancellationToken).Pages;

    internal static IReadOnlyList<PageText> ReadPages(Stream pdf, ExtractionLimits limits, int parallelFromPages, CancellationToken cancellationToken) =>
        Read(pdf, limits, parallelFromPages, cancellationToken).Pages;

    /// <summary>The text of every readable page, and the pages skipped because they could not be parsed.</summary>
    /// <exception cref="BrochureRejectedException">Unreadable, over a limit, or without any text (scanned or blank).</exception>
    public static PdfText Read(Stream pdf, ExtractionLimits limits, CancellationToken cancellationToken = default) =>
        Read(pdf, limits, ParallelFromPages, cancellationToken);

    internal static PdfText Read(Stream pdf, ExtractionLimits limits, int parallelFromPages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var bytes = PdfOpening.ReadCapped(pdf, limits.MaxFileBytes);
        // The checked, opened document reads the first pages; others are opened over the same bytes as needed.
        var first = PdfOpening.Open(bytes, limits, clock, cancellationToken);
        var count = first.NumberOfPages;
        var pages = new PageText[count];
        var tally = new Tally[count];
        var parsers = count < parallelFromPages ? 1 : Math.Min(Environment.ProcessorCount, MaxParsers);
        if (parsers < 2)
        {
            ReadPages(bytes, first, new PageClaims(count, count), pages, tally, limits, clock, cancellationToken);
        }
        else
        {
            // Parsing is the floor of the whole extraction; more documents over the same bytes read pages on other
            // cores. PdfPig documents are not thread-safe, so never share one. Pages are claimed a few at a time, not
            // split in halves up front: page cost varies with the design, and fixed halves leave one parser idle while the other
            // finishes.
            var claims = new PageClaims(count, PagesPerClaim);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Exception? failed = null;
            void Parse(PdfDocument? opened)
            {
                try
                {
                    ReadPages(bytes, opened, claims, pages, tally, limits, clock, stop.Token);
                }
                catch (Exception e)
                {
                    // The first failure decides (a limit, a cancellation); it stops the other parsers, whose own
                    // cancellations come after it and are not recorded.
                    if (Interlocked.CompareExchange(ref failed, e, null) is null) stop.Cancel();
                }
            }
            var others = Enumerable.Range(1, parsers - 1).Select(_ => Task.Run(() => Parse(null), CancellationToken.None)).ToArray();
            Parse(first);
            // Every parser has disposed its document before this returns.
            Task.WaitAll(others, CancellationToken.None);
            if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
        }

        var skipped = new List<PageFailure>();
        for (var i = 0; i < count; i++)
        {
            if (tally[i].Failure is { } failure) skipped.Add(new PageFailure(i + 1, failure));
        }
        var letters = tally.Sum(t => t.Letters);
        if (letters == 0)
        {
            // Nothing to read: every page failed (say why the first did), pages are scans, or pages are blank.
            if (skipped.Count == count) throw new BrochureRejectedException(skipped[0].Failure);
            if (tally.Any(t => t.Images > 0)) throw Rejections.NoTextLayer();
            throw Rejections.NoText();
        }
        return new PdfText(pages, skipped);
    }

    private struct Tally
    {
        public int Letters;
        public int Images;
        public ExtractionFailure? Failure;
    }

    /// <summary>Hands out page numbers in runs of a few pages to whichever parser asks next.</summary>
    private sealed class PageClaims(int count, int run)
    {
        private int _next;

        public bool TryClaim(out int first, out int last)
        {
            first = Interlocked.Add(ref _next, run) - run + 1;
            last = Math.Min(first + run - 1, count);
            return first <= count;
        }
    }

    /// <summary>
    /// Reads the pages it claims into their slots, reopening its document every <see cref="PagesPerDocument"/> pages
    /// it has read; a page's letters are dropped as soon as its lines exist. A page that fails is left empty with its
    /// failure noted.
    /// </summary>
    /// <param name="opened">A document to start with (disposed here); null opens one.</param>
    private static void ReadPages(byte[] bytes, PdfDocument? opened, PageClaims claims, PageText[] pages, Tally[] tally, ExtractionLimits limits,
                                  Stopwatch clock, CancellationToken cancellationToken)
    {
        var document = opened;
        var read = 0;
        // One page's glyphs at a time, in a list this parser reuses for every page.
        var glyphs = new List<Glyph>();
        try
        {
            while (claims.TryClaim(out var first, out var last))
            {
                for (var number = first; number <= last; number++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (clock.Elapsed > limits.MaxDuration) throw Rejections.TimedOut(limits.MaxDuration);
                    if (document is null || (read > 0 && read % PagesPerDocument == 0))
                    {
                        document?.Dispose();
                        document = null;
                        document = PdfOpening.Reopen(bytes, limits, clock, cancellationToken);
                    }
                    read++;
                    try
                    {
                        var page = document.GetPage(number);
                        Glyphs(page, glyphs);
                        var letters = 0;
                        foreach (var glyph in glyphs) if (!glyph.IsSpace) letters++;
                        tally[number - 1].Letters = letters;
                        if (letters == 0) tally[number - 1].Images = CountImages(page);
                        var graphics = PageGraphicsReader.Read(page);
                        pages[number - 1] = new PageText(number, page.Width, page.Height, LineBuilder.Build(glyphs, graphics)) { Graphics = graphics };
                    }
                    catch (Exception e) when (PdfOpening.IsParserFailure(e))
                    {
                        var failure = PdfOpening.ExplainPage(e, limits);
                        // A limit ends the file; anything else is this page's trouble only.
                        if (failure.Kind != FailureKind.Rejected) throw new BrochureRejectedException(failure, e);
                        tally[number - 1].Failure = failure;
                        pages[number - 1] = new PageText(number, 0, 0, []);
                        // The parser may be left in a bad state by the failure: start the next page on a fresh document.
                        document.Dispose();
                        document = null;
                        read = 0;
                    }
                }
            }
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static int CountImages(Page page)
    {
        try
        {
            return page.NumberOfImages;
        }
        catch (Exception e) when (PdfOpening.IsParserFailure(e) && e is not BrochureRejectedException)
        {
            return 0;
        }
    }

    /// <summary>The page's letters as glyphs, into <paramref name="glyphs"/> (cleared first).</summary>
    internal static void Glyphs(Page page, List<Glyph> glyphs)
    {
        var letters = page.Letters;
        glyphs.Clear();
        glyphs.EnsureCapacity(letters.Count);
        var fonts = new Dictionary<string, (bool Bold, bool Italic, string Family)>();
        // Format each colour once per page, not once per letter. PdfPig gives each letter its own colour object, so
        // colours are compared by value (its colour types are values).
        var colours = new Dictionary<IColor, string>();
        // Runs of letters share one font name and one colour: the last of each answers most lookups.
        string? lastFontName = null;
        var font = (Bold: false, Italic: false, Family: "");
        IColor? lastColour = null;
        var colour = "#000000";
        foreach (var letter in letters)
        {
            var fontName = letter.FontName ?? "";
            if (!ReferenceEquals(fontName, lastFontName))
            {
                if (!fonts.TryGetValue(fontName, out font))
                {
                    font = Describe(fontName, letter.FontDetails);
                    fonts[fontName] = font;
                }
                lastFontName = fontName;
            }
            var size = letter.PointSize > 0 ? letter.PointSize : letter.FontSize;
            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            if (right - left < 0.01) right = left + Math.Max(letter.BoundingBox.Width, 0);
            if (letter.Color is null) colour = "#000000";
            else if (!ReferenceEquals(letter.Color, lastColour) && !letter.Color.Equals(lastColour) && !colours.TryGetValue(letter.Color, out colour!))
            {
                colour = Colour(letter);
                colours[letter.Color] = colour;
            }
            lastColour = letter.Color;
            glyphs.Add(new Glyph(letter.Value, left, right, letter.StartBaseLine.Y, size, font.Bold, font.Italic, colour, font.Family));
        }
    }

    private static (bool Bold, bool Italic, string Family) Describe(string fontName, FontDetails? details)
    {
        // Subset fonts are named "AAAAAA+LiberationSans-Bold"; synthetic bold loses IsBold but keeps the name.
        var name = fontName.Contains('+') ? fontName[(fontName.IndexOf('+') + 1)..] : fontName;
        var bold = details?.IsBold == true || details?.Weight >= 600
                   || name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
                   || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || name.Contains("Semibold", StringComparison.OrdinalIgnoreCase);
        var italic = details?.IsItalic == true || name.Contains("Italic", StringComparison.OrdinalIgnoreCase)
                     || name.Contains("Oblique", StringComparison.OrdinalIgnoreCase);
        var dash = name.IndexOfAny(['-', ',']);
        return (bold, italic, dash > 0 ? name[..dash] : name);
    }

    /// <summary>
    /// The letter's fill as #rrggbb. Text filled with a pattern or shading has no single colour (PdfPig's
    /// <see cref="UglyToad.PdfPig.Graphics.Colors.PatternColor"/> refuses ToRGBValues): it reads as black.
    /// </summary>
    private static string Colour(Letter letter)
    {
        if (letter.Color is null or PatternColor) return "#000000";
        var (r, g, b) = letter.Color.ToRGBValues();
        return $"#{Channel(r):x2}{Channel(g):x2}{Channel(b):x2}";
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}

/// <summary>What <see cref="PdfTextReader.Read(Stream, ExtractionLimits, CancellationToken)"/> gives: every page (a skipped one empty) and why pages were skipped.</summary>
public sealed record PdfText(IReadOnlyList<PageText> Pages, IReadOnlyList<PageFailure> SkippedPages);

/// <summary>A page that could not be parsed and was left out, and why.</summary>
public sealed record PageFailure(int Page, ExtractionFailure Failure);
