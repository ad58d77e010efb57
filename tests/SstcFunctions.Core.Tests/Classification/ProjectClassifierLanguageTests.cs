using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>Spanish and French cards: read with their language's vocabularies, recorded with canonical ids and local names.</summary>
public class ProjectClassifierLanguageTests
{
    private static ProjectCard Card(string title, string description, string? region, params string[] outcomes) => new()
    {
        Page = 4,
        Title = title,
        Description = description,
        RegionHeading = region,
        OutcomeLines = outcomes,
        Bounds = new CardBounds(36, 100, 240, 320),
    };

    private static ProjectRecord Classify(ProjectCard card, string? brochureLanguage = null) =>
        ProjectClassifier.Default.Classify(card, "sstc-2020-2021-es", 3, brochureLanguage);

    [Fact]
    public void A_spanish_card_is_read_in_spanish_with_canonical_ids_and_spanish_names()
    {
        var record = Classify(Card(
            "Fortalecimiento de los servicios públicos de empleo en Etiopía",
            "Los servicios públicos de empleo de Etiopía y Marruecos intercambiarán experiencias con expertos de Túnez " +
            "mediante un viaje de estudio y un taller de formación de formadores, en el marco de la cooperación Sur-Sur.",
            "Estados Árabes",
            "Resultado 5: Competencias y aprendizaje permanente para facilitar el acceso al mercado de trabajo"));

        Assert.Equal("es", record.Language);
        Assert.Equal("Arab States", record.Region);
        Assert.Equal(["ET", "MA", "TN"], record.Countries);
        Assert.Equal(["Etiopía", "Marruecos", "Túnez"], record.CountryNames);
        Assert.Equal("5", record.Outcome?.Id);
        Assert.StartsWith("Competencias y aprendizaje permanente", record.Outcome?.Title);
        Assert.Contains("employment-services", record.Topics);
        Assert.Equal(["study-tour", "training", "workshop", "knowledge-sharing"], record.Activities);
        Assert.Equal(["south-south"], record.Modality);
        Assert.Equal(1.0, record.Confidence);
    }

    [Fact]
    public void A_french_card_is_read_in_french()
    {
        var record = Classify(Card(
            "Protection sociale des travailleurs de l'économie informelle",
            "Le Sénégal, la Côte d'Ivoire et la République démocratique du Congo partageront leurs expériences sur " +
            "l'extension de la sécurité sociale aux travailleurs de l'économie informelle, avec l'appui technique du Brésil " +
            "dans le cadre d'une coopération triangulaire.",
            "Afrique",
            "Résultat 8 : Une protection sociale complète et durable pour tous"));

        Assert.Equal("fr", record.Language);
        Assert.Equal("Africa", record.Region);
        Assert.Equal(["SN", "CI", "CD", "BR"], record.Countries);
        Assert.Equal(["Sénégal", "Côte d’Ivoire", "République démocratique du Congo", "Brésil"], record.CountryNames);
        Assert.Equal("8", record.Outcome?.Id);
        Assert.Equal("Une protection sociale complète et durable pour tous", record.Outcome?.Title);
        Assert.Equal(["informality", "social-protection"], record.Topics);
        Assert.Contains("technical-assistance", record.Activities);
        Assert.Equal(["triangular"], record.Modality);
    }

    [Fact]
    public void An_english_outcome_line_in_a_spanish_card_is_accepted_and_titled_in_spanish()
    {
        var record = Classify(Card(
            "Formación profesional en Papua Nueva Guinea",
            "Instituciones de formación de Papua Nueva Guinea y de Fiji compartirán sus programas de aprendizaje con los " +
            "ministerios de trabajo de la región.",
            "Asia y el Pacífico",
            "Outcome 5 – Skills and lifelong learning"));
        Assert.Equal("es", record.Language);
        Assert.Equal(["PG", "FJ"], record.Countries);
        Assert.Equal("Asia and the Pacific", record.Region);
        Assert.Equal("5", record.Outcome?.Id);
        Assert.StartsWith("Competencias", record.Outcome?.Title);
    }

    [Fact]
    public void A_card_without_an_outcome_line_under_the_training_centre_heading_is_still_classified()
    {
        var record = Classify(Card(
            "Academia sobre cooperación Sur-Sur y triangular",
            "Un curso en línea del Centro para funcionarios de América Latina, África y Asia sobre cómo diseñar proyectos " +
            "de cooperación Sur-Sur.",
            "Centro Internacional de Formación de la OIT"));
        Assert.Equal("International Training Centre (ITC-ILO)", record.Region);
        Assert.Null(record.Outcome);
        Assert.Equal("es", record.Language);
        Assert.Contains("training", record.Activities);
    }

    [Fact]
    public void A_card_too_short_to_decide_takes_the_brochures_language()
    {
        var card = Card("Guinea Ecuatorial", "Formación.", "África");
        Assert.Equal("es", Classify(card, "es").Language);
        Assert.Equal(["GQ"], Classify(card, "es").Countries);
        Assert.Equal("en", Classify(card).Language);
    }

    [Fact]
    public void A_card_in_another_language_than_its_brochure_keeps_its_own()
    {
        var english = Classify(Card(
            "Skills for the future of work",
            "Trainers from Ethiopia and Kenya will share their experience with the public employment services of Uganda.",
            "Africa"), brochureLanguage: "es");
        Assert.Equal("en", english.Language);
        Assert.Equal(["Ethiopia", "Kenya", "Uganda"], english.CountryNames);
    }

    [Fact]
    public void The_same_project_in_three_languages_gets_the_same_canonical_facts()
    {
        var en = Classify(Card("Social protection for domestic workers in Peru and Bolivia",
            "The project will share the experience of Peru with the social security institute of Bolivia and with the workers' organizations of both countries.",
            "Latin America and the Caribbean", "Outcome 8: Comprehensive and sustainable social protection for all"));
        var es = Classify(Card("Protección social de las trabajadoras domésticas en el Perú y Bolivia",
            "El proyecto compartirá la experiencia del Perú con el instituto de seguridad social de Bolivia y con las organizaciones de trabajadores de ambos países.",
            "América Latina y el Caribe", "Resultado 8: Protección social integral y sostenible para todos"));
        var fr = Classify(Card("Protection sociale des travailleuses domestiques au Pérou et en Bolivie",
            "Le projet partagera l'expérience du Pérou avec l'institut de sécurité sociale de la Bolivie et avec les organisations de travailleurs des deux pays.",
            "Amérique latine et Caraïbes", "Résultat 8 : Une protection sociale complète et durable pour tous"));

        Assert.Equal(["en", "es", "fr"], new[] { en.Language, es.Language, fr.Language });
        foreach (var record in new[] { es, fr })
        {
            Assert.Equal(en.Region, record.Region);
            Assert.Equal(en.Countries, record.Countries);
            Assert.Equal(en.Outcome?.Id, record.Outcome?.Id);
            Assert.Equal(en.Topics, record.Topics);
        }
        Assert.Equal(["Peru", "Bolivia"], en.CountryNames);
        Assert.Equal(["Perú", "Bolivia"], es.CountryNames);
        Assert.Equal(["Pérou", "Bolivie"], fr.CountryNames);
    }
}
