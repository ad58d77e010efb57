using System.Text;
using SstcFunctions.Core;

namespace SstcFunctions.Cli.Tests;

/// <summary>
/// The serving worker warms its runtime on <see cref="WarmUpBrochure"/>; that only warms the code real brochures run if
/// the synthetic one is read as a brochure all the way through (cards, countries, outcomes, three languages).
/// </summary>
public sealed class WarmUpBrochureTests
{
    [Fact]
    public void Every_card_of_the_warm_up_brochure_is_read_with_its_country_outcome_and_language()
    {
        var pdf = WarmUpBrochure.Build(pages: 6);

        var result = new BrochureExtractor().Extract(new MemoryStream(pdf), "warm-up");

        Assert.True(result.Assessment?.IsBrochure);
        Assert.Equal(6 * 8, result.Projects.Count);
        Assert.Empty(result.Warnings);
        Assert.All(result.Projects, project =>
        {
            Assert.NotEmpty(project.Countries);
            Assert.NotEmpty(project.Outcomes);
            Assert.NotNull(project.Region);
        });
        Assert.Equal(["en", "es", "fr"], result.Projects.Select(p => p.Language).Distinct().Order().ToArray());
        // Each way of writing text is on some page, and each is read: accented titles come through whole.
        Assert.Contains(result.Projects, p => p.Page % 3 == 2 && p.Title == "COOPÉRATION POUR LA SÉCURITÉ ET SANTÉ AU TRAVAIL DANS LES MINES");
        Assert.Contains(result.Projects, p => p.Page % 3 == 0 && p.Title == "ÉLIMINATION DU TRAVAIL DES ENFANTS DANS L'AGRICULTURE");
    }

    [Fact]
    public void Pages_use_both_stream_encodings()
    {
        var text = Encoding.Latin1.GetString(WarmUpBrochure.Build(pages: 2));

        Assert.Contains("/Filter /FlateDecode", text);
        Assert.Contains("/Filter [/ASCII85Decode /FlateDecode]", text);
    }
}
