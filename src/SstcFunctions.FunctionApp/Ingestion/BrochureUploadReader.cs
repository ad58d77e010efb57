using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using SstcFunctions.Core.Pdf;
using SstcFunctions.FunctionApp.Http;

namespace SstcFunctions.FunctionApp.Ingestion;

/// <summary>The result of reading an upload: the file name and bytes, or the problem to answer with.</summary>
public sealed record BrochureUpload(string? FileName, UploadStream? Pdf, BodyResult? Problem);

/// <summary>
/// Validates POST /api/brochures before anything is stored: a usable name (400), a PDF content type and %PDF- magic
/// bytes (415), a size within the extraction limit (413, from Content-Length at once, else while streaming).
/// </summary>
public sealed class BrochureUploadReader(ExtractionLimits limits)
{
    public const string NameParameter = "name";
    private const int MaxNameLength = 200;
    // Readers accept the header anywhere in the first 1024 bytes (PDF 1.7 implementation note 13).
    private const int MagicWindow = 1024;
    private static readonly byte[] Magic = "%PDF-"u8.ToArray();

    public async Task<BrochureUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ValidateName(request) is not { } fileName)
        {
            return Fail(ApiResults.BadRequest(
                $"Give the file name as ?{NameParameter}=report.pdf: 1–{MaxNameLength} characters, no slashes or control characters.",
                new ProblemExtensions { Parameter = NameParameter }));
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(UnsupportedMediaType("The body must be a PDF sent as Content-Type: application/pdf."));
        }
        if (request.ContentLength > limits.MaxFileBytes) return Fail(TooLarge());
        // Kestrel's own cap (30 MB by default) would cut a legitimate brochure off before our limit applies.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxFileBytes + 1;
        }

        // Only the header window is read here; the rest streams to storage through UploadStream (hashed, counted,
        // stopped at the limit), so an upload never sits in memory whole.
        var prefix = new byte[MagicWindow];
        var filled = 0;
        int read;
        while (filled < prefix.Length && (read = await request.Body.ReadAsync(prefix.AsMemory(filled), cancellationToken)) > 0) filled += read;
        if (filled == 0) return Fail(ApiResults.BadRequest("The body is empty; send the PDF file as the request body."));
        if (prefix.AsSpan(0, filled).IndexOf(Magic) < 0)
        {
            return Fail(UnsupportedMediaType("The body is not a PDF file: it does not start with %PDF-."));
        }
        return new BrochureUpload(fileName, new UploadStream(prefix[..filled], request.Body, limits.MaxFileBytes), null);
    }

    public BodyResult TooLarge() =>
        ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "File too large", $"Brochures may be at most {limits.MaxFileBytes:N0} bytes.");

    /// <summary>The blob name for the upload: the given name, with ".pdf" added when it lacks it; null when unusable.</summary>
    public static string? ValidateName(HttpRequest request)
    {
        if (!request.Query.TryGetValue(NameParameter, out var values) || values.Count != 1) return null;
        var name = values.ToString().Trim();
        if (name.Length is 0 or > MaxNameLength) return null;
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\') || name.Trim('.').Length == 0) return null;
        // Blob names are UTF-8 on the wire; lone surrogates cannot be stored.
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
        return name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? name : name + ".pdf";
    }

    private static BodyResult UnsupportedMediaType(string detail) =>
        ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Not a PDF", detail);

    private static BrochureUpload Fail(BodyResult problem) => new(null, null, problem);
}
