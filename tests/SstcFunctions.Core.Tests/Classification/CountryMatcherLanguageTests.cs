using System.Globalization;
using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

/// <summary>Spanish and French country names: CLDR's, the UN/ILO official forms, and the names that overlap.</summary>
public class CountryMatcherLanguageTests
{
    private static string[] Codes(string language, string text) => CountryMatcher.For(language).Find(text).Select(m => m.Code).ToArray();

    [Theory]
    [InlineData("Etiopía, Marruecos, Túnez, Jordania y Líbano", new[] { "ET", "MA", "TN", "JO", "LB" })]
    [InlineData("Camboya, la Federación de Rusia, Kirguistán, Camerún y las Islas Cook", new[] { "KH", "RU", "KG", "CM", "CK" })]
    [InlineData("la República Democrática del Congo, el Perú y la Argentina", new[] { "CD", "PE", "AR" })]
    [InlineData("Bolivia (Estado Plurinacional de), Venezuela (República Bolivariana de) y Viet Nam", new[] { "BO", "VE", "VN" })]
    [InlineData("la República de Corea y la República Popular Democrática de Corea", new[] { "KR", "KP" })]
    [InlineData("la República Unida de Tanzanía, la República Árabe Siria y el Estado de Palestina", new[] { "TZ", "SY", "PS" })]
    [InlineData("Peru, Perú y PERÚ", new[] { "PE", "PE", "PE" })]
    [InlineData("socios de EE. UU. y la RDC", new[] { "US", "CD" })]
    [InlineData("Camboya, República Democrática Popular de Lao, Birmania, Vietnam", new[] { "KH", "LA", "MM", "VN" })]
    [InlineData("Myanmar (Birmania) y Myanmar", new[] { "MM", "MM" })]
    public void Spanish_names_and_official_forms_resolve(string text, string[] codes)
    {
        Assert.Equal(codes, Codes("es", text));
    }

    [Theory]
    [InlineData("l'Éthiopie, le Maroc, la Tunisie, la Jordanie et le Liban", new[] { "ET", "MA", "TN", "JO", "LB" })]
    [InlineData("le Cambodge, la Fédération de Russie, le Kirghizistan, le Cameroun et les Îles Cook", new[] { "KH", "RU", "KG", "CM", "CK" })]
    [InlineData("la République démocratique du Congo, le Pérou et l'Argentine", new[] { "CD", "PE", "AR" })]
    [InlineData("la République de Corée, la République populaire démocratique de Corée et le Viet Nam", new[] { "KR", "KP", "VN" })]
    [InlineData("l'État plurinational de Bolivie et la République-Unie de Tanzanie", new[] { "BO", "TZ" })]
    [InlineData("Maurice, Madagascar et les Seychelles", new[] { "MU", "MG", "SC" })]
    [InlineData("Pays : Cambodge, République démocratique populaire lao, Birmanie, Viêt Nam", new[] { "KH", "LA", "MM", "VN" })]
    [InlineData("la Côte d’Ivoire et la Cote d'Ivoire", new[] { "CI", "CI" })]
    public void French_names_and_official_forms_resolve(string text, string[] codes)
    {
        Assert.Equal(codes, Codes("fr", text));
    }

    [Theory]
    [InlineData("es", "Papua Nueva Guinea, Papúa Nueva Guinea y Guinea", new[] { "PG", "PG", "GN" })]
    [InlineData("es", "Guinea Ecuatorial, Guinea-Bisáu y Guinea", new[] { "GQ", "GW", "GN" })]
    [InlineData("es", "el Níger y Nigeria", new[] { "NE", "NG" })]
    [InlineData("es", "Nigeria y el Niger", new[] { "NG", "NE" })]
    [InlineData("es", "Sudán del Sur y el Sudán", new[] { "SS", "SD" })]
    [InlineData("es", "la República Dominicana y Dominica", new[] { "DO", "DM" })]
    [InlineData("es", "el Congo y la República Democrática del Congo", new[] { "CG", "CD" })]
    [InlineData("es", "Corea", new[] { "KR" })]
    [InlineData("fr", "la Papouasie-Nouvelle-Guinée et la Guinée", new[] { "PG", "GN" })]
    [InlineData("fr", "la Guinée-Bissau, la Guinée équatoriale et la Guinée", new[] { "GW", "GQ", "GN" })]
    [InlineData("fr", "le Niger et le Nigéria", new[] { "NE", "NG" })]
    [InlineData("fr", "le Soudan du Sud et le Soudan", new[] { "SS", "SD" })]
    [InlineData("fr", "la République dominicaine et la Dominique", new[] { "DO", "DM" })]
    [InlineData("fr", "le Congo, la RDC et la République démocratique du Congo", new[] { "CG", "CD", "CD" })]
    [InlineData("fr", "la Corée et la Corée du Nord", new[] { "KR", "KP" })]
    public void Overlapping_names_take_the_longest_match(string language, string text, string[] codes)
    {
        Assert.Equal(codes, Codes(language, text));
    }

