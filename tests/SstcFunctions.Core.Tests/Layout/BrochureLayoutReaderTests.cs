using SstcFunctions.Core.Layout;
using static SstcFunctions.Core.Tests.Layout.PageSketch;

namespace SstcFunctions.Core.Tests.Layout;

public class BrochureLayoutReaderTests
{
    private static BrochureLayout Read(params PageSketch[] pages) => new BrochureLayoutReader(SstcFunctions.Core.Classification.BrochureVocabulary.Default).Read(pages.Select(p => p.Build()).ToList());

    [Fact]
    public void Outcome_badge_above_title_belongs_to_that_card()
    {
        var page = new PageSketch(1);
        page.Line("AFRICA", 40, 30, Region);
        var bottom = page.Card(40, 80, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"), badge: "Outcome 5: Skills and lifelong learning");
        page.Card(40, bottom + 30, ["Green jobs for youth"], Describe("Ghana and Togo"), badge: "Outcome 3: Economic, social and environmental transitions");

        var cards = Read(page).Cards;

        Assert.Equal(2, cards.Count);
        Assert.Equal(["Outcome 5: Skills and lifelong learning"], cards[0].OutcomeLines);
        Assert.Equal(["Outcome 3: Economic, social and environmental transitions"], cards[1].OutcomeLines);
    }

    [Fact]
    public void Outcome_line_below_the_description_belongs_to_the_card_above()
    {
        var page = new PageSketch(1);
        page.Line("AFRICA", 40, 30, Region);
        var bottom = page.Card(40, 80, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"), outcomeBelow: "Outcome 5: Skills and lifelong learning");
        page.Card(40, bottom + 14, ["Green jobs for youth"], Describe("Ghana and Togo"), outcomeBelow: "Outcome 3: Economic, social and environmental transitions");

        var cards = Read(page).Cards;

        Assert.Equal(["Outcome 5: Skills and lifelong learning"], cards[0].OutcomeLines);
        Assert.Equal(["Outcome 3: Economic, social and environmental transitions"], cards[1].OutcomeLines);
    }

    [Fact]
    public void Small_labels_above_a_title_are_tags_not_title_text()
    {
        var page = new PageSketch(1);
        var bottom = page.Card(40, 80, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"), tags: "Triangular · Study tour");
        page.Card(40, bottom + 30, ["Global dialogue on the care economy"], Describe("Chile and Rwanda"), tags: "Interregional · Policy dialogue");

        var cards = Read(page).Cards;

        Assert.Equal("Skills exchange in East Africa", cards[0].Title);
        Assert.Equal(["Triangular", "Study tour"], cards[0].Tags);
        // A label that names a region is still a label when it is set smaller than the title it sits on.
        Assert.Equal(["Interregional", "Policy dialogue"], cards[1].Tags);
        Assert.Null(cards[1].RegionHeading);
    }

    [Fact]
    public void A_title_wrapping_over_three_lines_is_one_title()
    {
        var page = new PageSketch(1);
        var bottom = page.Card(40, 80, ["Strengthening labour migration", "governance between Southern African", "Development Community member states"], Describe("Lesotho and Malawi"));
        page.Card(40, bottom + 30, ["Green jobs for youth"], Describe("Ghana and Togo"));

        var cards = Read(page).Cards;

        Assert.Equal("Strengthening labour migration governance between Southern African Development Community member states", cards[0].Title);
        Assert.StartsWith("Constituents from Lesotho and Malawi", cards[0].Description);
    }

    [Fact]
    public void A_region_continued_on_the_next_page_keeps_its_region()
    {
        var first = new PageSketch(1);
        first.Line("ASIA AND THE PACIFIC", 40, 30, Region);
        first.Card(40, 80, ["Mekong exchange on child labour"], Describe("Cambodia and Viet Nam"));
        var second = new PageSketch(2);
        second.Line("ASIA AND THE PACIFIC (continued)", 40, 30, Region);
        second.Card(40, 80, ["Pacific islands cooperation"], Describe("Fiji and Samoa"));
        var third = new PageSketch(3);
        third.Card(40, 80, ["South Asia platform workers"], Describe("India and Nepal"));

        var cards = Read(first, second, third).Cards;

        Assert.Equal(["ASIA AND THE PACIFIC", "ASIA AND THE PACIFIC (continued)", "ASIA AND THE PACIFIC (continued)"], cards.Select(c => c.RegionHeading));
    }

    [Fact]
    public void Two_region_bands_on_one_page_split_it_into_sections_read_top_to_bottom()
    {
        var page = new PageSketch(1, width: 842, height: 595);
        page.Line("AFRICA", 30, 20, Region);
        page.Card(30, 60, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Card(430, 60, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"));
        page.Line("ARAB STATES", 30, 300, Region);
        page.Card(30, 340, ["Wage policy in the Mashreq"], Describe("Jordan and Iraq"));
        page.Card(430, 340, ["Women's entrepreneurship networks"], Describe("Oman and Egypt"));

        var cards = Read(page).Cards;

        Assert.Equal(["Green jobs for youth", "Skills exchange in East Africa", "Wage policy in the Mashreq", "Women's entrepreneurship networks"], cards.Select(c => c.Title));
        Assert.Equal(["AFRICA", "AFRICA", "ARAB STATES", "ARAB STATES"], cards.Select(c => c.RegionHeading));
    }

    [Fact]
    public void Masonry_columns_read_column_by_column()
    {
        var page = new PageSketch(1, width: 842, height: 595);
        var left = page.Card(30, 40, ["First card, left column"], Describe("Ghana"));
        page.Card(30, left + 20, ["Second card, left column"], Describe("Togo"));
        var right = page.Card(430, 40, ["First card, right column"], [.. Describe("Kenya"), "with a longer description", "that pushes the next card down."]);
        page.Card(430, right + 20, ["Second card, right column"], Describe("Uganda"));

        var cards = Read(page).Cards;

        Assert.Equal(["First card, left column", "Second card, left column", "First card, right column", "Second card, right column"], cards.Select(c => c.Title));
    }

    [Fact]
    public void A_card_spilling_onto_the_next_page_becomes_one_card_on_the_page_where_it_starts()
    {
        var first = new PageSketch(1);
        var bottom = first.Card(40, 80, ["Green jobs for youth"], Describe("Ghana and Togo"));
        first.Card(40, bottom + 30, ["Skills exchange in East Africa"], ["Constituents from Kenya and Uganda will", "exchange experiences through"]);
        var second = new PageSketch(2);
        second.Stack(["study tours and peer-learning seminars."], 40, 60, Body);
        second.Card(40, 120, ["Labour inspection in North Africa"], Describe("Algeria and Libya"));

        var cards = Read(first, second).Cards;

        Assert.Equal(3, cards.Count);
        Assert.Equal(1, cards[1].Page);
        Assert.Equal("Constituents from Kenya and Uganda will exchange experiences through study tours and peer-learning seminars.", cards[1].Description);
    }

    [Fact]
    public void A_one_off_cover_title_over_text_is_not_a_card()
    {
        var cover = new PageSketch(1);
        cover.Line("SOUTH-SOUTH AND TRIANGULAR COOPERATION", 40, 100, new TextStyle(30, true, false, "#1f4e99", "Sans"));
        cover.Stack(["The ILO is launching 23 projects across the five regions", "for the 2020-2021 biennium."], 40, 200, Body, 500);
        var page = new PageSketch(2);
        var bottom = page.Card(40, 80, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Card(40, bottom + 30, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"));

        var layout = Read(cover, page);

        Assert.All(layout.Cards, c => Assert.Equal(2, c.Page));
        Assert.Contains(layout.FrontMatterText, t => t.Contains("launching 23 projects"));
    }

    [Fact]
    public void A_contents_page_yields_no_cards_and_sets_no_region()
    {
        var contents = new PageSketch(1);
        contents.Line("Contents", 40, 60, Title);
        contents.Line("Africa ................ 2", 40, 100, Body);
        contents.Line("Arab States ........... 3", 40, 120, Body);
        contents.Line("Green jobs for youth ........ 2", 40, 140, Body);
        var page = new PageSketch(2);
        var bottom = page.Card(40, 80, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Card(40, bottom + 30, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"));

        var layout = Read(contents, page);

        Assert.Equal(2, layout.Cards.Count);
        Assert.All(layout.Cards, c => Assert.Null(c.RegionHeading));
    }

    [Fact]
    public void A_title_set_tight_on_its_description_is_split_from_it_by_style()
    {
        var page = new PageSketch(1);
        page.Stack(["Green jobs for youth"], 40, 80, Title);
        page.Stack(Describe("Ghana and Togo"), 40, 80 + 1.3 * Title.Size, Body);
        page.Stack(["Skills exchange in East Africa"], 40, 200, Title);
        page.Stack(Describe("Kenya and Uganda"), 40, 200 + 1.3 * Title.Size, Body);

        var cards = Read(page).Cards;

        Assert.Equal(["Green jobs for youth", "Skills exchange in East Africa"], cards.Select(c => c.Title));
        Assert.StartsWith("Constituents from Ghana and Togo", cards[0].Description);
    }

    [Fact]
    public void Every_card_keeps_its_page_and_bounding_box()
    {
        var page = new PageSketch(1);
        page.Card(40, 80, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Card(40, 200, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"));

        var card = Read(page).Cards[0];

        Assert.Equal(1, card.Page);
        Assert.Equal(40, card.Bounds.X, 1);
        Assert.InRange(card.Bounds.Y + card.Bounds.Height, 842 - 80 - 1, 842 - 80 + 1);
        Assert.True(card.Bounds.Height > 40);
    }
    [Fact]
    public void A_title_at_the_foot_of_a_column_takes_the_text_at_the_top_of_the_next()
    {
        var page = new PageSketch(1, width: 842, height: 595);
        var bottom = page.Card(30, 40, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Stack(["Skills exchange in East Africa"], 30, bottom + 300, Title);
        page.Stack(Describe("Kenya and Uganda"), 430, 40, Body);
        page.Card(430, 200, ["Labour inspection in North Africa"], Describe("Algeria and Libya"));

        var cards = Read(page).Cards;

        Assert.Equal(["Green jobs for youth", "Skills exchange in East Africa", "Labour inspection in North Africa"], cards.Select(c => c.Title));
        Assert.StartsWith("Constituents from Kenya and Uganda", cards[1].Description);
        Assert.Contains("title and text in different columns", cards[1].LayoutDoubts);
    }

    [Fact]
    public void Cards_are_found_when_a_long_introduction_in_another_size_outweighs_them()
    {
        var intro = new PageSketch(1);
        intro.Stack(Enumerable.Repeat("A long introduction set larger than the cards, line after line of it.", 40), 40, 60, new TextStyle(12, false, false, "#222222", "Sans"), 500);
        var page = new PageSketch(2);
        var bottom = page.Card(40, 80, ["Green jobs for youth"], Describe("Ghana and Togo"));
        page.Card(40, bottom + 30, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"));

        var cards = Read(intro, page).Cards;

        Assert.Equal(["Green jobs for youth", "Skills exchange in East Africa"], cards.Select(c => c.Title));
    }
    [Fact]
    public void Tags_above_an_outcome_badge_belong_to_the_title_below_both()
    {
        var page = new PageSketch(1);
        var bottom = page.Card(40, 80, ["Skills exchange in East Africa"], Describe("Kenya and Uganda"), badge: "Outcome 5: Skills and lifelong learning");
        var top = page.Stack(["Triangular · Study tour"], 40, bottom + 30, Tag) + 2;
        page.Card(40, top, ["Green jobs for youth"], Describe("Ghana and Togo"), badge: "Outcome 3: Economic, social and environmental transitions");

        var cards = Read(page).Cards;

        Assert.Equal(["Triangular", "Study tour"], cards[1].Tags);
        Assert.Equal(["Outcome 3: Economic, social and environmental transitions"], cards[1].OutcomeLines);
        Assert.DoesNotContain("Triangular", cards[0].Description);
    }
}
