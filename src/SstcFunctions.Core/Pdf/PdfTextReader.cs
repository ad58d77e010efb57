using System.Diagnostics;
using SstcFunctions.Core.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.PdfFonts;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// PDF → positioned lines, page by page. Letters are turned into lines as soon as a page is parsed so only one
/// page's letters are alive at a time; words are built here rather than by PdfPig's word extractor, which costs
/// more than the parse itself on long brochures.
/// </summary>
public static class PdfTextReader
{
    // Below this many pages a second parser costs more than it saves.
    private const int ParallelFromPages = 24;

    /// <exception cref="BrochureRejectedException">Unreadable, over a limit, or without a text layer (scanned).</exception>
    public static IReadOnlyList<PageText> ReadPages(Stream pdf, ExtractionLimits limits, CancellationToken cancellationToken = default) =>
        ReadPages(pdf, limits, ParallelFromPages, cancellationToken);

    internal static IReadOnlyList<PageText> ReadPages(Stream pdf, ExtractionLimits limits, int parallelFromPages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var bytes = PdfOpening.ReadCapped(pdf, limits.MaxFileBytes);
        using var document = PdfOpening.Open(bytes, limits, clock, cancellationToken);
        var count = document.NumberOfPages;
        var pages = new PageText[count];
        int letters;
        if (count < parallelFromPages || Environment.ProcessorCount < 2)
        {
            letters = ReadRange(document, 1, count, pages, limits, clock, cancellationToken);
        }
        else
        {
            // Parsing is the floor of the whole extraction; a second document over the same bytes reads the
            // second half of the pages on another core. PdfPig documents are not thread-safe, so never share one.
            var half = count / 2;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var secondHalf = Task.Run(() =>
            {
                using var other = PdfOpening.Reopen(bytes, limits, clock, stop.Token);
                return ReadRange(other, half + 1, count, pages, limits, clock, stop.Token);
            }, stop.Token);
            try
            {
                letters = ReadRange(document, 1, half, pages, limits, clock, cancellationToken);
            }
            catch
            {
                // The first failure decides; stop the other half and wait so its document is disposed before we leave.
                stop.Cancel();
                try { secondHalf.Wait(CancellationToken.None); } catch (AggregateException) { }
                throw;
            }
            letters += secondHalf.GetAwaiter().GetResult();
        }
        PdfOpening.EnsureTextLayer(letters);
        return pages;
    }

    /// <summary>Reads pages first..last into their slots; a page's letters are dropped as soon as its lines exist.</summary>
    private static int ReadRange(PdfDocument document, int first, int last, PageText[] pages, ExtractionLimits limits,
                                 Stopwatch clock, CancellationToken cancellationToken)
    {
        var letters = 0;
        for (var number = first; number <= last; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.Elapsed > limits.MaxDuration) throw Rejections.TimedOut(limits.MaxDuration);
            try
            {
                var page = document.GetPage(number);
                var glyphs = Glyphs(page);
                letters += glyphs.Count(g => !g.IsSpace);
                var graphics = PageGraphicsReader.Read(page);
                pages[number - 1] = new PageText(number, page.Width, page.Height, LineBuilder.Build(glyphs, graphics)) { Graphics = graphics };
            }
            catch (Exception e) when (PdfOpening.IsParserFailure(e))
            {
                throw PdfOpening.Explain(e, limits);
            }
        }
        return letters;
    }

    internal static List<Glyph> Glyphs(Page page)
    {
        var letters = page.Letters;
        var glyphs = new List<Glyph>(letters.Count);
        var fonts = new Dictionary<string, (bool Bold, bool Italic, string Family)>();
        // Letters share colour objects; format each colour once per page, not once per letter.
        var colours = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        foreach (var letter in letters)
        {
            var fontName = letter.FontName ?? "";
            if (!fonts.TryGetValue(fontName, out var font))
            {
                font = Describe(fontName, letter.FontDetails);
                fonts[fontName] = font;
            }
            var size = letter.PointSize > 0 ? letter.PointSize : letter.FontSize;
            var left = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);
            var right = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            if (right - left < 0.01) right = left + Math.Max(letter.BoundingBox.Width, 0);
            string colour;
            if (letter.Color is null) colour = "#000000";
            else if (!colours.TryGetValue(letter.Color, out colour!))
            {
                colour = Colour(letter);
                colours[letter.Color] = colour;
            }
            glyphs.Add(new Glyph(letter.Value, left, right, letter.StartBaseLine.Y, size, font.Bold, font.Italic, colour, font.Family));
        }
        return glyphs;
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

    private static string Colour(Letter letter)
    {
        if (letter.Color is null) return "#000000";
        var (r, g, b) = letter.Color.ToRGBValues();
        return $"#{Channel(r):x2}{Channel(g):x2}{Channel(b):x2}";
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
