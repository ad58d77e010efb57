using System.Diagnostics;
using System.Text;
using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;
using UglyToad.PdfPig.Exceptions;
using static SstcFunctions.Core.Tests.Pdf.EncryptionDictionaryTests;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>
/// Our own password check of the standard security handler, against files encrypted by qpdf (Pdf/Encrypted/README.md),
/// by pdf.js's test suite and by the hostile corpus, and the refusal it decides: password required, or an encryption
/// this reader cannot decrypt.
/// </summary>
public sealed class StandardSecurityTests
{
    /// <summary>qpdf's files with user password "user" and owner password "owner".</summary>
    public static TheoryData<string> WithUserPassword() =>
    [
        "r2-rc4-40-user.pdf", "r3-rc4-128-user.pdf", "r4-aes128-user.pdf", "r4-aes128-user-cleartext-metadata.pdf",
        "r5-aes256-user.pdf", "r6-aes256-user.pdf",
    ];

    /// <summary>qpdf's files with an empty user password and owner password "owner".</summary>
    public static TheoryData<string> WithEmptyUserPassword() =>
        ["r3-rc4-128-empty.pdf", "r4-aes128-empty.pdf", "r6-aes256-empty-xref-stream.pdf"];

    private static EncryptionDictionary Facts(byte[] pdf) => EncryptionDictionary.TryRead(pdf) ?? throw new InvalidOperationException("no encryption facts");

    private static byte[] Password(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [MemberData(nameof(WithUserPassword))]
    public void The_user_and_owner_passwords_are_recognised_and_others_are_not(string name)
    {
        var facts = Facts(File.ReadAllBytes(EncryptedFile(name)));

        Assert.True(StandardSecurity.IsUserPassword(facts, Password("user")), "user password");
        Assert.True(StandardSecurity.IsOwnerPassword(facts, Password("owner")), "owner password");
        Assert.False(StandardSecurity.IsUserPassword(facts, Password("owner")));
        Assert.Equal(PasswordCheck.DoesNotOpen, StandardSecurity.Check(facts, Password("wrong")));
        Assert.Equal(PasswordCheck.DoesNotOpen, StandardSecurity.EmptyPasswordOpens(facts));
    }

    [Theory]
    [MemberData(nameof(WithEmptyUserPassword))]
    public void An_empty_user_password_is_recognised(string name)
    {
        var facts = Facts(File.ReadAllBytes(EncryptedFile(name)));

        Assert.True(StandardSecurity.IsUserPassword(facts, []));
        Assert.True(StandardSecurity.IsOwnerPassword(facts, Password("owner")));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.EmptyPasswordOpens(facts));
    }

