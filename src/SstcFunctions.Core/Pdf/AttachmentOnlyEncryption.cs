using System.Text;
using System.Text.RegularExpressions;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Encryption that covers only embedded files (PDF 2.0 §7.6.5: <c>/StmF</c> and <c>/StrF</c> are <c>/Identity</c>, often
/// with <c>/AuthEvent /EFOpen</c>): the pages' streams and strings are stored in the clear and a reader needs no password
/// to show them, but PdfPig insists on a password for the whole document. Such a file is handed to PdfPig with its
/// trailer's <c>/Encrypt</c> key renamed (same length, so every offset stays valid): the page text is then read as it is
/// stored, and the attachments, which the extractor never reads, stay locked.
/// </summary>
internal static partial class AttachmentOnlyEncryption
{
    /// <summary>A copy of the file that opens without the attachments' password, or null when the file is not of this kind.</summary>
    public static byte[]? Unlocked(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.IndexOf("/Encrypt"u8) < 0) return null;
        // Latin-1 keeps one char per byte, so indexes found in the text are byte offsets.
        var text = Encoding.Latin1.GetString(bytes);
        var references = EncryptReference().Matches(text);
        if (references.Count == 0) return null;
        foreach (Match reference in references)
        {
            var dictionary = ObjectText(text, reference.Groups["n"].Value, reference.Groups["g"].Value);
            if (dictionary is null || !CoversOnlyAttachments(dictionary)) return null;
        }
        var copy = (byte[])bytes.Clone();
        foreach (Match reference in references) copy[reference.Index + "/Encryp".Length] = (byte)'x'; // "/Encrypx"
        return copy;
    }

    private static string? ObjectText(string text, string number, string generation)
    {
        var start = new Regex($@"(?<![0-9]){number}\s+{generation}\s+obj\b").Match(text);
        if (!start.Success) return null; // In an object stream: not readable here, so not unlocked.
        var end = text.IndexOf("endobj", start.Index, StringComparison.Ordinal);
        return end < 0 ? null : text[start.Index..end];
    }

    /// <summary>A standard security handler of version 4 or 5 whose stream and string filters are both the identity.</summary>
    internal static bool CoversOnlyAttachments(string dictionary)
    {
        if (!StandardFilter().IsMatch(dictionary)) return false;
        var version = Version().Match(dictionary);
        if (!version.Success || version.Groups["v"].Value is not ("4" or "5")) return false;
        // Absent means /Identity (ISO 32000-2, table 20).
        return IsIdentityOrAbsent(dictionary, "StmF") && IsIdentityOrAbsent(dictionary, "StrF");
    }

    private static bool IsIdentityOrAbsent(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, $@"/{key}\s*/(?<name>[A-Za-z0-9#]+)");
        return !match.Success || match.Groups["name"].Value == "Identity";
    }

    [GeneratedRegex(@"/Encrypt\s+(?<n>\d+)\s+(?<g>\d+)\s+R")]
    private static partial Regex EncryptReference();

    [GeneratedRegex(@"/Filter\s*/Standard\b")]
    private static partial Regex StandardFilter();

    [GeneratedRegex(@"/V\s+(?<v>\d+)")]
    private static partial Regex Version();
}
