using System.Security.Cryptography;
using System.Text;
using SstcFunctions.Core.Pdf;

namespace SstcFunctions.TestSupport;

/// <summary>Password-protected files for the hostile corpus, encrypted for real (no library writes RC4-40 PDFs).</summary>
public static partial class HostilePdfs
{
    // ---- RC4 40-bit standard security handler, revision 2 (PDF 1.7 §7.6.3, algorithms 2, 3 and 4); RC4 and the padding are Core's ----

    private static byte[] Encrypted(string userPassword, string ownerPassword)
    {
        const int permissions = -44;
        var id = MD5.HashData(Encoding.ASCII.GetBytes(userPassword + "|" + ownerPassword));
        var ownerKey = MD5.HashData(Padded(ownerPassword))[..5];
        var o = Rc4.Transform(ownerKey, Padded(userPassword));
        var keyInput = Padded(userPassword).Concat(o).Concat(BitConverter.GetBytes(permissions)).Concat(id).ToArray();
        var fileKey = MD5.HashData(keyInput)[..5];
        var u = Rc4.Transform(fileKey, StandardSecurity.Padding);

        var pdf = new MinimalPdf.Writer();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var contentNumber = pdf.Reserve();
        var plain = "BT /F1 12 Tf 72 720 Td (Confidential brochure) Tj ET"u8.ToArray();
        pdf.SetStream(contentNumber, "", Rc4.Transform(ObjectKey(fileKey, contentNumber), plain));
        var page = pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contentNumber} 0 R >>");
        pdf.Set(2, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        var encrypt = pdf.Add($"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <{Convert.ToHexString(o)}> /U <{Convert.ToHexString(u)}> /P {permissions} >>");
        var hexId = Convert.ToHexString(id);
        return pdf.ToBytes($"/Encrypt {encrypt} 0 R /ID [<{hexId}> <{hexId}>]");
    }

    private static byte[] Padded(string password)
    {
        var bytes = Encoding.Latin1.GetBytes(password);
        return bytes.Concat(StandardSecurity.Padding.ToArray()).Take(32).ToArray();
    }

    private static byte[] ObjectKey(byte[] fileKey, int objectNumber)
    {
        var input = fileKey.Concat(new[] { (byte)objectNumber, (byte)(objectNumber >> 8), (byte)(objectNumber >> 16), (byte)0, (byte)0 }).ToArray();
        return MD5.HashData(input)[..Math.Min(fileKey.Length + 5, 16)];
    }
}
