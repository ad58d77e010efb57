using System.Text;
using SstcFunctions.Core.Pdf;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>Reading a file's encryption facts from its own bytes: PDF strings, trailers, cross-reference streams.</summary>
public sealed class EncryptionDictionaryTests
{
    internal static string EncryptedFile(string name) => Path.Combine(SharedFixtures.RepositoryRoot, "tests", "SstcFunctions.Core.Tests", "Pdf", "Encrypted", name);

    internal static string RealWorldFile(string name) => Path.Combine(RealWorldPdfs.Directory, name);

    [Theory]
    [InlineData(@"(plain)", "plain")]
    [InlineData(@"(a (balanced (pair)) here)", "a (balanced (pair)) here")]
    [InlineData(@"(\(unbalanced\) \\ back)", @"(unbalanced) \ back")]
    [InlineData(@"(\n\r\t\b\f)", "\n\r\t\b\f")]
    [InlineData(@"(\101\60\0053)", "A0\u00053")] // three octal digits at most: \005 then a plain 3
    [InlineData(@"(\q ignored backslash)", "q ignored backslash")]
    [InlineData("(joined \\\r\nline)", "joined line")] // a backslash before an end of line continues the line
    [InlineData("(two\r\nlines)", "two\nlines")] // an end of line in the string reads as a line feed
    [InlineData("<48 65 6c6C6F>", "Hello")]
    [InlineData("<414>", "A@")] // a missing last digit is 0
    public void Strings_read_as_the_bytes_they_stand_for(string syntax, string expected)
    {
        var value = PdfSyntax.ReadValue(Encoding.Latin1.GetBytes(syntax), 0);

        Assert.Equal(Encoding.Latin1.GetBytes(expected), Assert.IsType<PdfString>(value).Bytes);
    }

    [Theory]
    [InlineData("(never closed")]
    [InlineData("<4G>")]
    [InlineData("<< /Key >>")]
    [InlineData("[1 2")]
    public void Malformed_syntax_reads_as_nothing(string syntax)
    {
        Assert.Null(PdfSyntax.ReadValue(Encoding.Latin1.GetBytes(syntax), 0));
    }

    [Fact]
    public void References_numbers_names_and_nesting_read_as_such()
    {
        var value = PdfSyntax.ReadValue("<</A 12 0 R/B[-4 2.5 true null]/C#20D<</E/F>>%comment\n/G 4294967292>>"u8.ToArray(), 0);

        var dictionary = Assert.IsType<PdfDictionary>(value);
        Assert.Equal(new PdfReference(12, 0), dictionary["A"]);
        Assert.Equal([new PdfNumber(-4), new PdfNumber(2.5), new PdfBoolean(true), new PdfNull()], Assert.IsType<PdfArray>(dictionary["B"]).Items);
        Assert.Equal(new PdfName("F"), Assert.IsType<PdfDictionary>(dictionary["C D"])["E"]);
        Assert.Equal(new PdfNumber(4294967292), dictionary["G"]);
    }

    [Theory]
    [InlineData("<< /P -4 >>", -4)]
    [InlineData("<< /P 4294967292 >>", -4)] // written unsigned: the same 32 bits
    [InlineData("<< /P 99999999999 >>", 0)] // not 32 bits: no permissions
    public void Permissions_are_the_32_bits_written(string dictionary, int expected)
    {
        Assert.Equal(expected, EncryptionDictionary.Parse(dictionary)!.P);
    }

    [Fact]
    public void An_indirect_dictionary_in_a_classic_trailer_is_read()
    {
        var pdf = HostilePdfs.UserPasswordEncrypted();

        var facts = EncryptionDictionary.TryRead(pdf);

        Assert.NotNull(facts);
        Assert.Equal(("Standard", 1, 2, 40, -44), (facts.Filter, facts.V, facts.R, facts.Length, facts.P));
        Assert.Equal((32, 32, 16), (facts.O.Length, facts.U.Length, facts.FirstId.Length));
        Assert.Equal(CryptFilterPlacement.Absent, facts.CryptFilters);
        var key = Assert.Single(facts.EncryptKeyOffsets);
        Assert.True(pdf.AsSpan(key).StartsWith("/Encrypt "u8));
    }