    [Fact]
    public void Other_writers_files_check_the_same_way()
    {
        // pdf.js issue 6010: revision 6, user password "abc". Issue 7665: revision 6, no user password.
        var issue6010 = Facts(File.ReadAllBytes(RealWorldFile("pdfjs-issue6010_1.pdf")));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.Check(issue6010, Password("abc")));
        Assert.Equal(PasswordCheck.DoesNotOpen, StandardSecurity.EmptyPasswordOpens(issue6010));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.EmptyPasswordOpens(Facts(File.ReadAllBytes(RealWorldFile("pdfjs-issue7665.pdf")))));
        // The hostile corpus's revision 2 files (RC4 40-bit).
        var locked = Facts(HostilePdfs.UserPasswordEncrypted("secret"));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.Check(locked, Password("secret")));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.Check(locked, Password("owner")));
        Assert.Equal(PasswordCheck.DoesNotOpen, StandardSecurity.EmptyPasswordOpens(locked));
        Assert.Equal(PasswordCheck.Opens, StandardSecurity.EmptyPasswordOpens(Facts(HostilePdfs.OwnerPasswordOnly())));
    }

    [Theory]
    [InlineData("<< /Filter /Standard /V 5 /R 7 /O <00> /U <00> >>")]
    [InlineData("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >>")]
    [InlineData("<< /Filter /Adobe.PubSec /V 4 /R 4 >>")]
    public void No_check_is_made_when_none_is_possible(string dictionary)
    {
        Assert.Equal(PasswordCheck.CannotTell, StandardSecurity.EmptyPasswordOpens(EncryptionDictionary.Parse(dictionary)!));
    }

    [Theory]
    [MemberData(nameof(WithUserPassword))]
    public void A_file_that_needs_a_password_is_refused_as_password_required(string name)
    {
        Assert.Equal(RejectionCode.PasswordRequired, Open(File.ReadAllBytes(EncryptedFile(name))).Code);
    }

    [Theory]
    [MemberData(nameof(WithEmptyUserPassword))]
    public void A_file_with_an_empty_user_password_opens_and_its_text_is_read(string name)
    {
        var outcome = Open(File.ReadAllBytes(EncryptedFile(name)));

        Assert.Null(outcome.Failure);
        Assert.Contains("Encrypted brochure text", outcome.Text);
    }

    [Fact]
    public void The_decision_is_made_on_the_file_whatever_the_exception_says()
    {
        var locked = HostilePdfs.UserPasswordEncrypted();
        var open = HostilePdfs.OwnerPasswordOnly();
        var misleading = new PdfDocumentEncryptedException("The document was encrypted and none of the provided passwords were the user or owner password.");

        Assert.Equal(RejectionCode.PasswordRequired, PdfOpening.Explain(new PdfDocumentEncryptedException("anything"), null, locked).Failure.Code);
        var unsupported = PdfOpening.Explain(misleading, null, open).Failure;
        Assert.Equal(RejectionCode.EncryptionUnsupported, unsupported.Code);
        Assert.Equal("version 1 of the standard security handler", unsupported.Detail);
        Assert.Equal(RejectionCode.EncryptionUnsupported, PdfOpening.Explain(misleading).Failure.Code); // no bytes, no facts
    }

    [Theory]
    [InlineData("/Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /R 4", "public-key security")]
    [InlineData("/Filter /Custom.Handler /V 2", "the security handler /Custom.Handler")]
    [InlineData("/Filter /Standard /V 5 /R 7 /O <00> /U <00>", "revision 7 of the standard security handler")]
    [InlineData("/Filter /Standard /V 2 /R 3 /O <00> /U <00>", "a malformed standard security handler")]
    public void An_unsupported_encryption_says_what_it_is(string entries, string reason)
    {
        var pdf = new MinimalPdf.Writer();
        pdf.Set(2, "<< /Type /Pages /Kids [] /Count 0 >>");
        pdf.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");
        var encrypt = pdf.Add($"<< {entries} >>");

        var failure = PdfOpening.Explain(new PdfDocumentEncryptedException("a password is needed"), null, pdf.ToBytes($"/Encrypt {encrypt} 0 R")).Failure;

        Assert.Equal((RejectionCode.EncryptionUnsupported, reason), (failure.Code, failure.Detail));
    }

    [Fact]
    public void A_file_the_empty_password_opens_but_PdfPig_cannot_is_called_unsupported_with_the_reason()
    {
        var failure = Open(File.ReadAllBytes(RealWorldFile("pdfjs-issue7665.pdf"))).Failure;

        Assert.Equal(RejectionCode.EncryptionUnsupported, failure?.Code);
        Assert.Equal("crypt filters stored by reference, which PdfPig cannot read", failure?.Detail);
    }

    private sealed record Outcome(ExtractionFailure? Failure, string Text)
    {
        public RejectionCode? Code => Failure?.Code;
    }

    private static Outcome Open(byte[] pdf)
    {
        try
        {
            using var document = PdfOpening.Open(new MemoryStream(pdf), ExtractionLimits.Default);
            return new(null, string.Concat(PdfOpening.Pages(document, ExtractionLimits.Default, Stopwatch.StartNew()).Select(p => p.Text)));
        }
        catch (BrochureRejectedException rejected)
        {
            return new(rejected.Failure, "");
        }
    }
}
