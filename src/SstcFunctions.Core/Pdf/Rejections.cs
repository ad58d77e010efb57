namespace SstcFunctions.Core.Pdf;

/// <summary>
/// The sentences a person reads when a brochure is refused. One place, so the in-process path and the
/// sandboxed child process word the same outcome the same way.
/// </summary>
public static class Rejections
{
    public const string EncryptedReason = "encrypted PDF: a password is required";
    public const string NoTextLayerReason = "no text layer: scanned PDFs are not supported";
    public const string NoPagesReason = "the PDF has no pages";

    public static BrochureRejectedException Encrypted(Exception? inner = null) => new(EncryptedReason, inner);
    public static BrochureRejectedException NoTextLayer() => new(NoTextLayerReason);
    public static BrochureRejectedException NoPages() => new(NoPagesReason);

    public static BrochureRejectedException EmptyFile() => new("empty file: 0 bytes, nothing to read");

    public static BrochureRejectedException TooLarge(long bytes, long max) =>
        new($"file too large: {Megabytes(bytes)} > {Megabytes(max)} limit");

    public static BrochureRejectedException TooManyPages(int pages, int max) => new($"too many pages: {pages} > {max}");

    public static BrochureRejectedException NotPdf(string whatItIs) => new($"not a PDF (it starts with {whatItIs})");

    public static BrochureRejectedException Truncated() =>
        new("truncated PDF: the end-of-file marker is missing (an incomplete upload or download?)");

    public static BrochureRejectedException TimedOut(TimeSpan limit) => new($"exceeded {Seconds(limit)} (the time limit per brochure)");

    public static BrochureRejectedException OutOfMemory(long maxBytes, Exception? inner = null) =>
        new($"exceeded the {Megabytes(maxBytes)} memory limit", inner);

    public static BrochureRejectedException DecompressionBomb(long maxBytes) =>
        new($"a compressed stream inflates beyond the {Megabytes(maxBytes)} limit (a decompression bomb?)");

    public static BrochureRejectedException NestedTooDeeply(Exception? inner = null) =>
        new("damaged or hostile PDF: its objects are nested too deeply to read safely", inner);

    public static BrochureRejectedException Damaged(string what, Exception? inner = null) => new($"damaged PDF: {what}", inner);

    public static BrochureRejectedException Crashed(int exitCode) =>
        new($"the PDF parser crashed (exit {exitCode}); the file is probably damaged or hostile");

    internal static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes} bytes";

    internal static string Seconds(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
}
