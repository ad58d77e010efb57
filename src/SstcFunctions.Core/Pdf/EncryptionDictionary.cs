namespace SstcFunctions.Core.Pdf;

/// <summary>Where a version 4 or 5 encryption dictionary keeps its crypt filters (<c>/CF</c>).</summary>
internal enum CryptFilterPlacement
{
    Absent,
    /// <summary>A dictionary written inside the encryption dictionary, as readers expect.</summary>
    Direct,
    /// <summary>An indirect reference (to the /CF dictionary or to the filter named by /StmF or /StrF).</summary>
    Indirect,
}

/// <summary>
/// The facts of a file's encryption, read from its own bytes (ISO 32000-2 §7.6): the trailer's <c>/Encrypt</c>
/// dictionary (table 20, and table 21 for the standard security handler) and the first element of the trailer's
/// <c>/ID</c>. Names are given without their "/"; strings as the bytes they stand for.
/// </summary>
/// <param name="Filter">The security handler: "Standard", "Adobe.PubSec", … (null when absent).</param>
/// <param name="StreamMethod">The <c>/CFM</c> of the crypt filter named by <c>/StmF</c> ("V2", "AESV2", "AESV3", "None"), null when there is none.</param>
/// <param name="EncryptKeyOffsets">Where the "/Encrypt" key of each trailer that has one starts in the file.</param>
internal sealed record EncryptionDictionary(
    string? Filter,
    string? SubFilter,
    int V,
    int R,
    int? Length,
    byte[] O,
    byte[] U,
    int P,
    string StmF,
    string StrF,
    CryptFilterPlacement CryptFilters,
    string? StreamMethod,
    bool EncryptMetadata,
    byte[] FirstId,
    IReadOnlyList<int> EncryptKeyOffsets)
{
    /// <summary>
    /// The encryption facts of <paramref name="pdf"/>, or null when it has no trailer with an <c>/Encrypt</c> entry or that
    /// entry cannot be read. Trailers are the dictionaries after each "trailer" keyword and the dictionaries of
    /// cross-reference streams (<c>/Type /XRef</c>), the last <see cref="MaxCandidates"/> of each; the last in the file
    /// wins, as the newest incremental update.
    /// The encryption dictionary is never in an object stream (§7.5.7), so an indirect one is read where it is written.
    /// </summary>
    public static EncryptionDictionary? TryRead(byte[] pdf)
    {
        if (pdf.AsSpan().IndexOf("/Encrypt"u8) < 0) return null;
        var trailers = Trailers(pdf).Where(t => t.Dictionary["Encrypt"] is not null).ToList();
        if (trailers.Count == 0) return null;
        var newest = trailers.MaxBy(t => t.Offset)!.Dictionary;
        if (Resolve(pdf, newest["Encrypt"]) is not PdfDictionary encrypt) return null;
        var id = newest["ID"] is PdfArray { Items: [PdfString first, ..] } ? first.Bytes : [];
        return FromDictionary(pdf, encrypt, id, [.. trailers.Select(t => t.Dictionary.KeyOffsets["Encrypt"]).Order()]);
    }

    /// <summary>The facts of an encryption dictionary written out as text (for tests), with no /ID.</summary>
    internal static EncryptionDictionary? Parse(string dictionary)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(dictionary);
        return PdfSyntax.ReadValue(bytes, 0) is PdfDictionary parsed ? FromDictionary(bytes, parsed, [], []) : null;
    }

    private static EncryptionDictionary FromDictionary(byte[] bytes, PdfDictionary encrypt, byte[] firstId, IReadOnlyList<int> keyOffsets)
    {
        string? Name(PdfDictionary d, string key) => Resolve(bytes, d[key]) is PdfName name ? name.Value : null;
        double? Number(string key) => Resolve(bytes, encrypt[key]) is PdfNumber number ? number.Value : null;
        byte[] String(string key) => Resolve(bytes, encrypt[key]) is PdfString s ? s.Bytes : [];

        // Absent /StmF and /StrF mean /Identity (table 20).
        var stmF = Name(encrypt, "StmF") ?? "Identity";
        var placement = encrypt["CF"] switch
        {
            null => CryptFilterPlacement.Absent,
            PdfReference => CryptFilterPlacement.Indirect,
            PdfDictionary direct when direct[stmF] is PdfReference || direct[Name(encrypt, "StrF") ?? "Identity"] is PdfReference =>
                CryptFilterPlacement.Indirect,
            _ => CryptFilterPlacement.Direct,
        };
        var filters = Resolve(bytes, encrypt["CF"]) as PdfDictionary;
        var streamMethod = stmF == "Identity" ? null
            : Resolve(bytes, filters?[stmF]) is PdfDictionary filter ? Name(filter, "CFM") ?? "None" : null;
        return new EncryptionDictionary(
            Filter: Name(encrypt, "Filter"),
            SubFilter: Name(encrypt, "SubFilter"),
            V: (int)(Number("V") ?? 0),
            R: (int)(Number("R") ?? 0),
            Length: Number("Length") is { } length ? (int)length : null,
            O: String("O"),
            U: String("U"),
            P: Permissions(Number("P")),
            StmF: stmF,
            StrF: Name(encrypt, "StrF") ?? "Identity",
            CryptFilters: placement,
            StreamMethod: streamMethod,
            EncryptMetadata: Resolve(bytes, encrypt["EncryptMetadata"]) is not PdfBoolean { Value: false },
            FirstId: firstId,
            EncryptKeyOffsets: keyOffsets);
    }

    /// <summary>/P is a 32-bit signed integer, though some writers store it unsigned (4294967292 for -4).</summary>
    private static int Permissions(double? p) => p is >= int.MinValue and <= uint.MaxValue ? unchecked((int)(long)p.Value) : 0;

    /// <summary>A value, or the object an indirect reference points at (one level: enough for this dictionary).</summary>
    private static PdfValue? Resolve(byte[] bytes, PdfValue? value)
    {
        if (value is not PdfReference reference) return value;
        var at = PdfSyntax.FindObject(bytes, reference.Number, reference.Generation);
        return at < 0 ? null : PdfSyntax.ReadValue(bytes, at);
    }

    private sealed record Trailer(int Offset, PdfDictionary Dictionary);

    /// <summary>How many "trailer" keywords, and how many "/XRef" names, are tried, newest first.</summary>
    private const int MaxCandidates = 32;

    private static List<Trailer> Trailers(ReadOnlySpan<byte> bytes)
    {
        var found = new List<Trailer>();
        var end = bytes.Length;
        for (var tried = 0; tried < MaxCandidates && (end = bytes[..end].LastIndexOf("trailer"u8)) >= 0; tried++)
        {
            if (PdfSyntax.ReadValue(bytes, end + "trailer".Length) is PdfDictionary dictionary) found.Add(new(end, dictionary));
        }
        // A cross-reference stream's dictionary: its /Type /XRef comes after the "obj" that opens it.
        end = bytes.Length;
        for (var tried = 0; tried < MaxCandidates && (end = bytes[..end].LastIndexOf("/XRef"u8)) >= 0; tried++)
        {
            var window = bytes[Math.Max(0, end - 4096)..end];
            var obj = window.LastIndexOf("obj"u8);
            if (obj < 0) continue;
            var start = end - window.Length + obj + 3;
            if (PdfSyntax.ReadValue(bytes, start) is PdfDictionary { Entries: var entries } dictionary
                && entries.GetValueOrDefault("Type") is PdfName { Value: "XRef" })
            {
                found.Add(new(start, dictionary));
            }
        }
        return found;
    }
}
