using UglyToad.PdfPig.Exceptions;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// Why PdfPig refused to open an encrypted file, decided on the file's own encryption facts
/// (<see cref="EncryptionDictionary"/>) and our own password check (<see cref="StandardSecurity"/>): a password is
/// required only when the standard security handler's check says the empty password (which PdfPig always tries) does
/// not open the file. Every other refusal is an encryption this reader cannot decrypt, with the reason from the facts.
/// </summary>
internal static class EncryptionRefusal
{
    /// <param name="pdf">The bytes PdfPig was given; null when they are not at hand (no facts: the encryption is called unsupported).</param>
    public static BrochureRejectedException Explain(PdfDocumentEncryptedException e, byte[]? pdf)
    {
        // PdfPig wraps what failed while decrypting a string or stream: it had found the password, so none is missing.
        if (e.InnerException is not null) return Rejections.EncryptionUnsupported("a string or stream does not decrypt", e);
        if (pdf is null || EncryptionDictionary.TryRead(pdf) is not { } facts)
        {
            return Rejections.EncryptionUnsupported("its encryption dictionary cannot be read", e);
        }
        if (facts.Filter != "Standard") return Rejections.EncryptionUnsupported(Handler(facts), e);
        return StandardSecurity.EmptyPasswordOpens(facts) switch
        {
            PasswordCheck.DoesNotOpen => Rejections.Encrypted(e),
            PasswordCheck.CannotTell => Rejections.EncryptionUnsupported(
                facts.R is >= 2 and <= 6 ? "a malformed standard security handler" : $"revision {facts.R} of the standard security handler", e),
            _ => Rejections.EncryptionUnsupported(WhyNotOpened(facts), e),
        };
    }

    private static string Handler(EncryptionDictionary facts) =>
        facts.Filter == "Adobe.PubSec" || facts.SubFilter?.StartsWith("adbe.pkcs7", StringComparison.Ordinal) == true
            ? "public-key security"
            : facts.Filter is { } name ? $"the security handler /{name}" : "no security handler named";

    /// <summary>The empty password opens the file, yet PdfPig refused: what in the dictionary it cannot follow.</summary>
    private static string WhyNotOpened(EncryptionDictionary facts)
    {
        if (facts.V is not (4 or 5)) return $"version {facts.V} of the standard security handler";
        return facts.CryptFilters switch
        {
            CryptFilterPlacement.Indirect => "crypt filters stored by reference, which PdfPig cannot read",
            CryptFilterPlacement.Absent => "no crypt filters defined",
            _ when facts.StmF != "Identity" && facts.StreamMethod is null => $"the crypt filter /{facts.StmF} is not defined",
            _ when facts.StreamMethod is not (null or "None" or "V2" or "AESV2" or "AESV3") => $"the crypt method /{facts.StreamMethod}",
            _ => "crypt filters PdfPig cannot read",
        };
    }
}
