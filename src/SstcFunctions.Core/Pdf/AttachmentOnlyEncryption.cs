namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Encryption that covers only embedded files (PDF 2.0 §7.6.5: <c>/StmF</c> and <c>/StrF</c> are <c>/Identity</c>, often
/// with <c>/AuthEvent /EFOpen</c>): the pages' streams and strings are stored in the clear and a reader needs no password
/// to show them, but PdfPig insists on a password for the whole document. Such a file is handed to PdfPig with its
/// trailers' <c>/Encrypt</c> keys renamed (same length, so every offset stays valid): the page text is then read as it is
/// stored, and the attachments, which the extractor never reads, stay locked.
/// </summary>
internal static class AttachmentOnlyEncryption
{
    /// <summary>A copy of the file that opens without the attachments' password, or null when the file is not of this kind.</summary>
    public static byte[]? Unlocked(byte[] bytes)
    {
        if (EncryptionDictionary.TryRead(bytes) is not { } encryption || !CoversOnlyAttachments(encryption)) return null;
        var copy = (byte[])bytes.Clone();
        foreach (var key in encryption.EncryptKeyOffsets) copy[key + "/Encryp".Length] = (byte)'x'; // "/Encrypx"
        return copy;
    }

    /// <summary>A standard security handler of version 4 or 5 whose stream and string filters are both the identity.</summary>
    internal static bool CoversOnlyAttachments(EncryptionDictionary encryption) =>
        encryption is { Filter: "Standard", V: 4 or 5, StmF: "Identity", StrF: "Identity" }; // absent means /Identity (ISO 32000-2, table 20)
}
