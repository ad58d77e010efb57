using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class TopicTaxonomyTests
{
    private readonly TopicTaxonomy _topics = TopicTaxonomy.Default;

    [Theory]
    [InlineData("STRENGTHENING PUBLIC EMPLOYMENT SERVICES", "Support to job seekers.", "employment-services")]
    [InlineData("Peer exchange", "Reform of the PES and job matching systems in Kenya.", "employment-services")]
    [InlineData("Financial inclusion", "Promote women's economic empowerment through cooperatives.", "women-economic-empowerment")]
    [InlineData("Support to women entrepreneurs", "Peer learning.", "women-economic-empowerment")]
    [InlineData("National employment policies", "Exchange of experience.", "employment-policies")]
    [InlineData("SKILLS FOR THE FUTURE OF WORK", "A regional forum.", "skills")]
    [InlineData("Forum", "Recognition of prior learning systems for returning migrants.", "skills")]
    [InlineData("Transition to the formal economy", "Forum.", "informality")]
    [InlineData("E-FORMALIZATION FORUM", "Forum.", "informality")]
    [InlineData("Garment sector", "Addressing OSH in factories.", "osh")]
    [InlineData("Garment sector", "Occupational safety and health committees.", "osh")]
    [InlineData("Pacific training", "Governance of labour migration and fair recruitment.", "labour-migration")]
    [InlineData("DECENT WORK IN REFUGEE AND MIXED MIGRATION CONTEXTS", "Exchanges.", "labour-migration")]
    [InlineData("Inclusion in TVET", "Exchange.", "tvet")]
    [InlineData("Study tour", "Technical and vocational education and training institutions exchange.", "tvet")]
    [InlineData("Promoting sustainable tourism", "Scholarships.", "sustainable-tourism")]
    [InlineData("Scholarships", "ITC-ILO training programmes on DRR and local development.", "disaster-risk-reduction")]
    [InlineData("Trade union conference", "Two days.", "social-dialogue")]
    [InlineData("Forum", "Strengthening collective bargaining in the garment sector.", "social-dialogue")]
    [InlineData("Extending social protection", "Exchange.", "social-protection")]
    [InlineData("Green jobs for youth", "Exchange.", "green-jobs")]
    [InlineData("Exchange", "Eliminating child labour in cocoa supply chains.", "child-labour")]
    [InlineData("Exchange", "Preventing forced labour and human trafficking.", "forced-labour")]
    [InlineData("Exchange", "Promoting gender equality and equal pay.", "gender-equality")]
    [InlineData("Decent jobs for youth", "Exchange.", "youth-employment")]
    [InlineData("Building statistical databases", "Training.", "labour-statistics")]
    [InlineData("Exchange", "Support to small and medium enterprises and cooperatives.", "enterprises")]
    public void A_card_gets_the_topic_it_is_about(string title, string description, string topic)
    {
        Assert.Contains(topic, _topics.Classify(title, description));
    }

    [Theory]
    // Passing mentions that are not what the card is about.
    [InlineData("Capacity-building for delivering SDGs", "Participants will share knowledge and skills on the 2030 Agenda.", "skills")]
    [InlineData("Training on SDGs", "Inclusion of youth, women and returnees in national planning.", "youth-employment")]
    [InlineData("Training on SDGs", "Inclusion of youth, women and returnees in national planning.", "women-economic-empowerment")]
    [InlineData("Training on SDGs", "Inclusion of youth, women and returnees in national planning.", "labour-migration")]
    [InlineData("Pacific climate change migration", "Labour migration governance.", "green-jobs")]
    [InlineData("Forum on employment", "Adapting to the COVID-19 crisis and recovery.", "disaster-risk-reduction")]
    [InlineData("Regional forum", "A knowledge-sharing forum for tripartite constituents.", "social-dialogue")]
    [InlineData("Study tour on skills", "Participants will take part in a study tour to Brazil.", "sustainable-tourism")]
    [InlineData("Labour force participation", "Analysis of labour force trends.", "forced-labour")]
    [InlineData("Childcare services for working parents", "Expanding childcare for children of garment workers.", "child-labour")]
    [InlineData("Protection of workers", "Protection against increased vulnerabilities.", "social-protection")]
    [InlineData("Media fellowships", "Journalists will report on labour issues and the work of the ILO.", "labour-statistics")]
    public void A_card_does_not_get_a_topic_it_only_brushes(string title, string description, string topic)
    {
        Assert.DoesNotContain(topic, _topics.Classify(title, description));
    }

    [Fact]
    public void One_weak_term_in_the_description_is_not_enough_but_two_are()
    {
        Assert.DoesNotContain("labour-migration", _topics.Classify("Exchange", "Support for migrants."));
        Assert.Contains("labour-migration", _topics.Classify("Exchange", "Support for migrants and their mobility."));
        // The same weak term in the title is enough on its own.
        Assert.Contains("labour-migration", _topics.Classify("Migrants", "Exchange."));
    }

    [Fact]
    public void An_exclude_phrase_leaves_only_strong_evidence()
    {
        Assert.DoesNotContain("child-labour", _topics.Classify("Children", "Early childhood care."));
        Assert.Contains("child-labour", _topics.Classify("Children", "Early childhood care and child labour."));
    }

    [Fact]
    public void Topics_come_back_in_taxonomy_order_without_duplicates()
    {
        var found = _topics.Classify("TVET and skills", "Vocational training, TVET and skills development.");
        Assert.Equal(found.Distinct(), found);
        Assert.Equal(found.OrderBy(t => _topics.Slugs.ToList().IndexOf(t)), found);
    }

    [Fact]
    public void The_taxonomy_covers_the_required_topics()
    {
        string[] required =
        [
            "employment-services", "women-economic-empowerment", "employment-policies", "skills", "informality", "osh",
            "labour-migration", "tvet", "sustainable-tourism", "disaster-risk-reduction", "social-dialogue", "social-protection",
            "green-jobs", "child-labour", "forced-labour", "gender-equality", "youth-employment", "labour-statistics", "enterprises",
        ];
        Assert.All(required, slug => Assert.Contains(slug, _topics.Slugs));
    }

    [Fact]
    public void Every_topic_has_a_name_for_people_and_unknown_slugs_have_none()
    {
        Assert.All(_topics.Slugs, slug => Assert.False(string.IsNullOrWhiteSpace(_topics.Label(slug)), slug));
        Assert.Equal("Women's economic empowerment", _topics.Label("women-economic-empowerment"));
        Assert.Equal("Skills and lifelong learning", _topics.Label("skills"));
        Assert.Null(_topics.Label("no-such-topic"));
    }
}
