using System.Globalization;

namespace SstcFunctions.Benchmarks;

/// <summary>The generator's designs and the words its cards are made of.</summary>
public static partial class Generator
{
    private static readonly Design[] Designs =
    [
        new("landscape-3col-banner", true, 3, 2, "Liberation Sans", 12, 9.5, 8, false, false, false, true, "#c4402a"),
        new("portrait-2col-serif", false, 2, 3, "Liberation Serif", 12.5, 10, 8.5, false, false, false, false, "#1e2dbe"),
        new("landscape-4col-badges", true, 4, 2, "DejaVu Sans", 10, 8, 7, true, false, false, true, "#2a7d4f"),
        new("portrait-3col-bands", false, 3, 3, "Liberation Sans", 10.5, 8.5, 7.5, false, false, true, true, "#7a3fa0"),
        new("portrait-2col-tags", false, 2, 3, "Liberation Sans", 11, 8.5, 7.5, false, true, false, false, "#b06a00"),
        // Masonry: cards of varying heights stacked in three columns (6 a page, 1-3 per column, heights drawn at random, so card
        // edges never line up across columns), one region per page, serif, scrambled. Rows = most cards in a column.
        new("portrait-3col-masonry-serif", false, 3, 3, "Liberation Serif", 9.5, 8, 7, false, false, false, true, "#8a1c3c", Masonry: true),
    ];

    private static readonly (string Heading, string Name, string[] Countries)[] Regions =
    [
        ("LATIN AMERICA AND THE CARIBBEAN", "Latin America and the Caribbean",
            ["AR", "BR", "CL", "CO", "PE", "UY", "PY", "MX", "CR", "GT", "HN", "PA", "EC", "DO", "JM", "CU"]),
        ("AFRICA", "Africa",
            ["KE", "ET", "GH", "SN", "NG", "ZA", "TZ", "UG", "RW", "MZ", "ZM", "CM", "CI", "ML", "BF", "MW"]),
        ("ARAB STATES", "Arab States",
            ["JO", "LB", "IQ", "OM", "KW", "QA", "SA", "AE", "YE", "BH"]),
        ("ASIA AND THE PACIFIC", "Asia and the Pacific",
            ["IN", "CN", "ID", "VN", "TH", "PH", "KH", "LA", "NP", "BD", "LK", "MN", "FJ", "PK", "MY"]),
        ("EASTERN EUROPE AND CENTRAL ASIA", "Eastern Europe and Central Asia",
            ["AL", "AM", "AZ", "BA", "GE", "KZ", "KG", "MD", "ME", "MK", "RS", "TJ", "UA", "UZ"]),
        ("INTERREGIONAL", "Interregional",
            ["BR", "IN", "ZA", "CN", "MX", "ID", "EG", "KE", "TR", "AR"]),
    ];

    private static readonly Dictionary<string, string> CountryNames = new()
    {
        ["AR"] = "Argentina", ["BR"] = "Brazil", ["CL"] = "Chile", ["CO"] = "Colombia", ["PE"] = "Peru", ["UY"] = "Uruguay",
        ["PY"] = "Paraguay", ["MX"] = "Mexico", ["CR"] = "Costa Rica", ["GT"] = "Guatemala", ["HN"] = "Honduras",
        ["PA"] = "Panama", ["EC"] = "Ecuador", ["DO"] = "Dominican Republic", ["JM"] = "Jamaica", ["CU"] = "Cuba",
        ["KE"] = "Kenya", ["ET"] = "Ethiopia", ["GH"] = "Ghana", ["SN"] = "Senegal", ["NG"] = "Nigeria",
        ["ZA"] = "South Africa", ["TZ"] = "Tanzania", ["UG"] = "Uganda", ["RW"] = "Rwanda", ["MZ"] = "Mozambique",
        ["ZM"] = "Zambia", ["CM"] = "Cameroon", ["CI"] = "Côte d'Ivoire", ["ML"] = "Mali", ["BF"] = "Burkina Faso",
        ["MW"] = "Malawi", ["JO"] = "Jordan", ["LB"] = "Lebanon", ["IQ"] = "Iraq", ["OM"] = "Oman", ["KW"] = "Kuwait",
        ["QA"] = "Qatar", ["SA"] = "Saudi Arabia", ["AE"] = "United Arab Emirates", ["YE"] = "Yemen", ["BH"] = "Bahrain",
        ["IN"] = "India", ["CN"] = "China", ["ID"] = "Indonesia", ["VN"] = "Viet Nam", ["TH"] = "Thailand",
        ["PH"] = "Philippines", ["KH"] = "Cambodia", ["LA"] = "Lao People's Democratic Republic", ["NP"] = "Nepal",
        ["BD"] = "Bangladesh", ["LK"] = "Sri Lanka", ["MN"] = "Mongolia", ["FJ"] = "Fiji", ["PK"] = "Pakistan",
        ["MY"] = "Malaysia", ["AL"] = "Albania", ["AM"] = "Armenia", ["AZ"] = "Azerbaijan",
        ["BA"] = "Bosnia and Herzegovina", ["GE"] = "Georgia", ["KZ"] = "Kazakhstan", ["KG"] = "Kyrgyzstan",
        ["MD"] = "Republic of Moldova", ["ME"] = "Montenegro", ["MK"] = "North Macedonia", ["RS"] = "Serbia",
        ["TJ"] = "Tajikistan", ["UA"] = "Ukraine", ["UZ"] = "Uzbekistan", ["EG"] = "Egypt", ["TR"] = "Türkiye",
    };

