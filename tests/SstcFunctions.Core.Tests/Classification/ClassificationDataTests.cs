using System.Globalization;
using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>The embedded data files load and agree with themselves and with the platform's country list.</summary>
public class ClassificationDataTests
{
    [Theory]
    [InlineData("regions.json")]
    [InlineData("outcomes.json")]
    [InlineData("country-aliases.json")]
    [InlineData("topics.json")]
    [InlineData("activities.json")]
    [InlineData("modalities.json")]
    public void Every_data_file_is_embedded_under_its_logical_name(string file)
    {
        using var stream = typeof(RegionCatalogue).Assembly.GetManifestResourceStream("SstcFunctions.Core.Data." + file);
        Assert.NotNull(stream);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public void Every_alias_and_abbreviation_resolves_to_a_valid_iso_code()
    {
        var data = ClassificationData.Load<CountryMatcher.CountryAliasData>("country-aliases.json");
        var matcher = CountryMatcher.Default;
        foreach (var (code, aliases) in data.Aliases.Concat(data.Abbreviations))
        {
            Assert.Matches("^[A-Z]{2}$", code);
            Assert.Equal(code, new RegionInfo(code).TwoLetterISORegionName);
            Assert.All(aliases, alias => Assert.Equal(code, matcher.Resolve(alias)));
        }
        Assert.All(data.CanonicalNames, kv => Assert.Equal(kv.Value, matcher.CanonicalNames[kv.Key]));
        Assert.All(data.ExcludedCodes, code => Assert.False(matcher.CanonicalNames.ContainsKey(code)));
        Assert.All(data.IgnoredNames, name => Assert.Null(matcher.Resolve(name)));
        Assert.All(data.NotCountries ?? [], place => Assert.Empty(matcher.Find(place)));
    }

    [Fact]
    public void Every_outcome_id_has_a_title_and_ids_are_unique()
    {
        var data = ClassificationData.Load<OutcomeCatalogue.OutcomeData>("outcomes.json");
        Assert.Equal(data.Outcomes.Count, data.Outcomes.Select(o => o.Id).Distinct().Count());
        Assert.All(data.Outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Title)));
        Assert.Equal(3, data.Outcomes.Count(o => o.Enabling));
    }

    [Fact]
    public void Every_topic_slug_is_unique_and_every_topic_has_a_label_and_a_strong_phrase()
    {
        var data = ClassificationData.Load<TopicTaxonomy.TopicData>("topics.json");
        Assert.Equal(data.Topics.Count, data.Topics.Select(t => t.Slug).Distinct().Count());
        Assert.All(data.Topics, t =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", t.Slug);
            Assert.False(string.IsNullOrWhiteSpace(t.Label));
            Assert.NotEmpty(t.Strong);
        });
        var scoring = Assert.IsType<TopicTaxonomy.Scoring>(data.Scoring);
        Assert.True(scoring.Strong >= scoring.Threshold, "one strong phrase must be enough on its own");
        Assert.True(scoring.Weak < scoring.Threshold, "one weak term in a description must not be enough");
    }

    [Theory]
    [InlineData("activities.json")]
    [InlineData("modalities.json")]
    public void Every_label_slug_is_unique_and_has_phrases(string file)
    {
        var data = ClassificationData.Load<LabelCatalogue.LabelData>(file);
        Assert.Equal(data.Labels.Count, data.Labels.Select(l => l.Slug).Distinct().Count());
        Assert.All(data.Labels, l =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", l.Slug);
            Assert.NotEmpty(l.Phrases);
        });
    }

    [Fact]
    public void Every_region_variant_names_exactly_one_region()
    {
        var data = ClassificationData.Load<RegionCatalogue.RegionData>("regions.json");
        foreach (var region in data.Regions)
        {
            Assert.All(region.Variants, variant => Assert.Equal(region.Name, RegionCatalogue.Default.Match(variant)));
        }
    }

    [Fact]
    public void The_default_instances_load()
    {
        Assert.NotEmpty(RegionCatalogue.Default.CanonicalNames);
        Assert.NotEmpty(OutcomeCatalogue.Default.All);
        Assert.NotEmpty(CountryMatcher.Default.CanonicalNames);
        Assert.NotEmpty(TopicTaxonomy.Default.Slugs);
        Assert.NotEmpty(LabelCatalogue.Activities.Slugs);
        Assert.NotEmpty(LabelCatalogue.Modalities.Slugs);
    }
}
