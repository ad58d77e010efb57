using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;
using System.Text.Json.Serialization;

namespace SstcFunctions.Core;

/// <summary>
/// PDF stream → brochure and project records. The whole pure pipeline in one call: text (pages that fail are
/// skipped and named), layout, classification, then the brochure-evidence gate, which keeps no projects from a
/// document that does not look like a project brochure.
/// </summary>
public sealed class BrochureExtractor(ExtractionLimits? limits = null, BrochureEvidenceGate? gate = null)
{
    private readonly ExtractionLimits _limits = limits ?? ExtractionLimits.Default;
    private readonly BrochureEvidenceGate _gate = gate ?? BrochureEvidenceGate.Default;
    private static readonly BrochureLayoutReader Layout = new(BrochureVocabulary.Default);
    private const int ParallelFromCards = 128;
    private const int CardsPerRun = 64;

    /// <exception cref="BrochureRejectedException">The file cannot be read; its typed failure says why.</exception>
    public ExtractionResult Extract(Stream pdf, string brochureId, CancellationToken cancellationToken = default)
    {
        var text = PdfTextReader.Read(pdf, _limits, cancellationToken);
        var layout = Layout.Read(text.Pages);
        cancellationToken.ThrowIfCancellationRequested();
        // A card reads in its own language when its words decide it, else in the brochure's.
        var language = BrochureClassifier.Default.Language(layout);
        // Cards are classified independently (the classifier is stateless), a long brochure's on every core.
        var candidates = new ProjectRecord[layout.Cards.Count];
        ParallelRuns.For(candidates.Length, ParallelFromCards, CardsPerRun, (from, to) =>
        {
            for (var i = from; i < to; i++) candidates[i] = ProjectClassifier.Default.Classify(layout.Cards[i], brochureId, i + 1, language);
        }, cancellationToken);
        var assessment = _gate.Assess(BrochureEvidenceGate.Gather(candidates, layout.PageCount));

        var notices = new List<ExtractionNotice>();
        foreach (var skipped in text.SkippedPages) notices.Add(ExtractionNotice.PageSkipped(skipped));
        if (!assessment.IsBrochure) notices.Add(ExtractionNotice.NotABrochure(assessment));

        var calibrated = candidates.Select(c => BrochureEvidenceGate.Calibrate(c, assessment)).ToList();
        var projects = assessment.IsBrochure ? calibrated : [];
        var (brochure, warnings) = BrochureClassifier.Default.Describe(layout, brochureId);
        brochure = brochure with { ProjectCount = projects.Count };
        // Layout and count warnings speak of cards; about a document that is not a brochure only the notices matter.
        IEnumerable<string> said = assessment.IsBrochure ? layout.Warnings.Concat(warnings) : [];
        return new ExtractionResult(brochure, projects, said.Concat(notices.Select(n => n.Message)).Distinct().ToList())
        {
            Notices = notices,
            Assessment = assessment,
            HeldBack = assessment.IsBrochure ? [] : calibrated,
        };
    }
}

/// <summary>What a successful extraction wants a person to know, as data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeCode>))]
public enum NoticeCode
{
    /// <summary>A page could not be parsed and was left out; <see cref="ExtractionNotice.Page"/> names it.</summary>
    PageSkipped,
    /// <summary>The document does not look like a project brochure: no projects were kept.</summary>
    NotABrochure,
}

/// <summary>A typed warning of an extraction that succeeded; <see cref="Message"/> is its sentence for a person.</summary>
public sealed record ExtractionNotice(
    NoticeCode Code,
    int? Page = null,
    ExtractionFailure? Cause = null,
    IReadOnlyList<MissingEvidence>? Missing = null,
    int? CardsHeldBack = null)
{
    public static ExtractionNotice PageSkipped(PageFailure failure) => new(NoticeCode.PageSkipped, failure.Page, failure.Failure);

    public static ExtractionNotice NotABrochure(BrochureAssessment assessment) =>
        new(NoticeCode.NotABrochure, Missing: assessment.Missing, CardsHeldBack: assessment.Evidence.Cards);

    [JsonIgnore]
    public string Message => Code switch
    {
        NoticeCode.PageSkipped => $"Page {Page} could not be read and was skipped ({Cause?.Reason ?? "unknown reason"}).",
        NoticeCode.NotABrochure => CardsHeldBack is 0 or null
            ? "No project cards were found: this does not look like a project brochure, so no projects were kept."
            : $"This does not look like a project brochure ({string.Join("; ", (Missing ?? []).Select(Explain))}), so none of the "
              + $"{CardsHeldBack} text blocks read as cards was kept as a project.",
        _ => Code.ToString(),
    };

    private static string Explain(MissingEvidence missing) => missing switch
    {
        MissingEvidence.NoCards => "no project cards",
        MissingEvidence.TooFewSupportedCards => "no card names a country together with an ILO outcome, region or cooperation modality",
        MissingEvidence.SupportedShareTooLow => "too few cards name a country together with an ILO outcome, region or modality",
        MissingEvidence.CountryShareTooLow => "too few cards name a country",
        MissingEvidence.SignalShareTooLow => "too few cards carry an ILO outcome, region heading or cooperation modality",
        MissingEvidence.SupportedPagesTooFew => "most pages with cards have none that looks like a project",
        _ => missing.ToString(),
    };
}