    private static readonly (string Id, string Title)[] Outcomes =
    [
        ("1", "Strong tripartite constituents and influential and inclusive social dialogue"),
        ("2", "International labour standards and authoritative and effective supervision"),
        ("3", "Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all"),
        ("4", "Sustainable enterprises as generators of employment and promoters of innovation and decent work"),
        ("5", "Skills and lifelong learning to facilitate access to and transitions in the labour market"),
        ("6", "Gender equality and equal opportunities and treatment for all in the world of work"),
        ("7", "Adequate and effective protection at work for all"),
        ("8", "Comprehensive and sustainable social protection for all"),
        ("A", "Authoritative knowledge and high-impact partnerships for promoting decent work"),
    ];

    private static readonly string[] Actions =
    [
        "STRENGTHENING", "PROMOTING", "SUPPORTING", "BUILDING CAPACITY FOR", "PEER LEARNING ON", "SHARING KNOWLEDGE ON",
        "IMPROVING", "SCALING UP", "EXCHANGING EXPERIENCE ON", "ADVANCING", "MODERNIZING", "EXPANDING", "RETHINKING",
        "MEASURING", "FINANCING", "DESIGNING",
    ];

    private static readonly (string Title, string Prose, string Outcome)[] Subjects =
    [
        ("LABOUR MIGRATION GOVERNANCE", "fair recruitment and the protection of migrant workers along labour migration corridors", "A"),
        ("PUBLIC EMPLOYMENT SERVICES", "the reform of public employment services and job-matching platforms", "3"),
        ("SKILLS RECOGNITION", "the recognition of prior learning and portable skills certificates", "5"),
        ("VOCATIONAL TRAINING SYSTEMS", "technical and vocational education and training institutions", "5"),
        ("SOCIAL PROTECTION FLOORS", "the extension of social protection floors to informal workers", "8"),
        ("OCCUPATIONAL SAFETY AND HEALTH", "occupational safety and health inspection in agriculture and construction", "7"),
        ("WOMEN'S ENTREPRENEURSHIP", "women entrepreneurs' access to finance and markets", "6"),
        ("GREEN JOBS", "green jobs and a just transition in energy and waste management", "3"),
        ("SOCIAL DIALOGUE INSTITUTIONS", "tripartite social dialogue institutions and collective bargaining", "1"),
        ("LABOUR STATISTICS", "labour force surveys and labour market information systems", "A"),
        ("FORMALIZATION OF ENTERPRISES", "the transition of micro and small enterprises to the formal economy", "4"),
        ("CHILD LABOUR ELIMINATION", "the elimination of child labour in supply chains", "7"),
        ("COOPERATIVES AND THE SOCIAL ECONOMY", "cooperatives and the social and solidarity economy", "4"),
        ("YOUTH EMPLOYMENT POLICIES", "national youth employment policies and apprenticeships", "3"),
        ("DISASTER RISK REDUCTION", "employment-intensive recovery after disasters and disaster risk reduction", "3"),
        ("SUSTAINABLE TOURISM", "sustainable tourism and local economic development in rural areas", "4"),
        ("INTERNATIONAL LABOUR STANDARDS", "the ratification and reporting on international labour standards", "2"),
        ("DOMESTIC WORKERS' RIGHTS", "decent work for domestic workers and care workers", "6"),
        ("DIGITAL PLATFORM WORK", "decent work on digital labour platforms", "1"),
        ("PRODUCTIVITY ECOSYSTEMS", "productivity ecosystems for small enterprises", "4"),
        ("MIGRANT WORKERS' SKILLS", "skills partnerships for migrant workers and returnees", "5"),
        ("UNEMPLOYMENT INSURANCE", "unemployment insurance schemes and income security", "8"),
    ];

    private static readonly string[] Scopes =
    [
        "IN {0}", "BETWEEN {0} AND {1}", "ACROSS THE REGION", "THROUGH SOUTH-SOUTH COOPERATION", "IN {0} AND {1}",
        "FOR SMALL ISLAND DEVELOPING STATES", "THROUGH TRIANGULAR COOPERATION", "AFTER COVID-19", "IN RURAL AREAS OF {0}",
        "WITH {0} AS A HUB",
    ];

    private static readonly string[] Openers =
    [
        "This project will facilitate knowledge-sharing among ILO constituents from {C} on {P}.",
        "Constituents from {C} will take part in peer-learning seminars and study visits on {P}.",
        "The ILO will support exchanges between {C} to strengthen {P}.",
        "Building on a successful pilot, experts from {C} will document good practices on {P}.",
        "Ministries of labour, employers and workers from {C} will jointly design tools on {P}.",
    ];

    private static readonly string[] Fillers =
    [
        "Activities include online training, a regional workshop and the publication of a practical guide.",
        "A community of practice will keep the exchange going after the project ends.",
        "Trainers will be certified so that national institutions can repeat the courses on their own.",
        "The results will be presented at a tripartite meeting and feed into national policy reviews.",
        "Special attention will be paid to women, young people and workers in the informal economy.",
        "Virtual components allow participants to join despite travel restrictions.",
        "A short study tour lets practitioners see the approach at work in the host institution.",
        "Each partner institution will appoint a focal point to follow up on the agreed action plan.",
        "The project builds on previous cooperation between the national training institutions involved.",
        "Lessons learned will be shared through the South-South Meeting Point platform.",
    ];

    private static readonly string[] TagWords = ["Triangular", "South-South", "Study tour", "Peer learning", "Fellowship", "Online", "SIDS-to-SIDS"];
}
