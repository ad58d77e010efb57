namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Every way an extraction is refused, as typed failures (<see cref="ExtractionFailure"/>), and the one place where
/// each becomes the sentence a person reads. The in-process path, the CLI and the sandbox all word the same outcome
/// the same way because they all render it here, at the edge, from the code.
/// </summary>
public static class Rejections
{
    public static BrochureRejectedException Encrypted(Exception? inner = null) => Reject(new(RejectionCode.PasswordRequired), inner);
    public static BrochureRejectedException EncryptionUnsupported(string? detail, Exception? inner = null) =>
        Reject(new(RejectionCode.EncryptionUnsupported, detail), inner);
    public static BrochureRejectedException NoTextLayer() => Reject(new(RejectionCode.NoTextLayer));
    public static BrochureRejectedException NoText() => Reject(new(RejectionCode.NoText));
    public static BrochureRejectedException NoPages() => Reject(new(RejectionCode.NoPages));
    public static BrochureRejectedException EmptyFile() => Reject(new(RejectionCode.EmptyFile));
    public static BrochureRejectedException TooLarge(long bytes, long max) => Reject(new(RejectionCode.TooLarge, null, bytes, max));
    public static BrochureRejectedException TooManyPages(int pages, int max) => Reject(new(RejectionCode.TooManyPages, null, pages, max));
    public static BrochureRejectedException NotPdf(string whatItIs) => Reject(new(RejectionCode.NotPdf, whatItIs));
    public static BrochureRejectedException Truncated() => Reject(new(RejectionCode.Truncated));
    public static BrochureRejectedException TimedOut(TimeSpan limit) =>
        Reject(new(RejectionCode.TimedOut, null, null, (long)limit.TotalMilliseconds));
    public static BrochureRejectedException OutOfMemory(long maxBytes, Exception? inner = null) =>
        Reject(new(RejectionCode.OutOfMemory, null, null, maxBytes), inner);
    public static BrochureRejectedException DecompressionBomb(long maxBytes) => Reject(new(RejectionCode.DecompressionBomb, null, null, maxBytes));
    public static BrochureRejectedException NestedTooDeeply(Exception? inner = null) => Reject(new(RejectionCode.NestedTooDeeply), inner);
    public static BrochureRejectedException Damaged(string what, Exception? inner = null) => Reject(new(RejectionCode.Damaged, what), inner);
    /// <param name="detail">What the runtime said when it died (its first line), shown to a person as is.</param>
    public static BrochureRejectedException Crashed(int exitCode, string? detail = null) => Reject(new(RejectionCode.Crashed, detail, exitCode));
    public static BrochureRejectedException Unreadable(string what, Exception? inner = null) => Reject(new(RejectionCode.Unreadable, what), inner);

    private static BrochureRejectedException Reject(ExtractionFailure failure, Exception? inner = null) => new(failure, inner);

    /// <summary>The sentence for a failure. Wording lives only here; nothing may parse it.</summary>
    public static string Describe(ExtractionFailure failure) => failure.Code switch
    {
        RejectionCode.EmptyFile => "empty file: 0 bytes, nothing to read",
        RejectionCode.NotPdf => $"not a PDF (it starts with {failure.Detail ?? "something else"})",
        RejectionCode.Truncated => "truncated PDF: the end-of-file marker is missing (an incomplete upload or download?)",
        RejectionCode.NoPages => "the PDF has no pages",
        RejectionCode.PasswordRequired => "encrypted PDF: a password is required",
        RejectionCode.EncryptionUnsupported =>
            $"encrypted PDF: it uses encryption this reader cannot decrypt{(failure.Detail is { } d ? $" ({d})" : "")}",
        RejectionCode.NoTextLayer => "no text layer: scanned PDFs are not supported",
        RejectionCode.NoText => "no text: the pages carry neither text nor images",
        RejectionCode.Damaged => $"damaged PDF: {failure.Detail ?? "it cannot be read"}",
        RejectionCode.NestedTooDeeply => "damaged or hostile PDF: its objects are nested too deeply to read safely",
        RejectionCode.TooLarge => $"file too large: {Megabytes(failure.Value ?? 0)} > {Megabytes(failure.Limit ?? 0)} limit",
        RejectionCode.TooManyPages => $"too many pages: {failure.Value} > {failure.Limit}",
        RejectionCode.TimedOut => $"exceeded {Seconds(TimeSpan.FromMilliseconds(failure.Limit ?? 0))} (the time limit per brochure)",
        RejectionCode.OutOfMemory => $"exceeded the {Megabytes(failure.Limit ?? 0)} memory limit",
        RejectionCode.DecompressionBomb =>
            $"a compressed stream inflates beyond the {Megabytes(failure.Limit ?? 0)} limit (a decompression bomb?)",
        RejectionCode.Crashed =>
            $"the PDF parser crashed (exit {failure.Value}{(failure.Detail is { Length: > 0 } d ? $": {d}" : "")}); the file is probably damaged or hostile",
        RejectionCode.Unreadable => $"cannot read the file: {failure.Detail}",
        _ => failure.Code.ToString(),
    };

    internal static string Megabytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes} bytes";

    internal static string Seconds(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
}