    [Theory]
    [InlineData("es", "Papúa Nueva\nGuinea y la República\r\nDemocrática del Congo", new[] { "PG", "CD" })]
    [InlineData("fr", "Papouasie-\nNouvelle-Guinée et la Fédération\nde Russie", new[] { "PG", "RU" })]
    public void Names_split_across_lines_are_found(string language, string text, string[] codes)
    {
        Assert.Equal(codes, Codes(language, text));
    }

    [Theory]
    [InlineData("es", "Reunión de ministros del Golfo de Guinea y del Delta del Níger con empresarios peruanos")]
    [InlineData("es", "los países de América Latina, el Sahel y África Occidental")]
    [InlineData("fr", "La réunion des ministres du Golfe de Guinée et du Bassin du Congo")]
    [InlineData("fr", "des pays d'Amérique latine et des Caraïbes")]
    public void Places_demonyms_and_ordinary_words_are_not_countries(string language, string text)
    {
        Assert.Empty(Codes(language, text));
    }

    [Fact]
    public void English_matching_is_unchanged_by_other_languages()
    {
        Assert.Same(CountryMatcher.Default, CountryMatcher.For("en"));
        Assert.Same(CountryMatcher.Default, CountryMatcher.For(null));
        // A language without data reads with the English names.
        Assert.Same(CountryMatcher.Default, CountryMatcher.For("de"));
        // "Maurice" is a first name in English text and the country in French.
        Assert.Empty(Codes("en", "Maurice met the delegation"));
        Assert.Equal(["MU"], Codes("fr", "Maurice"));
    }

    [Fact]
    public void Display_names_are_in_the_matchers_language_and_mentions_keep_the_canonical_english_name()
    {
        var es = CountryMatcher.For("es");
        var fr = CountryMatcher.For("fr");
        Assert.Equal("Etiopía", es.DisplayName("ET"));
        Assert.Equal("Éthiopie", fr.DisplayName("ET"));
        Assert.Equal("Estado de Palestina", es.DisplayName("PS"));
        Assert.Equal("République démocratique du Congo", fr.DisplayName("CD"));
        Assert.Equal("Ethiopia", CountryMatcher.Default.DisplayName("ET"));
        var mention = Assert.Single(es.Find("en Etiopía."));
        Assert.Equal(new CountryMention("ET", "Ethiopia", "Etiopía"), mention);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_country_has_a_display_name_and_every_cldr_name_finds_its_code(string language)
    {
        var matcher = CountryMatcher.For(language);
        var data = ClassificationData.Load<CountryMatcher.CountryNameData>($"country-names.{language}.json");
        var aliases = ClassificationData.Load<CountryMatcher.CountryAliasData>($"country-aliases.{language}.json");
        var ignored = aliases.IgnoredNames.Select(n => n.ToUpperInvariant()).ToHashSet();
        Assert.Equal(language, data.Language);
        Assert.All(matcher.CanonicalNames.Keys, code => Assert.False(string.IsNullOrWhiteSpace(matcher.DisplayName(code))));
        // Every ICU region has a CLDR name in this language: nothing was typed by hand.
        Assert.All(matcher.CanonicalNames.Keys, code => Assert.True(data.Names.ContainsKey(code), code));
        foreach (var (code, names) in data.Names.Where(kv => matcher.CanonicalNames.ContainsKey(kv.Key)))
        {
            foreach (var name in names.Where(n => !ignored.Contains(n.ToUpperInvariant())))
                Assert.True(matcher.Resolve(name) == code, $"{name} should resolve to {code}, got {matcher.Resolve(name)}");
        }
        foreach (var (code, list) in aliases.Aliases.Concat(aliases.Abbreviations))
        {
            Assert.Equal(code, new RegionInfo(code).TwoLetterISORegionName);
            Assert.All(list, alias => Assert.Equal(code, matcher.Resolve(alias)));
        }
        Assert.All(aliases.NotCountries ?? [], place => Assert.Empty(matcher.Find(place)));
    }
}
