namespace SstcFunctions.Core.Pdf;

/// <summary>
/// An extraction that ends without a result, carrying its typed <see cref="ExtractionFailure"/>. Handlers decide on
/// <see cref="Failure"/> (its code and kind); <see cref="Reason"/> is only for people.
/// </summary>
public sealed class BrochureRejectedException(ExtractionFailure failure, Exception? inner = null) : Exception(failure.Reason, inner)
{
    public ExtractionFailure Failure { get; } = failure;

    public RejectionCode Code => Failure.Code;

    public FailureKind Kind => Failure.Kind;

    /// <summary>A sentence a person understands, e.g. "encrypted PDF: a password is required".</summary>
    public string Reason => Failure.Reason;
}
