using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Pdf;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core;

/// <summary>PDF stream → brochure and project records. The whole pure pipeline in one call.</summary>
public sealed class BrochureExtractor(ExtractionLimits? limits = null)
{
    private readonly ExtractionLimits _limits = limits ?? ExtractionLimits.Default;

    /// <exception cref="BrochureRejectedException">The file cannot be read as a brochure; the reason says why.</exception>
    public ExtractionResult Extract(Stream pdf, string brochureId, CancellationToken cancellationToken = default)
    {
        var pages = PdfTextReader.ReadPages(pdf, _limits, cancellationToken);
        var layout = new BrochureLayoutReader(SstcFunctions.Core.Classification.BrochureVocabulary.Default).Read(pages);
        cancellationToken.ThrowIfCancellationRequested();
        var projects = new List<ProjectRecord>(layout.Cards.Count);
        // A card reads in its own language when its words decide it, else in the brochure's.
        var language = BrochureClassifier.Default.Language(layout);
        for (var i = 0; i < layout.Cards.Count; i++)
        {
            projects.Add(ProjectClassifier.Default.Classify(layout.Cards[i], brochureId, i + 1, language));
        }
        var (brochure, warnings) = BrochureClassifier.Default.Describe(layout, brochureId);
        return new ExtractionResult(brochure, projects, layout.Warnings.Concat(warnings).Distinct().ToList());
    }
}
