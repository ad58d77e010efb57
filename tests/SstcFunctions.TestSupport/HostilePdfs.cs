using System.IO.Compression;
using System.Text;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.TestSupport;

/// <summary>
/// The hostile corpus, made at test time (nothing hostile is checked in): files a careless or malicious
/// uploader could drop into brochures/. Each maker is deterministic and fast (the 1 GiB bomb takes well
/// under a second to build because zeros compress ~1000:1).
/// </summary>
public static partial class HostilePdfs
{
    /// <summary>
    /// One entry of the corpus: a file name, its bytes, and the words its rejection reason must contain
    /// (null: any clean outcome will do, success included, e.g. a lie PdfPig's lenient parser repairs).
    /// </summary>
    public sealed record Case(string Name, Func<byte[]> Make, string? ExpectedReason)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// Every hostile case with a fragment of the reason a person should read. The 1 GiB bomb and the
    /// stack-overflowing PostScript function are only safe to open in a child process.
    /// </summary>
    public static IReadOnlyList<Case> Corpus { get; } =
    [
        new("zero-bytes.pdf", ZeroBytes, "empty file"),
        new("png-renamed.pdf", PngRenamed, "PNG image"),
        new("html-renamed.pdf", HtmlRenamed, "HTML"),
        new("truncated.pdf", () => Truncated(TextPdf("Truncated brochure text")), "truncated"),
        new("encrypted.pdf", () => UserPasswordEncrypted("secret"), "encrypted PDF: a password is required"),
        new("image-only.pdf", ImageOnly, "no text layer"),
        new("flate-bomb.pdf", () => FlateBomb(), "decompression"),
        new("deep-nesting.pdf", () => DeepNesting(), "nested too deeply"),
        new("xref-prev-loop.pdf", () => XrefPrevLoop(), "no text:"), // the loop must not hang; its one page has neither text nor images
        new("many-pages.pdf", () => ManyPages(5_000), "too many pages: 5000 > 1000"),
        new("deep-postscript.pdf", () => DeepPostScriptFunction(), "crashed"),
        new("lying-length.pdf", LyingLength, null), // lenient parsing finds endstream and reads it
    ];

    /// <summary>Cases that can be opened in-process (the PostScript one overflows the stack, which kills any process).</summary>
    public static IEnumerable<Case> InProcessSafe => Corpus.Where(c => c.Name is not "deep-postscript.pdf");

    /// <summary>Cases that must end as a failed brochure (not merely a clean outcome).</summary>
    public static IEnumerable<Case> MustFail => Corpus.Where(c => c.ExpectedReason is not null);

    public static byte[] ZeroBytes() => [];

