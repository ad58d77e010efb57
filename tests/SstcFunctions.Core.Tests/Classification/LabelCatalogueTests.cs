using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class LabelCatalogueTests
{
    [Theory]
    [InlineData("Participants will take part in a study tour to Brazil.", "study-tour")]
    [InlineData("Study visits to Morocco.", "study-tour")]
    [InlineData("PEER-TO-PEER LEARNING IN CENTRAL EUROPE", "peer-learning")]
    [InlineData("regional peer-learning seminars", "peer-learning")]
    [InlineData("regional peer-learning seminars", "seminar")]
    [InlineData("a training programme for government officials", "training")]
    [InlineData("complemented by an online course", "training")]
    [InlineData("a series of webinars", "webinar")]
    [InlineData("The six-month fellowship programme", "fellowship")]
    [InlineData("awarded scholarships to follow ITC courses", "scholarship")]
    [InlineData("joint research and a research paper", "research")]
    [InlineData("the production of policy papers", "research")]
    [InlineData("This two-day conference", "conference")]
    [InlineData("knowledge-sharing forum", "forum")]
    [InlineData("a two-day regional consultation workshop", "workshop")]
    [InlineData("study tours, personnel exchange and policy papers", "personnel-exchange")]
    [InlineData("shared through an online platform", "online-platform")]
    [InlineData("will facilitate knowledge-sharing among constituents", "knowledge-sharing")]
    [InlineData("the exchange of good practices", "knowledge-sharing")]
    [InlineData("SSTC CAPACITY-BUILDING FOR DELIVERING SDGs", "capacity-building")]
    [InlineData("to strengthen the capacity of labour market institutions", "capacity-building")]
    [InlineData("technical assistance to the ministry", "technical-assistance")]
    [InlineData("through exchange visits and a joint training", "study-tour")]
    [InlineData("a mentoring programme for women-led enterprises", "mentoring")]
    [InlineData("a policy dialogue between ministries", "policy-dialogue")]
    public void Activities_named_in_the_text_are_found(string text, string activity)
    {
        Assert.Contains(activity, LabelCatalogue.Activities.Classify(text));
    }

    [Theory]
    [InlineData("Trainers from vocational training institutions in Bolivia", "training")]
    [InlineData("the Sustaining Competitive and Responsible Enterprises programme", "training")]
    [InlineData("students on placement", "research")]
    [InlineData("in the course of the project", "training")]
    [InlineData("As part of the BRICS summit 2021 in India", "conference")]
    [InlineData("improve statistics on labour migration", "forum")]
    public void Words_used_in_another_sense_are_not_activities(string text, string activity)
    {
        Assert.DoesNotContain(activity, LabelCatalogue.Activities.Classify(text));
    }

    [Theory]
    [InlineData("South-South and Triangular Cooperation", new[] { "south-south", "triangular" })]
    [InlineData("SSTC FOR SCORE", new[] { "south-south" })]
    [InlineData("Cooperation between Small Island Developing States", new[] { "sids-to-sids" })]
    [InlineData("SIDS-SIDS exchange", new[] { "sids-to-sids" })]
    [InlineData("country-to-country exchanges between Turkey and Colombia", new[] { "country-to-country" })]
    [InlineData("a two-day regional consultation workshop", new[] { "regional" })]
    [InlineData("INTER-REGIONAL TRADE UNION CONFERENCE", new[] { "inter-regional" })]
    [InlineData("a training in South Africa and the Global South", new string[0])]
    [InlineData("officials will study bilateral labour agreements with South Africa", new string[0])]
    [InlineData("Bilateral", new[] { "country-to-country" })]
    [InlineData("Sustainable tourism in rural areas", new string[0])]
    public void Modality_is_read_from_the_text(string text, string[] modalities)
    {
        Assert.Equal(modalities, LabelCatalogue.Modalities.Classify(text));
    }

    [Fact]
    public void Tags_and_several_texts_are_combined_in_data_file_order()
    {
        var found = LabelCatalogue.Activities.Classify("Webinars", "A study tour", "Training");
        Assert.Equal(["study-tour", "training", "webinar"], found);
    }

    [Fact]
    public void Catalogs_list_the_required_labels()
    {
        string[] activities =
        [
            "study-tour", "peer-learning", "training", "webinar", "fellowship", "scholarship", "research", "conference", "forum",
            "workshop", "personnel-exchange", "online-platform", "knowledge-sharing", "capacity-building", "technical-assistance",
        ];
        Assert.All(activities, slug => Assert.Contains(slug, LabelCatalogue.Activities.Slugs));
        string[] modalities = ["south-south", "triangular", "sids-to-sids", "country-to-country", "regional", "inter-regional"];
        Assert.Equal(modalities, LabelCatalogue.Modalities.Slugs);
    }
}
