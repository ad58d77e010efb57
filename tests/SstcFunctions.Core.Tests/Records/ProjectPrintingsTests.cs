using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Records;

/// <summary>Pairs of records that must and must not be linked as printings of one project.</summary>
public class ProjectPrintingsTests
{
    private static readonly BrochureShape Biennium2020 = new("2020-2021", 21);

    private static ProjectRecord P(string brochure, int ordinal, string title, string? region, string[] countries, params string[] outcomes) => new()
    {
        Id = BrochureId.ForProject(brochure, ordinal),
        BrochureId = brochure,
        Ordinal = ordinal,
        Title = title,
        Region = region,
        Description = "",
        Countries = countries,
        Outcome = outcomes.Length > 0 ? new PolicyOutcome(outcomes[0], "t") : null,
        Outcomes = [.. outcomes.Select(o => new PolicyOutcome(o, "t"))],
        Page = 1,
        Bounds = new CardBounds(0, 0, 1, 1),
        Confidence = 1,
    };

    private static IReadOnlyDictionary<string, string> Link(IReadOnlyDictionary<string, BrochureShape> shapes, params ProjectRecord[] projects) =>
        ProjectPrintings.Link(projects, shapes);

    private static Dictionary<string, BrochureShape> Shapes(params (string Id, BrochureShape Shape)[] shapes) => shapes.ToDictionary(s => s.Id, s => s.Shape);

    [Fact]
    public void An_edition_in_another_language_links_card_by_card()
    {
        var shapes = Shapes(("sstc-en", Biennium2020), ("sstc-es", Biennium2020));
        var keys = Link(shapes,
            P("sstc-en", 1, "Employment services in Ethiopia", "Africa", ["ET", "KE"], "5"),
            P("sstc-en", 2, "Skills for youth", "Africa", ["KE"], "5"),
            P("sstc-es", 1, "Servicios de empleo en Etiopía", "Africa", ["ET", "KE"], "5"),
            // One country missed in the Spanish card: still the same place and mostly the same countries.
            P("sstc-es", 2, "Competencias para los jóvenes", "Africa", ["KE", "UG"], "5"));
        Assert.Equal("sstc-en-001", keys["sstc-es-001"]);
        Assert.Equal("sstc-en-002", keys["sstc-es-002"]);
        Assert.Equal("sstc-en-001", keys["sstc-en-001"]);
    }

    [Fact]
    public void A_reupload_under_another_name_links_by_its_printed_title()
    {
        var keys = Link(Shapes(),
            P("copy-of-brochure", 4, "SKILLS FOR THE FUTURE", "Asia and the Pacific", ["KH", "LA"], "5"),
            P("brochure", 4, "Skills for the future", "Asia and the Pacific", ["LA", "KH"], "5"));
        Assert.Equal("brochure-004", keys["copy-of-brochure-004"]);
    }

    [Fact]
    public void An_edition_that_lost_a_card_links_by_facts_unique_in_both_brochures()
    {
        var shapes = Shapes(("en", Biennium2020), ("fr", Biennium2020 with { ProjectCount = 20 }));
        var keys = Link(shapes,
            P("en", 7, "Green jobs in Morocco", "Arab States", ["MA", "TN"], "3"),
            P("fr", 6, "Emplois verts au Maroc", "Arab States", ["TN", "MA"], "3"));
        Assert.Equal("en-007", keys["fr-006"]);
    }

    [Fact]
    public void Cards_with_the_same_title_in_one_brochure_stay_two_projects()
    {
        var keys = Link(Shapes(),
            P("b", 1, "Study tour", "Africa", ["ET"], "5"),
            P("b", 2, "Study tour", "Africa", ["ET"], "5"));
        Assert.Equal("b-001", keys["b-001"]);
        Assert.Equal("b-002", keys["b-002"]);
    }

    [Theory]
    [InlineData("Africa", new[] { "ET", "KE" }, "8")]            // the outcome contradicts
    [InlineData("Arab States", new[] { "ET", "KE" }, "5")]       // another region
    [InlineData("Africa", new[] { "BR", "AR", "KE" }, "5")]      // countries mostly differ
    public void The_same_place_in_an_edition_of_the_same_shape_must_agree_on_the_facts(string region, string[] countries, string outcome)
    {
        var shapes = Shapes(("en", Biennium2020), ("es", Biennium2020));
        var keys = Link(shapes,
            P("en", 3, "Employment services", "Africa", ["ET", "KE"], "5"),
            P("es", 3, "Servicios de empleo", region, countries, outcome));
        Assert.Equal("es-003", keys["es-003"]);
    }

    [Fact]
    public void Brochures_of_another_biennium_or_shape_do_not_link_by_ordinal()
    {
        var shapes = Shapes(("a", Biennium2020), ("b", new BrochureShape("2022-2023", 21)), ("c", Biennium2020 with { ProjectCount = 19 }));
        var keys = Link(shapes,
            P("a", 2, "Employment services", "Africa", ["ET", "KE"], "5"),
            P("a", 3, "Another", "Africa", ["ET", "KE"], "5"),
            P("b", 2, "Servicios de empleo", "Africa", ["ET", "KE"], "5"),
            P("c", 2, "Services de l'emploi", "Africa", ["ET"], "5"));
        // The facts of a-002 are not unique in brochure a, and c-002 names other countries than b-002, so rule 3 does not link them.
        Assert.Equal(["a-002", "a-003", "b-002", "c-002"], keys.Values.Order());
    }

    [Fact]
    public void A_brochure_without_a_stated_biennium_links_only_by_title_or_unique_facts()
    {
        var shapes = Shapes(("a", new BrochureShape(null, 2)), ("b", new BrochureShape(null, 2)));
        var keys = Link(shapes,
            P("a", 1, "One", "Africa", ["ET"]),
            P("b", 1, "Uno", "Africa", ["ET"]));
        Assert.Equal("b-001", keys["b-001"]);
    }

    [Fact]
    public void A_group_never_holds_two_cards_of_one_brochure()
    {
        // y-002 has x-001's title and x-002's place: linking both would put x-001 and x-002 together. The title links first.
        var shapes = Shapes(("x", new BrochureShape("2020-2021", 2)), ("y", new BrochureShape("2020-2021", 2)));
        var keys = Link(shapes,
            P("x", 2, "Decent work in Peru", "Latin America and the Caribbean", ["PE"], "5"),
            P("y", 2, "Trabajo decente en el Perú", "Latin America and the Caribbean", ["PE"], "5"),
            P("x", 1, "Trabajo decente en el Perú", "Latin America and the Caribbean", ["PE"], "5"));
        Assert.Equal("x-001", keys["y-002"]);
        Assert.Equal("x-002", keys["x-002"]);
    }
}
