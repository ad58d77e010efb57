namespace SstcFunctions.Core.Pdf;

/// <summary>
/// A permanent, explainable reason a file cannot become a catalogue (encrypted, no text layer, too large, …).
/// Retrying never helps, so callers record the reason and stop.
/// </summary>
public sealed class BrochureRejectedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>A sentence a person understands, e.g. "encrypted PDF: a password is required".</summary>
    public string Reason { get; } = reason;
}
