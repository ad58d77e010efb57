using System.Text.Json;
using System.Text.Json.Serialization;

namespace SstcFunctions.Core.Pdf;

/// <summary>
/// What a failure means for whoever handles it. Callers decide on this (retry, retire a worker, exit code), never on
/// the sentence a person reads.
/// </summary>
[JsonConverter(typeof(FailureKindJsonConverter))]
public enum FailureKind
{
    /// <summary>The file itself is not readable as a brochure; retrying never helps.</summary>
    Rejected,
    /// <summary>The file needs more than a limit allows (time, memory, size, pages); permanent at these limits.</summary>
    LimitExceeded,
    /// <summary>The parser died on the file (stack overflow, runtime abort); permanent for this file.</summary>
    Crashed,
    /// <summary>Nothing wrong with the file: the environment failed (the file could not be read); may be retried.</summary>
    Transient,
}

/// <summary>The closed set of reasons an extraction ends without a result. Printed by the CLI as <c>[code]</c>.</summary>
[JsonConverter(typeof(RejectionCodeJsonConverter))]
public enum RejectionCode
{
    EmptyFile,
    NotPdf,
    Truncated,
    NoPages,
    /// <summary>A password is really needed: the empty user password does not open it.</summary>
    PasswordRequired,
    /// <summary>Encrypted with a method the reader cannot decrypt (public-key security, an unknown crypt filter, …).</summary>
    EncryptionUnsupported,
    /// <summary>Pages carry images and no text: a scan.</summary>
    NoTextLayer,
    /// <summary>Pages were read but none carries any text or image (blank, or only vector drawing).</summary>
    NoText,
    Damaged,
    NestedTooDeeply,
    TooLarge,
    TooManyPages,
    TimedOut,
    OutOfMemory,
    DecompressionBomb,
    Crashed,
    /// <summary>The file could not be read from disk (transient).</summary>
    Unreadable,
}

/// <summary>
/// One failure as data: the code decides, the optional figures and detail only fill in the sentence that
/// <see cref="Reason"/> renders for a person. Serialised as is between the sandbox and its worker.
/// </summary>
public sealed record ExtractionFailure(RejectionCode Code, string? Detail = null, long? Value = null, long? Limit = null)
{
    [JsonIgnore]
    public FailureKind Kind => KindOf(Code);

    /// <summary>The code as printed ("password-required"), the same string as in JSON.</summary>
    [JsonIgnore]
    public string CodeName => NameOf(Code);

    /// <summary>The sentence a person reads, rendered from the code and figures.</summary>
    [JsonIgnore]
    public string Reason => Rejections.Describe(this);

    public static FailureKind KindOf(RejectionCode code) => code switch
    {
        RejectionCode.TooLarge or RejectionCode.TooManyPages or RejectionCode.TimedOut or RejectionCode.OutOfMemory
            or RejectionCode.DecompressionBomb => FailureKind.LimitExceeded,
        RejectionCode.Crashed => FailureKind.Crashed,
        RejectionCode.Unreadable => FailureKind.Transient,
        _ => FailureKind.Rejected,
    };

    public static string NameOf(RejectionCode code) => JsonNamingPolicy.KebabCaseLower.ConvertName(code.ToString());

    public override string ToString() => $"{Reason} [{CodeName}]";
}

internal sealed class RejectionCodeJsonConverter() : JsonStringEnumConverter<RejectionCode>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

internal sealed class FailureKindJsonConverter() : JsonStringEnumConverter<FailureKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
