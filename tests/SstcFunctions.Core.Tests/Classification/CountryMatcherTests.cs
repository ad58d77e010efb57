using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class CountryMatcherTests
{
    private readonly CountryMatcher _countries = CountryMatcher.Default;

    private string[] Codes(string text) => _countries.Find(text).Select(m => m.Code).ToArray();

    [Theory]
    [InlineData("institutions in Argentina, Brasil, Costa Rica", new[] { "AR", "BR", "CR" })]
    [InlineData("México, Nicaragua, Panamá and Perú", new[] { "MX", "NI", "PA", "PE" })]
    [InlineData("constituents from Türkiye and Colombia", new[] { "TR", "CO" })]
    [InlineData("Bolivia (Plurinational State of) and Chile", new[] { "BO", "CL" })]
    [InlineData("Lao People's Democratic Republic", new[] { "LA" })]
    [InlineData("Lao People\u2019s Democratic Republic", new[] { "LA" })]
    [InlineData("Republic of Moldova and Ukraine", new[] { "MD", "UA" })]
    [InlineData("Democratic Republic of the Congo", new[] { "CD" })]
    [InlineData("Viet Nam, Vietnam and Việt Nam", new[] { "VN", "VN", "VN" })]
    [InlineData("Côte d'Ivoire", new[] { "CI" })]
    [InlineData("Côte d\u2019Ivoire", new[] { "CI" })]
    [InlineData("Cote d'Ivoire", new[] { "CI" })]
    [InlineData("Cabo Verde and Cape Verde", new[] { "CV", "CV" })]
    [InlineData("São Tomé and Príncipe", new[] { "ST" })]
    [InlineData("Sao Tome and Principe", new[] { "ST" })]
    [InlineData("Iran (Islamic Republic of)", new[] { "IR" })]
    [InlineData("United Republic of Tanzania", new[] { "TZ" })]
    [InlineData("Venezuela (Bolivarian Republic of)", new[] { "VE" })]
    [InlineData("Republic of Korea", new[] { "KR" })]
    [InlineData("Democratic People's Republic of Korea", new[] { "KP" })]
    [InlineData("Syrian Arab Republic", new[] { "SY" })]
    [InlineData("State of Palestine", new[] { "PS" })]
    [InlineData("between Cameroon, DRC and Congo", new[] { "CM", "CD", "CG" })]
    [InlineData("Cambodia, Myanmar and Laos", new[] { "KH", "MM", "LA" })]
    [InlineData("Turkey and Russia", new[] { "TR", "RU" })]
    [InlineData("Lesotho, South Africa, and eSwatini", new[] { "LS", "ZA", "SZ" })]
    [InlineData("Eswatini (formerly Swaziland)", new[] { "SZ", "SZ" })]
    [InlineData("Iraq and UAE", new[] { "IQ", "AE" })]
    [InlineData("Iraq and United Arab Emirates", new[] { "IQ", "AE" })]
    public void Official_native_and_short_forms_resolve_to_one_code(string text, string[] codes)
    {
        Assert.Equal(codes, Codes(text));
    }

    [Theory]
    [InlineData("Niger and Nigeria", new[] { "NE", "NG" })]
    [InlineData("Nigeria and Niger", new[] { "NG", "NE" })]
    [InlineData("Guinea, Papua New Guinea, Guinea-Bissau and Equatorial Guinea", new[] { "GN", "PG", "GW", "GQ" })]
    [InlineData("Dominica and the Dominican Republic", new[] { "DM", "DO" })]
    [InlineData("Congo and the Democratic Republic of the Congo", new[] { "CG", "CD" })]
    [InlineData("Sudan and South Sudan", new[] { "SD", "SS" })]
    [InlineData("South Sudan", new[] { "SS" })]
    public void Overlapping_names_take_the_longest_match(string text, string[] codes)
    {
        Assert.Equal(codes, Codes(text));
    }

    [Fact]
    public void Names_broken_across_lines_are_found()
    {
        Assert.Equal(["BA", "LA", "DO"], Codes("Bosnia and\nHerzegovina, Lao People's\r\nDemocratic  Republic and Dominican\n Republic"));
    }

    [Fact]
    public void Matched_text_is_the_name_as_printed_with_the_canonical_english_name()
    {
        var mention = Assert.Single(_countries.Find("workers in Brasil."));
        Assert.Equal(new CountryMention("BR", "Brazil", "Brasil"), mention);
        Assert.Equal("Democratic Republic of the Congo", Assert.Single(_countries.Find("DRC")).Name);
        Assert.Equal("Côte d'Ivoire", Assert.Single(_countries.Find("Cote d’Ivoire")).Name);
    }

    [Theory]
    [InlineData("Chinese investors and a Brazilian delegation met Peruvian and Turkish employers")]
    [InlineData("countries of Central America, the Sahel, Southern Africa, West Africa and Latin America")]
    [InlineData("Small Island Developing States in the Caribbean and the Pacific")]
    [InlineData("a turkey farm and jersey fabric")]
    [InlineData("let us know; the car industry")]
    [InlineData("the Indian Ocean and the Arab region")]
    [InlineData("fisheries of the Gulf of Guinea and the Niger Delta")]
    [InlineData("apprentices from New Mexico")]
    public void Demonyms_regions_and_common_words_are_not_countries(string text)
    {
        Assert.Empty(_countries.Find(text));
    }

    [Fact]
    public void A_place_named_after_a_country_does_not_hide_the_country_next_to_it()
    {
        Assert.Equal(["GN", "NE"], Codes("Gulf of Guinea ports in Guinea and the Niger Delta traders of Niger"));
    }

    [Fact]
    public void Abbreviations_count_only_in_capitals()
    {
        Assert.Equal(["US", "GB"], Codes("partners in the US and the UK"));
        Assert.Empty(Codes("ask us and uk"));
    }

    [Fact]
    public void Capitalised_titles_are_matched()
    {
        Assert.Equal(["ET"], Codes("STRENGTHENING PUBLIC EMPLOYMENT SERVICES IN ETHIOPIA AND THE IGAD REGION"));
        Assert.Equal(["ZA"], Codes("WOMEN IN SOUTH AFRICA"));
        Assert.Empty(Codes("SSTC FOR FINANCIAL INCLUSION OF WOMEN IN SOUTHERN AFRICA"));
    }

    [Theory]
    [InlineData("BR", "BR")]
    [InlineData("br", "BR")]
    [InlineData("BRA", "BR")]
    [InlineData("Brazil", "BR")]
    [InlineData("Brasil", "BR")]
    [InlineData(" brasil ", "BR")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("cote divoire", null)]
    [InlineData("DRC", "CD")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("Atlantis", null)]
    [InlineData("", null)]
    [InlineData("ZZ", null)]
    public void Resolve_accepts_codes_and_names(string input, string? expected)
    {
        Assert.Equal(expected, _countries.Resolve(input));
    }

    [Fact]
    public void Canonical_names_are_english_and_cover_the_iso_list()
    {
        var names = _countries.CanonicalNames;
        Assert.InRange(names.Count, 240, 260);
        Assert.All(names.Keys, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Equal("Brazil", names["BR"]);
        Assert.Equal("Antigua and Barbuda", names["AG"]);
        Assert.False(names.ContainsKey("IV"));
        // Every canonical name finds its own code.
        Assert.All(names, kv => Assert.Equal(kv.Key, _countries.Resolve(kv.Value)));
    }
}
