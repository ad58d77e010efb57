"""Invented SSTC-like projects shared by the fixture designs (ground truth lives here, not in the PDFs)."""

OUTCOMES = {
    "1": "Strong tripartite constituents and influential and inclusive social dialogue",
    "2": "International labour standards and authoritative and effective supervision",
    "3": "Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all",
    "4": "Sustainable enterprises as generators of employment and promoters of innovation and decent work",
    "5": "Skills and lifelong learning to facilitate access to and transitions in the labour market",
    "6": "Gender equality and equal opportunities and treatment for all in the world of work",
    "7": "Adequate and effective protection at work for all",
    "8": "Comprehensive and sustainable social protection for all",
    "A": "Authoritative knowledge and high-impact partnerships for promoting decent work",
}

LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER = (
    "Latin America and the Caribbean", "Africa", "Arab States", "Asia and the Pacific",
    "Eastern Europe and Central Asia", "International Training Centre (ITC-ILO)", "Interregional")

def p(region, title, description, countries, outcome, tags=(), topics=(), optional=()):
    return dict(region=region, title=title, description=description, countries=list(countries),
                countriesOptional=list(optional), outcome=outcome, tags=list(tags), topics=list(topics))

PROJECTS = [
    p(LAC, "Peer learning on public employment services for young people in the Andean countries",
      "Employment service managers from Bolivia (Plurinational State of), Perú and Ecuador will compare how their job centres reach young jobseekers. "
      "Two study visits and a series of webinars will document digital job matching tools and produce a joint guide for counsellors.",
      ["BO", "PE", "EC"], "3", ["Triangular", "Study tour"], ["employment-services"]),
    p(LAC, "Brasil–México exchange on apprenticeship quality",
      "Training institutions from Brasil and México will exchange experiences on quality apprenticeships in the automotive and agro-industrial sectors, "
      "with employers' organizations designing a shared set of standards for workplace mentors and a regional toolkit.",
      ["BR", "MX"], "5", ["South-South", "Peer learning"]),
    p(LAC, "Caribbean small island states cooperation on social protection floors",
      "Jamaica, Barbados, Saint Lucia and Trinidad and Tobago will share actuarial methods for extending social protection floors to self-employed workers, "
      "through a technical workshop in Bridgetown and remote coaching for the social security institutions involved.",
      ["JM", "BB", "LC", "TT"], "8", ["SIDS-to-SIDS"]),
    p(LAC, "Occupational safety and health in the banana value chain of Central America",
      "Labour inspectors from Costa Rica, Panamá, Honduras and Guatemala will develop a common checklist on occupational safety and health for plantations, "
      "test it during joint inspection visits and present the results to the tripartite regional forum.",
      ["CR", "PA", "HN", "GT"], "7", ["Bilateral", "Technical assistance"], ["osh"]),
    p(AFRICA, "Cross-border exchange on the formalization of informal traders in West Africa",
      "Ministries of labour and traders' associations from Côte d'Ivoire, Ghana, Burkina Faso and Togo will exchange practices on simplified registration "
      "and social security for informal cross-border traders, most of them women, and draft a sub-regional road map.",
      ["CI", "GH", "BF", "TG"], "3", ["South-South", "Policy dialogue"]),
    p(AFRICA, "Green jobs for youth through solar energy skills in East Africa",
      "Technical colleges in Kenya, Uganda and the United Republic of Tanzania will co-develop short courses on solar installation and maintenance, "
      "placing young graduates with local enterprises and sharing curricula through an open online repository.",
      ["KE", "UG", "TZ"], "5", ["Triangular", "Training"], ["green-jobs"]),
    p(AFRICA, "Strengthening labour migration governance between Southern African Development Community member states",
      "Officials from Lesotho, Mozambique, Malawi and Zimbabwe will study bilateral labour agreements with South Africa and draft model clauses on "
      "recruitment fees, portability of benefits and the protection of migrant domestic workers.",
      ["LS", "MZ", "MW", "ZW", "ZA"], "7", ["Regional"], ["labour-migration"]),
    p(AFRICA, "Cabo Verde and Senegal exchange on sustainable tourism employment",
      "Hotel associations, unions and tourism ministries of Cabo Verde and Senegal will share approaches to decent work in coastal tourism, "
      "including seasonal contracts and training for local guides, with a joint study tour to Mindelo.",
      ["CV", "SN"], "4", ["Bilateral", "Study tour"], ["sustainable-tourism"]),
    p(AFRICA, "Rural cooperatives and market access in the Sahel",
      "Producer cooperatives from Niger, Mali and Chad will learn from Burkina Faso's experience with collective marketing of shea and sesame, "
      "through exchange visits, a joint training of cooperative managers and a small fund for pilot initiatives.",
      ["NE", "ML", "TD", "BF"], "4", ["South-South", "Exchange visit"]),
    p(AFRICA, "Social health protection for informal workers in Rwanda and Ethiopia",
      "Rwanda will share the design of its community-based health insurance with Ethiopia, and both countries will assess options for "
      "enrolling informal workers and their families.",
      ["RW", "ET"], "8", ["Bilateral"], ["social-protection"]),
    p(AFRICA, "Labour inspection capacity in North Africa",
      "Labour inspectors from Algeria, Libya and Mauritania will follow a course developed with Morocco's inspection academy on planning "
      "inspections, handling complaints and using mobile tools in the field, with follow-up coaching during the first year of practice.",
      ["DZ", "LY", "MR", "MA"], "2", ["Triangular", "Training"]),
    p(ARAB, "Social dialogue for wage policy in the Mashreq",
      "Workers' and employers' organizations from Jordan, Lebanon and Iraq will learn from Tunisia's experience of tripartite wage negotiation, "
      "through a regional seminar and coaching sessions on evidence-based minimum wage setting.",
      ["JO", "LB", "IQ", "TN"], "1", ["Triangular", "Peer learning"], ["social-dialogue"]),
    p(ARAB, "Women's entrepreneurship networks in the Gulf and North Africa",
      "Business women's associations from Oman, Egypt and Morocco will run a mentoring programme for women-led enterprises, "
      "exchange tools on access to finance and publish case studies on how the networks influenced local policies.",
      ["OM", "EG", "MA"], "6", ["South-South", "Mentoring"], ["women-economic-empowerment"]),
    p(ARAB, "Labour statistics cooperation on informal employment in the Arab region",
      "National statistics offices of Palestine, Sudan and Yemen will work with Egypt's statistical agency on labour force survey modules "
      "measuring informal employment, with a joint training course and peer review of questionnaires.",
      ["PS", "SD", "YE", "EG"], "A", ["Technical assistance"], ["labour-statistics"]),
    p(ASIA, "Timor-Leste and Indonesia partnership on skills recognition",
      "The vocational training authorities of Timor-Leste and Indonesia will align competency standards in construction and hospitality, "
      "so that workers trained in one country have their skills recognized in the other, supported by joint assessor training.",
      ["TL", "ID"], "5", ["Bilateral", "Capacity building"], ["skills"]),
    p(ASIA, "Mekong exchange on child labour monitoring in agriculture",
      "Community monitoring committees from Cambodia, Lao People’s Democratic Republic, Myanmar and Viet Nam will share child labour monitoring methods "
      "for rice and sugar cane farms, and labour inspectors will test a common referral protocol across the four countries.",
      ["KH", "LA", "MM", "VN"], "7", ["Regional", "Study tour"], ["child-labour"]),
    p(ASIA, "Pacific islands cooperation on disaster-resilient employment programmes",
      "Fiji, Vanuatu, Samoa and Tonga will exchange lessons on employment-intensive reconstruction after cyclones, drafting guidelines "
      "on local contracting, safe work and the participation of women in public works.",
      ["FJ", "VU", "WS", "TO"], "3", ["SIDS-to-SIDS", "Policy dialogue"], ["disaster-risk-reduction"]),
    p(ASIA, "South Asia knowledge sharing on social security for platform workers",
      "Researchers and social security agencies from India, Bangladesh, Nepal and Sri Lanka will compare schemes that cover delivery and ride-hailing "
      "workers, producing a policy brief for the regional ministerial meeting.",
      ["IN", "BD", "NP", "LK"], "8", ["South-South"], ["social-protection"]),
    p(EUROPE, "Türkiye and Azerbaijan exchange on employment services for refugees",
      "The public employment services of Türkiye and Azerbaijan will exchange tools for profiling refugee jobseekers and matching them with vacancies, "
      "with study visits to local job centres in Gaziantep and Baku.",
      ["TR", "AZ"], "3", ["Bilateral", "Study tour"], ["employment-services"]),
    p(EUROPE, "Central Asian cooperation on occupational safety in mining",
      "Labour inspectorates of Kazakhstan, Kyrgyzstan and Tajikistan will develop a shared training module on occupational safety and health "
      "in small-scale mining and carry out joint inspections with employers' and workers' representatives.",
      ["KZ", "KG", "TJ"], "7", ["Regional", "Training"], ["osh"]),
    p(EUROPE, "Western Balkans peer review of youth guarantee schemes",
      "Serbia, Albania and North Macedonia will review each other's youth guarantee schemes, comparing outreach to young people not in employment, "
      "education or training, and agree on common indicators for monitoring.",
      ["RS", "AL", "MK"], "3", ["Peer review"], ["youth-employment"]),
    p(ITC, "Scholarships for the Turin academy on South-South cooperation",
      "Constituents from the Global South will receive scholarships to attend the ITC-ILO academy on South-South and triangular cooperation, "
      "followed by a mentoring phase in which each participant designs an exchange for their own institution.",
      [], None, ["Scholarships"]),
    p(ITC, "Distance learning on just transition for workers' organizations",
      "The Turin Centre will run a blended course for trade unions from Argentina, Nigeria and the Philippines on just transition policies, "
      "with national action plans reviewed by peers from the other two countries.",
      ["AR", "NG", "PH"], None, ["E-learning"], ["green-jobs"]),
    p(INTER, "Global dialogue on the care economy between Africa and Latin America",
      "Care workers' unions and ministries from Uruguay, Chile, Rwanda and South Africa will compare national care systems and draft joint proposals "
      "on training, pay and social security for care workers, presented at an interregional forum.",
      ["UY", "CL", "RW", "ZA"], "6", ["Interregional", "Policy dialogue"]),
    p(INTER, "Cooperatives and the social and solidarity economy across three continents",
      "Cooperative federations from Colombia, Kenya and Malaysia will exchange business models for producer cooperatives, "
      "with a virtual learning platform and a study tour on cooperative finance.",
      ["CO", "KE", "MY"], "4", ["Triangular", "Study tour"]),
]
