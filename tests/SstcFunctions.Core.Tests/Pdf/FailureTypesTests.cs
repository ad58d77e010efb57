using System.Text.Json;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Pdf;

/// <summary>Failures as types: the closed set, its kinds, its wire form, and the worker protocol both sides share.</summary>
public sealed class FailureTypesTests
{
    [Theory]
    [InlineData(RejectionCode.PasswordRequired, FailureKind.Rejected, "password-required")]
    [InlineData(RejectionCode.EncryptionUnsupported, FailureKind.Rejected, "encryption-unsupported")]
    [InlineData(RejectionCode.NoTextLayer, FailureKind.Rejected, "no-text-layer")]
    [InlineData(RejectionCode.OutOfMemory, FailureKind.LimitExceeded, "out-of-memory")]
    [InlineData(RejectionCode.TimedOut, FailureKind.LimitExceeded, "timed-out")]
    [InlineData(RejectionCode.DecompressionBomb, FailureKind.LimitExceeded, "decompression-bomb")]
    [InlineData(RejectionCode.Crashed, FailureKind.Crashed, "crashed")]
    [InlineData(RejectionCode.Unreadable, FailureKind.Transient, "unreadable")]
    public void Each_code_has_its_kind_and_printed_name(RejectionCode code, FailureKind kind, string name)
    {
        var failure = new ExtractionFailure(code);

        Assert.Equal((kind, name), (failure.Kind, failure.CodeName));
        Assert.EndsWith($"[{name}]", failure.ToString());
    }

    [Fact]
    public void Every_code_renders_a_sentence_of_its_own()
    {
        var sentences = Enum.GetValues<RejectionCode>().Select(c => Rejections.Describe(new ExtractionFailure(c, "x", 2, 1))).ToList();

        Assert.Equal(sentences.Count, sentences.Distinct().Count());
        Assert.DoesNotContain(sentences, s => Enum.GetNames<RejectionCode>().Contains(s));
    }

    [Fact]
    public void A_failure_crosses_the_wire_by_code_and_figures_not_by_its_sentence()
    {
        var failure = Rejections.TooManyPages(5000, 1000).Failure;

        var json = JsonSerializer.Serialize(failure, RecordJson.Options);
        var back = JsonSerializer.Deserialize<ExtractionFailure>(json, RecordJson.Options);

        Assert.Contains("\"code\":\"too-many-pages\"", json);
        Assert.DoesNotContain("reason", json);
        Assert.Equal(failure, back);
        Assert.Equal("too many pages: 5000 > 1000", back!.Reason);
    }

    [Fact]
    public void Worker_requests_round_trip_and_another_protocol_version_is_refused()
    {
        var request = WorkerProtocol.ReadRequest(WorkerProtocol.Write(new WorkerRequest(WorkerProtocol.Version, ["--id", "b", "f.pdf"])));
        Assert.Equal(["--id", "b", "f.pdf"], request!.Arguments);
        Assert.Null(WorkerProtocol.ReadRequest(WorkerProtocol.Write(new WorkerRequest(99, ["f.pdf"]))));
        Assert.Null(WorkerProtocol.ReadRequest("[\"--id\",\"b\",\"f.pdf\"]")); // the unversioned request of before
    }

    [Theory]
    [InlineData("<< /V 5 /R 6 /Filter /Standard /CF << /StdCF << /AuthEvent /EFOpen /CFM /AESV3 >> >> /StmF /Identity /StrF /Identity >>", true)]
    [InlineData("<< /V 4 /R 4 /Filter /Standard /CF << /StdCF << /CFM /AESV2 >> >> /EFF /StdCF >>", true)] // absent = Identity
    [InlineData("<< /V 4 /R 4 /Filter /Standard /CF << /StdCF << /CFM /AESV2 >> >> /StmF /StdCF /StrF /StdCF >>", false)]
    [InlineData("<< /V 2 /R 3 /Filter /Standard /Length 128 >>", false)]
    [InlineData("<< /V 5 /Filter /Adobe.PubSec /StmF /Identity /StrF /Identity >>", false)]
    public void Only_encryption_of_attachments_alone_is_unlocked(string dictionary, bool attachmentsOnly)
    {
        Assert.Equal(attachmentsOnly, AttachmentOnlyEncryption.CoversOnlyAttachments(EncryptionDictionary.Parse(dictionary)!));
    }
}
