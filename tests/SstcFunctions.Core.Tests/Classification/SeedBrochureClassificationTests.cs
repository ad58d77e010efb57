using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SstcFunctions.Core.Classification;
using SstcFunctions.Core.Layout;
using SstcFunctions.Core.Records;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>
/// Runs the classifiers over the seed brochure's card texts, taken straight from its HTML source (so this test
/// does not depend on the PDF layout code) and compares with the hand-made ground truth.
/// </summary>
public partial class SeedBrochureClassificationTests
{
    private static readonly SeedBrochure Seed = SeedBrochure.Load();

    public static TheoryData<int> CardIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Seed.Expected.Count; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void The_html_yields_one_card_per_expected_project()
    {
        Assert.Equal(Seed.Expected.Count, Seed.Cards.Count);
        Assert.Equal(Seed.Expected.Select(e => e.GetProperty("title").GetString()), Seed.Cards.Select(c => c.Title));
    }

    [Theory]
    [MemberData(nameof(CardIndexes))]
    public void Each_card_gets_its_region_countries_outcome_and_topics(int index)
    {
        var expected = Seed.Expected[index];
        var card = Seed.Cards[index];
        var record = ProjectClassifier.Default.Classify(card, "sstc-2020-2021", index + 1);

        Assert.Equal(expected.GetProperty("region").GetString(), record.Region);

        var mustHave = Strings(expected, "countries");
        var mayHave = Strings(expected, "countriesOptional");
        Assert.All(mustHave, code => Assert.Contains(code, record.Countries));
        Assert.All(record.Countries, code => Assert.Contains(code, mustHave.Concat(mayHave)));
        Assert.Equal(record.Countries.Count, record.CountryNames.Count);

        Assert.Equal(expected.GetProperty("outcome").GetString(), record.Outcome?.Id);
        Assert.All(Strings(expected, "topics"), topic => Assert.Contains(topic, record.Topics));

        Assert.Equal($"sstc-2020-2021-{index + 1:D3}", record.Id);
        Assert.InRange(record.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void The_cover_gives_title_biennium_and_stated_counts_and_the_missing_cards_are_reported()
    {
        var layout = new BrochureLayout(7, Seed.Cards, Seed.FrontMatter, []);
        var (brochure, warnings) = BrochureClassifier.Default.Describe(layout, "sstc-2020-2021");
        var expected = Seed.ExpectedBrochure;

        Assert.Equal(expected.GetProperty("title").GetString(), brochure.Title);
        Assert.Equal(expected.GetProperty("biennium").GetString(), brochure.Biennium);
        Assert.Equal(expected.GetProperty("statedProjectCount").GetInt32(), brochure.StatedProjectCount);
        Assert.Equal(expected.GetProperty("statedCountryCount").GetInt32(), brochure.StatedCountryCount);
        Assert.Equal(Seed.Cards.Count, brochure.ProjectCount);
        Assert.Equal(7, brochure.PageCount);
        var warning = Assert.Single(warnings);
        Assert.Contains("23", warning);
        Assert.Contains("21", warning);
    }

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
            : [];

    /// <summary>Card texts rebuilt from the positioned elements of brochure.html.</summary>
    private sealed record SeedBrochure(List<ProjectCard> Cards, List<string> FrontMatter, List<JsonElement> Expected, JsonElement ExpectedBrochure)
    {
        public static SeedBrochure Load()
        {
            var html = File.ReadAllText(Path.Combine(SharedFixtures.SeedBrochureDirectory, "brochure.html"));
            using var json = JsonDocument.Parse(File.ReadAllText(SharedFixtures.SeedBrochureExpected));
            var expected = json.RootElement.GetProperty("projects").EnumerateArray().Select(e => e.Clone()).ToList();
            var expectedBrochure = json.RootElement.GetProperty("brochure").Clone();

            var cards = new List<ProjectCard>();
            var frontMatter = new List<string>();
            var pages = PagePattern().Matches(html);
            foreach (Match page in pages)
            {
                var number = int.Parse(page.Groups["n"].Value, CultureInfo.InvariantCulture);
                var body = page.Groups["body"].Value;
                var banner = BannerPattern().Match(body);
                var elements = ElementPattern().Matches(body)
                    .Select(m => new Positioned(m.Groups["class"].Value, Number(m.Groups["left"].Value), Number(m.Groups["top"].Value), Text(m.Groups["text"].Value)))
                    .ToList();
                var titles = elements.Where(e => e.Class == "t").OrderBy(e => e.Top).ThenBy(e => e.Left).ToList();
                if (titles.Count == 0)
                {
                    frontMatter.Add(CoverText(body));
                    continue;
                }
                Positioned? Owner(Positioned e) => titles
                    .Where(t => Math.Abs(t.Left - e.Left) < 1 && t.Top < e.Top)
                    .OrderByDescending(t => t.Top)
                    .FirstOrDefault();
                foreach (var title in titles.OrderBy(t => t.Left).ThenBy(t => t.Top))
                {
                    var mine = elements.Where(e => e.Class != "t" && Owner(e) == title).OrderBy(e => e.Top).ToList();
                    cards.Add(new ProjectCard
                    {
                        Page = number,
                        Title = title.Text,
                        Description = string.Join(' ', mine.Where(e => e.Class == "d").Select(e => e.Text)),
                        OutcomeLines = mine.Where(e => e.Class == "o").Select(e => e.Text).ToList(),
                        RegionHeading = banner.Success ? Text(banner.Groups["text"].Value) : null,
                        Bounds = new CardBounds(title.Left, 595 - title.Top, 240, 300),
                    });
                }
            }
            // Reading order of the ground truth: page, then column rows top to bottom, left to right.
            var order = expected.Select(e => e.GetProperty("title").GetString()).ToList();
            cards = cards.OrderBy(c => order.IndexOf(c.Title) is var i && i < 0 ? int.MaxValue : i).ToList();
            return new SeedBrochure(cards, frontMatter, expected, expectedBrochure);
        }

        private static string CoverText(string body)
        {
            // The cover title's <br> is a line break; paragraphs are lines of their own.
            var withBreaks = BreakPattern().Replace(body, "\n");
            withBreaks = ParagraphEndPattern().Replace(withBreaks, "\n");
            var lines = TagPattern().Replace(withBreaks, "").Split('\n')
                .Select(l => WebUtility.HtmlDecode(l).Replace('\u00A0', ' ').Trim())
                .Where(l => l.Length > 0);
            return string.Join('\n', lines);
        }

        private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

        private static string Text(string html) =>
            WhitespacePattern().Replace(WebUtility.HtmlDecode(TagPattern().Replace(html, "")).Replace('\u00A0', ' '), " ").Trim();
    }

    private sealed record Positioned(string Class, double Left, double Top, string Text);

    [GeneratedRegex(@"<div class=""page"" id=""page-(?<n>\d+)"">(?<body>.*?)<p class=""footer""", RegexOptions.Singleline)]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"<h2 class=""banner""[^>]*>(?<text>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex BannerPattern();

    [GeneratedRegex(@"<(?:h3|p) class=""(?<class>[tdo])"" style=""left:(?<left>[\d.]+)pt;[^""]*?top:(?<top>[\d.]+)pt[^""]*"">(?<text>.*?)</(?:h3|p)>", RegexOptions.Singleline)]
    private static partial Regex ElementPattern();

    [GeneratedRegex(@"<br\s*/?>")]
    private static partial Regex BreakPattern();

    [GeneratedRegex(@"</(?:p|h1|div)>")]
    private static partial Regex ParagraphEndPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
