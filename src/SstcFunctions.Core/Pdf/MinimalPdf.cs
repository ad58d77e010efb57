using System.Text;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// A minimal PDF writer: numbered objects, a correct classic xref table, a trailer. The CLI's worker warms its JIT up on
/// <see cref="Text"/>; the tests build their valid and hostile files with <see cref="Writer"/>. Object 1 is the catalog
/// and object 2 the page tree, set last by the caller.
/// </summary>
public static class MinimalPdf
{
    /// <summary>A small valid PDF with one line of real text per page (Helvetica, no embedded font).</summary>
    public static byte[] Text(string text, int pages = 1)
    {
        var pdf = new Writer();
        var kids = new List<int>();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        const int pagesObj = 2;
        for (var i = 0; i < pages; i++)
        {
            var content = pdf.AddStream("", Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({Escape(text)}) Tj ET"));
            kids.Add(pdf.Add($"<< /Type /Page /Parent {pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"));
        }
        pdf.Set(pagesObj, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {pages} >>");
        pdf.Set(1, $"<< /Type /Catalog /Pages {pagesObj} 0 R >>");
        return pdf.ToBytes();
    }

    /// <summary>A PDF literal string's escapes for <paramref name="text"/>.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>Numbered objects written out with their offsets in a classic xref table.</summary>
    public sealed class Writer
    {
        private readonly SortedDictionary<int, byte[]> _objects = [];
        private int _next = 3; // 1 = catalog, 2 = page tree, set last.

        public int Reserve() => _next++;

        public int Add(string body)
        {
            var number = Reserve();
            Set(number, body);
            return number;
        }

        public int AddStream(string dictionaryEntries, byte[] data, long? lengthOverride = null)
        {
            var number = Reserve();
            SetStream(number, dictionaryEntries, data, lengthOverride);
            return number;
        }

        public void Set(int number, string body) => _objects[number] = Encoding.ASCII.GetBytes(body);

        public void SetStream(int number, string dictionaryEntries, byte[] data, long? lengthOverride = null)
        {
            var head = Encoding.ASCII.GetBytes($"<< {dictionaryEntries} /Length {lengthOverride ?? data.Length} >>\nstream\n");
            _objects[number] = [.. head, .. data, .. "\nendstream"u8];
        }

        public byte[] ToBytes(string extraTrailer = "")
        {
            using var output = new MemoryStream();
            void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
            Write("%PDF-1.7\n");
            output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
            var size = _objects.Keys.Max() + 1;
            var offsets = new long[size];
            foreach (var (number, body) in _objects)
            {
                offsets[number] = output.Position;
                Write($"{number} 0 obj\n");
                output.Write(body);
                Write("\nendobj\n");
            }
            var xref = output.Position;
            var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
            for (var i = 1; i < size; i++)
            {
                table.Append(_objects.ContainsKey(i) ? $"{offsets[i]:D10} 00000 n \n" : "0000000000 00000 f \n");
            }
            Write(table.ToString());
            Write($"trailer\n<< /Size {size} /Root 1 0 R {extraTrailer} >>\nstartxref\n{xref}\n%%EOF\n");
            return output.ToArray();
        }
    }
}
