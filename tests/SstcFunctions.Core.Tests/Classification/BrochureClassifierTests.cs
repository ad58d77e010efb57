using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Classification;

public class BrochureClassifierTests
{
    private static BrochureLayout Layout(int cards, params string[] frontMatter) => new(
        9,
        Enumerable.Range(1, cards).Select(i => new ProjectCard
        {
            Page = 2,
            Title = $"Card {i}",
            Description = "Text.",
            Bounds = new CardBounds(0, 0, 1, 1),
        }).ToList(),
        frontMatter,
        []);

    [Theory]
    [InlineData("for the 2020-2021 biennium", "2020-2021")]
    [InlineData("SSTC projects 2022–23", "2022-2023")]
    [InlineData("Programme 2024/25 of the ILO", "2024-2025")]
    [InlineData("Founded in 2015-2019, the unit plans the 2020–2021 biennium", "2020-2021")]
    [InlineData("Between 2015-2019 and 2021", null)]
    [InlineData("Report 2019-2020. Projects of the biennium 2022-23", "2022-2023")]
    [InlineData("No years here", null)]
    public void Biennium_is_two_consecutive_years(string text, string? biennium)
    {
        Assert.Equal(biennium, BrochureClassifier.Biennium(text));
    }

    [Theory]
    [InlineData("The ILO is launching 23  South-South and Triangular Cooperation projects across the regions", 23)]
    [InlineData("This brochure presents 14 projects.", 14)]
    [InlineData("In 2021 projects were launched.", null)]
    [InlineData("Twelve projects in Asia.", 12)]
    [InlineData("The ILO supports twenty-three new South-South projects", 23)]
    [InlineData("Projects: see page 3. Activities and projects", null)]
    public void Stated_project_count_comes_from_the_text(string text, int? count)
    {
        Assert.Equal(count, BrochureClassifier.StatedProjectCount(text));
    }

    [Theory]
    [InlineData("The SSTC projects cover  75 countries and additional global activities.", 75)]
    [InlineData("Partners in more than 40 developing countries", 40)]
    [InlineData("countries of the South", null)]
    [InlineData("partners in forty two countries", 42)]
    [InlineData("one of the countries", null)]
    public void Stated_country_count_comes_from_the_text(string text, int? count)
    {
        Assert.Equal(count, BrochureClassifier.StatedCountryCount(text));
    }

    [Theory]
    [InlineData("ILO SOUTH-SOUTH AND\nTRIANGULAR COOPERATION\nThe ILO is launching projects.", "ILO South-South and Triangular Cooperation")]
    [InlineData("South-South Cooperation in Action\nThe ILO presents its projects for the biennium.", "South-South Cooperation in Action")]
    [InlineData("SSTC PROJECTS FOR THE SDGS", "SSTC Projects for the SDGs")]
    [InlineData("South-South and Triangular Cooperation\nField Notes 2024-2025\nThis edition presents 13 projects.", "South-South and Triangular Cooperation Field Notes 2024-2025")]
    [InlineData("ILO SSTC Portfolio 2022-23 biennium\nPartners are launching 14 new projects covering 38 countries.", "ILO SSTC Portfolio 2022-23 biennium")]
    [InlineData("The ILO through its partnership department is launching many projects across the five regions for the biennium and beyond.", null)]
    public void Title_is_the_first_short_lines_with_case_restored(string cover, string? title)
    {
        Assert.Equal(title, BrochureClassifier.Title([cover]));
    }

    [Fact]
    public void A_contents_page_is_not_the_title()
    {
        Assert.Null(BrochureClassifier.Title(["Contents\nAfrica ........ 3\nArab States ........ 4"]));
        Assert.Equal("Field Notes", BrochureClassifier.Title(["Table of contents\nAfrica 3", "FIELD NOTES\nThis edition presents projects."]));
    }

    [Fact]
    public void A_stated_count_that_differs_from_the_cards_found_is_a_warning()
    {
        var (brochure, warnings) = BrochureClassifier.Default.Describe(
            Layout(2, "COOPERATION\nThe ILO is launching 3 projects in 5 countries for the 2022-2023 biennium."), "b");

        Assert.Equal(new BrochureRecord
        {
            Id = "b", Title = "Cooperation", Biennium = "2022-2023", StatedProjectCount = 3, StatedCountryCount = 5,
            PageCount = 9, ProjectCount = 2,
        }, brochure);
        Assert.Contains("3", Assert.Single(warnings));
    }

    [Fact]
    public void Matching_counts_and_empty_front_matter_give_no_warning()
    {
        Assert.Empty(BrochureClassifier.Default.Describe(Layout(3, "The ILO is launching 3 projects."), "b").Warnings);
        var (brochure, warnings) = BrochureClassifier.Default.Describe(Layout(0), "b");
        Assert.Empty(warnings);
        Assert.Null(brochure.Title);
        Assert.Null(brochure.Biennium);
        Assert.Null(brochure.StatedProjectCount);
    }

    [Theory]
    [InlineData("La OIT puso en marcha 21 proyectos de Cooperación Sur-Sur y Triangular en 75 países durante el bienio 2020-2021.", 21, 75, "2020-2021")]
    [InlineData("L'OIT a lancé 21 projets de coopération Sud-Sud et triangulaire dans 75 pays au cours de la période biennale 2022-2023.", 21, 75, "2022-2023")]
    public void Spanish_and_french_front_matter_states_counts_and_biennium(string text, int projects, int countries, string biennium)
    {
        Assert.Equal(projects, BrochureClassifier.StatedProjectCount(text));
        Assert.Equal(countries, BrochureClassifier.StatedCountryCount(text));
        Assert.Equal(biennium, BrochureClassifier.Biennium(text));
    }
}