    [Fact]
    public void An_inline_dictionary_with_binary_literal_strings_is_read()
    {
        // pdf.js issue 6010: /Encrypt << … /O (…) /U (…) >> written inline, its strings raw bytes with escapes.
        var facts = EncryptionDictionary.TryRead(File.ReadAllBytes(RealWorldFile("pdfjs-issue6010_1.pdf")));

        Assert.NotNull(facts);
        Assert.Equal(("Standard", 5, 6, 256), (facts.Filter, facts.V, facts.R, facts.Length));
        Assert.Equal((48, 48), (facts.O.Length, facts.U.Length));
        Assert.Equal((CryptFilterPlacement.Direct, "StdCF", "AESV3"), (facts.CryptFilters, facts.StmF, facts.StreamMethod));
        Assert.NotEmpty(facts.FirstId);
    }

    [Fact]
    public void Crypt_filters_stored_by_reference_are_told_apart_and_still_read()
    {
        // pdf.js issue 7665: /CF 7 0 R.
        var facts = EncryptionDictionary.TryRead(File.ReadAllBytes(RealWorldFile("pdfjs-issue7665.pdf")));

        Assert.NotNull(facts);
        Assert.Equal((CryptFilterPlacement.Indirect, "StdCF", "AESV3"), (facts.CryptFilters, facts.StmF, facts.StreamMethod));
        Assert.Equal(Convert.FromHexString("fcdd3f0fb7b19085b61fd8b0dc096975"), facts.FirstId);
    }

    [Fact]
    public void A_cross_reference_stream_holds_the_trailer_entries()
    {
        var pdf = File.ReadAllBytes(EncryptedFile("r6-aes256-empty-xref-stream.pdf"));
        Assert.True(pdf.AsSpan().IndexOf("trailer"u8) < 0, "the file has a classic trailer: the test would not test cross-reference streams");

        var facts = EncryptionDictionary.TryRead(pdf);

        Assert.NotNull(facts);
        Assert.Equal((6, 48, 16), (facts.R, facts.U.Length, facts.FirstId.Length));
    }

    [Fact]
    public void The_newest_trailer_wins_and_every_encrypt_key_is_found()
    {
        // An incremental update whose trailer points at another encryption dictionary.
        var original = HostilePdfs.UserPasswordEncrypted();
        var update = "\n99 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >>\nendobj\n"
            + "trailer\n<< /Size 100 /Root 1 0 R /Encrypt 99 0 R /ID [(\\001\\002) <03>] /Prev 0 >>\nstartxref\n0\n%%EOF\n";
        var pdf = original.Concat(Encoding.ASCII.GetBytes(update)).ToArray();

        var facts = EncryptionDictionary.TryRead(pdf);

        Assert.NotNull(facts);
        Assert.Equal((3, 128), (facts.R, facts.Length));
        Assert.Equal(new byte[] { 1, 2 }, facts.FirstId);
        Assert.Equal(2, facts.EncryptKeyOffsets.Count);
    }

    [Fact]
    public void No_readable_encrypt_entry_means_no_facts()
    {
        var dangling = new MinimalPdf.Writer();
        dangling.Set(2, "<< /Type /Pages /Kids [] /Count 0 >>");
        dangling.Set(1, "<< /Type /Catalog /Pages 2 0 R >>");

        Assert.Null(EncryptionDictionary.TryRead(HostilePdfs.TextPdf()));
        Assert.Null(EncryptionDictionary.TryRead(dangling.ToBytes("/Encrypt 77 0 R")));
    }

    [Fact]
    public void Keywords_repeated_through_a_file_are_read_a_bounded_number_of_times()
    {
        // Read every time from each occurrence to the end of the file, these would cost the square of the file's size
        // (about 10^11 steps): each "trailer" opens a string that never closes, each "1" is followed by a comment that runs to the end.
        var unclosed = Encoding.ASCII.GetBytes("/Encrypt 1 0 R\n" + string.Concat(Enumerable.Repeat("trailer<</Encrypt(", 200_000)));
        var digits = Encoding.ASCII.GetBytes("trailer<</Encrypt 1 0 R>>\n%" + string.Concat(Enumerable.Repeat(" 1 %", 500_000)));

        Assert.Null(EncryptionDictionary.TryRead(unclosed));
        Assert.Null(EncryptionDictionary.TryRead(digits));
    }
}
