using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>The Spanish and French vocabularies: every English entry has its counterparts, and they read real headings and lines.</summary>
public class VocabularyLanguageTests
{
    public static TheoryData<string> OtherLanguages => new() { "es", "fr" };

    [Fact]
    public void The_catalogue_languages_are_english_spanish_and_french()
    {
        Assert.Equal(["en", "es", "fr"], ClassificationLanguages.All);
        Assert.Equal("es", ClassificationLanguages.Normalize("es-419"));
        Assert.Equal("fr", ClassificationLanguages.Normalize(" FR "));
        Assert.Null(ClassificationLanguages.Normalize("de"));
        Assert.Null(ClassificationLanguages.Normalize(""));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_english_region_has_headings_in_the_language(string language)
    {
        var english = ClassificationData.Load<RegionCatalogue.RegionData>("regions.json");
        var local = ClassificationData.Load<RegionCatalogue.RegionData>($"regions.{language}.json");
        Assert.Equal(english.Regions.Select(r => r.Name), local.Regions.Select(r => r.Name));
        Assert.All(local.Regions, r => Assert.NotEmpty(r.Variants));
        Assert.All(local.Regions, r => Assert.All(r.Variants, v => Assert.Equal(r.Name, RegionCatalogue.Default.Match(v))));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_english_outcome_has_a_title_in_the_language(string language)
    {
        var english = ClassificationData.Load<OutcomeCatalogue.OutcomeData>("outcomes.json");
        var local = ClassificationData.Load<OutcomeCatalogue.OutcomeData>($"outcomes.{language}.json");
        Assert.Equal(english.Outcomes.Select(o => (o.Id, o.Enabling)), local.Outcomes.Select(o => (o.Id, o.Enabling)));
        Assert.All(local.Outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Title)));
        // Translated, not copied.
        Assert.All(local.Outcomes, o => Assert.NotEqual(english.Outcomes.Single(e => e.Id == o.Id).Title, o.Title));
        Assert.Contains(language, OutcomeCatalogue.Default.Languages);
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_english_topic_activity_and_modality_has_phrases_in_the_language(string language)
    {
        var topics = ClassificationData.Load<TopicTaxonomy.TopicData>("topics.json");
        var localTopics = ClassificationData.Load<TopicTaxonomy.TopicData>($"topics.{language}.json");
        Assert.Equal(topics.Topics.Select(t => t.Slug), localTopics.Topics.Select(t => t.Slug));
        Assert.All(localTopics.Topics, t =>
        {
            Assert.NotEmpty(t.Strong);
            Assert.False(string.IsNullOrWhiteSpace(t.Label));
            Assert.NotEqual(topics.Topics.Single(e => e.Slug == t.Slug).Label, t.Label);
        });
        Assert.Null(localTopics.Scoring);
        foreach (var name in new[] { "activities", "modalities" })
        {
            var labels = ClassificationData.Load<LabelCatalogue.LabelData>($"{name}.json");
            var local = ClassificationData.Load<LabelCatalogue.LabelData>($"{name}.{language}.json");
            Assert.Equal(labels.Labels.Select(l => l.Slug), local.Labels.Select(l => l.Slug));
            Assert.All(local.Labels, l => Assert.NotEmpty(l.Phrases));
        }
    }

    [Theory]
    [InlineData("América Latina y el Caribe", "Latin America and the Caribbean")]
    [InlineData("AMÉRICA LATINA Y EL CARIBE (continuación)", "Latin America and the Caribbean")]
    [InlineData("Amérique latine et Caraïbes", "Latin America and the Caribbean")]
    [InlineData("Amérique latine et les Caraïbes (suite)", "Latin America and the Caribbean")]
    [InlineData("África", "Africa")]
    [InlineData("Afrique", "Africa")]
    [InlineData("Estados Árabes", "Arab States")]
    [InlineData("États arabes", "Arab States")]
    [InlineData("Asia y el Pacífico", "Asia and the Pacific")]
    [InlineData("Asia & Pacífico", "Asia and the Pacific")]
    [InlineData("Asie et Pacifique", "Asia and the Pacific")]
    [InlineData("Europa Oriental y Asia Central", "Eastern Europe and Central Asia")]
    [InlineData("Europe orientale et Asie centrale", "Eastern Europe and Central Asia")]
    [InlineData("Centro Internacional de Formación de la OIT", "International Training Centre (ITC-ILO)")]
    [InlineData("Centre international de formation de l'OIT", "International Training Centre (ITC-ILO)")]
    [InlineData("Centre international de formation de l’OIT", "International Training Centre (ITC-ILO)")]
    [InlineData("Centro Internacional de Formación de la OIT (CIF-OIT)", "International Training Centre (ITC-ILO)")]
    [InlineData("CENTRE INTERNATIONAL DE FOR-\nMATION DE L’OIT (CIF-OIT)", "International Training Centre (ITC-ILO)")]
    [InlineData("EUROPE ORIENTALE ET ASIE CEN-\nTRALE", "Eastern Europe and Central Asia")]
    [InlineData("EUROPE ORIENTALE ET ASIE CEN- TRALE", "Eastern Europe and Central Asia")]
    [InlineData("Interregional", "Interregional")]
    [InlineData("Interrégional", "Interregional")]
    [InlineData("Mundial / Interregional", "Interregional")]
    public void Spanish_and_french_headings_name_the_canonical_english_region(string heading, string region)
    {
        Assert.Equal(region, RegionCatalogue.Default.Match(heading));
    }

    [Theory]
    [InlineData("Resultado 5: Competencias y aprendizaje permanente…", new[] { "5" })]
    [InlineData("Resultado 5", new[] { "5" })]
    [InlineData("RESULTADOS 3 Y 5", new[] { "3", "5" })]
    [InlineData("Resultado facilitador A: Conocimientos autorizados", new[] { "A" })]
    [InlineData("Résultat 5 : Des compétences et un apprentissage", new[] { "5" })]
    [InlineData("Résultat 5 :", new[] { "5" })]
    [InlineData("RÉSULTATS 3 ET 8", new[] { "3", "8" })]
    [InlineData("Resultat 7 – Une protection adéquate", new[] { "7" })]
    [InlineData("Outcome 5 –", new[] { "5" })]
    [InlineData("Outcome 5 – Skills and lifelong learning", new[] { "5" })]
    public void Outcome_lines_in_every_language_name_their_ids(string line, string[] ids)
    {
        Assert.True(OutcomeCatalogue.Default.IsOutcomeLine(line));
        Assert.Equal(ids, OutcomeCatalogue.Default.Parse(line).Select(o => o.Id));
    }

    [Theory]
    [InlineData("Resultado: Competencias y aprendizaje permanente para facilitar el acceso", "5")]
    [InlineData("Résultat : Une protection sociale complète et durable pour tous", "8")]
    public void A_line_naming_the_outcome_only_by_its_translated_title_is_recognised(string line, string id)
    {
        Assert.True(OutcomeCatalogue.Default.IsOutcomeLine(line));
        Assert.Equal(id, Assert.Single(OutcomeCatalogue.Default.Parse(line)).Id);
    }

    [Theory]
    [InlineData("Como resultado de la crisis, 5 países adoptaron medidas")]
    [InlineData("Les résultats de l'étude seront partagés avec 3 pays")]
    public void Prose_about_results_is_not_an_outcome_line(string text)
    {
        Assert.False(OutcomeCatalogue.Default.IsOutcomeLine(text));
        Assert.Empty(OutcomeCatalogue.Default.Parse(text));
    }

    [Fact]
    public void Labels_merged_into_a_description_are_found_in_every_language()
    {
        Assert.Equal("5", Assert.Single(OutcomeCatalogue.Default.ParseLabels("… trabajo decente. Resultado 5: Competencias")).Id);
        Assert.Equal("8", Assert.Single(OutcomeCatalogue.Default.ParseLabels("Réforme des retraites (Résultat 8).")).Id);
    }

    [Fact]
    public void Outcomes_are_localized_by_id_and_keep_the_canonical_title_otherwise()
    {
        var five = OutcomeCatalogue.Default.Find("5")!;
        Assert.StartsWith("Competencias y aprendizaje permanente", OutcomeCatalogue.Default.Localize(five, "es").Title);
        Assert.StartsWith("Des compétences et un apprentissage", OutcomeCatalogue.Default.Localize(five, "fr").Title);
        Assert.Equal(five, OutcomeCatalogue.Default.Localize(five, "en"));
        Assert.Equal(five, OutcomeCatalogue.Default.Localize(five, "de"));
        Assert.Equal("5", OutcomeCatalogue.Default.Localize(five, "es").Id);
    }

    [Fact]
    public void Spanish_and_french_cards_get_topics_activities_and_modalities()
    {
        var es = TopicTaxonomy.For("es").Classify(
            "Fortalecimiento de los servicios públicos de empleo",
            "Intercambio Sur-Sur sobre formación profesional y seguridad social entre Brasil y Mozambique.");
        Assert.Equal(["employment-services", "tvet", "social-protection"], es);
        var fr = TopicTaxonomy.For("fr").Classify(
            "Emploi des jeunes et économie informelle",
            "Un atelier sur la sécurité et santé au travail et le travail des enfants.");
        Assert.Equal(["informality", "osh", "child-labour", "youth-employment"], fr);
        Assert.Equal(["study-tour", "training", "knowledge-sharing"],
            LabelCatalogue.ActivitiesFor("es").Classify("Un viaje de estudio y un curso de formación para intercambiar experiencias."));
        Assert.Equal(["workshop", "capacity-building"],
            LabelCatalogue.ActivitiesFor("fr").Classify("Au cours de l'atelier, le renforcement des capacités sera discuté."));
        Assert.Equal(["south-south", "triangular", "regional"],
            LabelCatalogue.ModalitiesFor("es").Classify("Cooperación Sur-Sur y triangular de alcance regional, no en la oficina regional."));
        Assert.Equal(["sids-to-sids", "inter-regional"],
            LabelCatalogue.ModalitiesFor("fr").Classify("Coopération entre petits États insulaires en développement, un projet interrégional."));
    }

    [Fact]
    public void English_reading_does_not_take_other_languages_words()
    {
        Assert.Same(TopicTaxonomy.Default, TopicTaxonomy.For("en"));
        Assert.Same(LabelCatalogue.Activities, LabelCatalogue.ActivitiesFor("en"));
        Assert.Same(LabelCatalogue.Modalities, LabelCatalogue.ModalitiesFor(null));
        // "formation" is training in French, and the forming of something in English.
        Assert.Empty(LabelCatalogue.Activities.Classify("the formation of cooperatives"));
        Assert.Equal(["training"], LabelCatalogue.ActivitiesFor("fr").Classify("la formation des coopératives"));
    }
}
