using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Classification;

/// <summary>ILO Programme and Budget policy outcomes (data: Data/outcomes.json).</summary>
public sealed class OutcomeCatalog
{
    public static OutcomeCatalog Default { get; } = new();

    /// <summary>True when the text starts like an outcome line ("Outcome 5: …", "Policy outcome A –", "OUTCOME 3").</summary>
    public bool IsOutcomeLine(string text) => throw new NotImplementedException();

    /// <summary>Every outcome named in the text, canonical titles, in order, without duplicates.</summary>
    public IReadOnlyList<PolicyOutcome> Parse(string text) => throw new NotImplementedException();

    public IReadOnlyList<PolicyOutcome> All => throw new NotImplementedException();
}