    /// <summary>A real 1×1 PNG (signature, IHDR, IDAT, IEND) under a .pdf name.</summary>
    public static byte[] PngRenamed()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WritePngChunk(png, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true)) z.Write([0, 0x80]);
            WritePngChunk(png, "IDAT", raw.ToArray());
        }
        WritePngChunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] HtmlRenamed() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>Download</title></head><body><p>Sign in to continue</p></body></html>\n");

    /// <summary>A small valid PDF with one line of real text per page (Helvetica, no embedded font).</summary>
    public static byte[] TextPdf(string text = "South-South and Triangular Cooperation", int pages = 1) => MinimalPdf.Text(text, pages);

    /// <summary>The first <paramref name="fraction"/> of a file, like an interrupted download.</summary>
    public static byte[] Truncated(byte[] source, double fraction = 0.5) => source[..(int)(source.Length * fraction)];

    /// <summary>A real standard-security-handler (RC4 40-bit, R2) file that needs <paramref name="userPassword"/> to open.</summary>
    public static byte[] UserPasswordEncrypted(string userPassword = "secret") => Encrypted(userPassword, "owner");

    /// <summary>Encrypted with only an owner password: any reader opens it with the empty user password.</summary>
    public static byte[] OwnerPasswordOnly() => Encrypted("", "owner-only");

    /// <summary>A "scanned" page: one image, no text operators at all.</summary>
    public static byte[] ImageOnly()
    {
        var pdf = new MinimalPdf.Writer();
        var pixels = new byte[64 * 64];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7);
        var image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8", pixels);
        var content = pdf.AddStream("", "q 400 0 0 400 100 200 cm /Im1 Do Q"u8.ToArray());
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    /// <summary>
    /// A ~1 MB file whose page content stream (FlateDecode) inflates to <paramref name="inflatedBytes"/> of zeros
    /// (NUL is PDF whitespace, so an unguarded parser inflates and scans all of it).
    /// </summary>
    public static byte[] FlateBomb(long inflatedBytes = (1L << 30) + 4096)
    {
        var compressed = CompressedZeros(inflatedBytes);
        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var text = pdf.AddStream("", "BT /F1 12 Tf 72 720 Td (Bomb) Tj ET"u8.ToArray());
        var bomb = pdf.AddStream("/Filter /FlateDecode", compressed);
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents [{text} 0 R {bomb} 0 R] >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    private static readonly Dictionary<long, byte[]> CompressedZerosCache = [];

    /// <summary>zlib-compressed zeros, built once per size (1 GiB → ~1 MB in about a second).</summary>
    public static byte[] CompressedZeros(long count)
    {
        lock (CompressedZerosCache)
        {
            if (CompressedZerosCache.TryGetValue(count, out var cached)) return cached;
            using var output = new MemoryStream();
            using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (var left = count; left > 0; left -= zeros.Length)
                {
                    z.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
                }
            }
            return CompressedZerosCache[count] = output.ToArray();
        }
    }

    /// <summary>An array nested <paramref name="depth"/> levels deep inside the page dictionary.</summary>
    public static byte[] DeepNesting(int depth = 100_000)
    {
        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.AddStream("", "BT /F1 12 Tf 72 720 Td (Deep) Tj ET"u8.ToArray());
        var deep = new string('[', depth) + new string(']', depth);
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep {deep} /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    /// <summary>
    /// Two cross-reference sections whose /Prev entries point at each other; with <paramref name="text"/>, its one page
    /// shows that line (Helvetica), so the file has a text layer but no project card.
    /// </summary>
    public static byte[] XrefPrevLoop(string? text = null)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({Escape(text ?? "")}) Tj ET";
        var objects = text is null
            ? new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            }
            : new[]
            {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream",
            };
        var buffer = new MemoryStream();
        void Write(string s) => buffer.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(buffer.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        // Section A and section B are written with fixed-width offsets so each can name the other.
        var table = new StringBuilder($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
        var sectionA = buffer.Position;
        var lengthA = Encoding.ASCII.GetByteCount(table + $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Prev 0000000000 >>\n");
        var sectionB = sectionA + lengthA;
        Write(table + $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Prev {sectionB:D10} >>\n");
        Write(table + $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Prev {sectionA:D10} >>\n");
        Write($"startxref\n{sectionB}\n%%EOF\n");
        return buffer.ToArray();
    }

    /// <summary><paramref name="count"/> pages sharing one tiny content stream.</summary>
    public static byte[] ManyPages(int count = 5_000)
    {
        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.AddStream("", "BT /F1 12 Tf 72 720 Td (.) Tj ET"u8.ToArray());
        var kids = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>");
            kids.Append(page).Append(" 0 R ");
        }
        pdf.Set(2, $"<< /Type /Pages /Kids [{kids}] /Count {count} >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    /// <summary>
    /// A Separation colour space whose tint transform is a Type 4 (PostScript calculator) function with
    /// <paramref name="depth"/> nested procedures: a recursive-descent parser overflows the stack on it.
    /// </summary>
    /// <remarks>
    /// Deep enough to overflow whatever code the JIT has made of PdfPig's evaluator: 5,000 levels overflowed tier-0 and
    /// ReadyToRun frames but not fully optimised ones (<c>DOTNET_TieredCompilation=0</c>), so a worker that tiered up
    /// during the recursion, which a loaded machine makes more likely, sometimes read the file.
    /// </remarks>
    public static byte[] DeepPostScriptFunction(int depth = 50_000)
    {
        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var body = "{ " + string.Concat(Enumerable.Repeat("true { ", depth)) + "0 0 0 " + string.Concat(Enumerable.Repeat("} if ", depth)) + "}";
        var function = pdf.AddStream("/FunctionType 4 /Domain [0 1] /Range [0 1 0 1 0 1]", Encoding.ASCII.GetBytes(body));
        var content = pdf.AddStream("", "/CS0 cs 0.5 scn 0 0 100 100 re f BT /F1 12 Tf 72 720 Td (Spot colour) Tj ET"u8.ToArray());
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> /ColorSpace << /CS0 [/Separation /Spot /DeviceRGB {function} 0 R] >> >> /Contents {content} 0 R >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    /// <summary>A content stream whose /Length claims far more bytes than the file holds.</summary>
    public static byte[] LyingLength()
    {
        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var content = pdf.AddStream("", "BT /F1 12 Tf 72 720 Td (Lies) Tj ET"u8.ToArray(), lengthOverride: 9_999_999);
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.ToBytes();
    }

    private static void WritePngChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(length, System.IO.Hashing.Crc32.HashToUInt32(typed)); // PNG's CRC is CRC-32 (ISO-HDLC)
        png.Write(length);
    }

    private static string Escape(string text) => MinimalPdf.Escape(text);
}
