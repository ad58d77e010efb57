"""Project data of the blind fixtures lualatex-photos-es and chromium-numbered-en (written for them, not shared with
the tuned fixtures). Ground truth lives here: expected.json is written from these dicts (pages read back with pdftotext)."""

# ILO Programme and Budget 2020-21 policy outcomes 1-8 (English and Spanish editions).
OUTCOMES = {
    "en": {
        "1": "Strong tripartite constituents and influential and inclusive social dialogue",
        "2": "International labour standards and authoritative and effective supervision",
        "3": "Economic, social and environmental transitions for full, productive and freely chosen employment and decent work for all",
        "4": "Sustainable enterprises as generators of employment and promoters of innovation and decent work",
        "5": "Skills and lifelong learning to facilitate access to and transitions in the labour market",
        "6": "Gender equality and equal opportunities and treatment for all in the world of work",
        "7": "Adequate and effective protection at work for all",
        "8": "Comprehensive and sustainable social protection for all",
    },
    "es": {
        "1": "Mandantes tripartitos fuertes y diálogo social influyente e inclusivo",
        "2": "Normas internacionales del trabajo y control reconocido y eficaz",
        "3": "Transiciones económicas, sociales y medioambientales para el empleo pleno, productivo y libremente elegido y el trabajo decente para todos",
        "4": "Empresas sostenibles como generadoras de empleo y promotoras de innovación y trabajo decente",
        "5": "Competencias y aprendizaje permanente para facilitar el acceso al mercado de trabajo y las transiciones en el mismo",
        "6": "Igualdad de género e igualdad de oportunidades y de trato para todos en el mundo del trabajo",
        "7": "Protección adecuada y eficaz en el trabajo para todos",
        "8": "Protección social integral y sostenible para todos",
    },
}

LAC, AFRICA, ARAB, ASIA, EUROPE = ("Latin America and the Caribbean", "Africa", "Arab States", "Asia and the Pacific",
                                   "Eastern Europe and Central Asia")
REGION_ES = {LAC: "América Latina y el Caribe", AFRICA: "África", ARAB: "Estados Árabes", ASIA: "Asia y el Pacífico",
             EUROPE: "Europa Oriental y Asia Central"}

def card(lang, region, title, description, countries, outcome, topics=(), caption=None, **labels):
    return dict(lang=lang, region=region, title=title, description=description, countries=list(countries), countriesOptional=[],
                outcome=outcome, outcome_title=OUTCOMES[lang][outcome], topics=list(topics), tags=[], caption=caption,
                partners=labels.get("partners"), budget=labels.get("budget"), duration=labels.get("duration"),
                quote=labels.get("quote"))

# --- Spanish (lualatex-photos-es) ---------------------------------------------------------------------------------
ES = [
    card("es", LAC, "Intercambio entre Colombia y Ecuador sobre la inspección del trabajo en la floricultura",
         "Inspectores del trabajo de Colombia y Ecuador compartirán protocolos de seguridad y salud en el trabajo para los invernaderos "
         "de flores de exportación. Se realizarán dos visitas conjuntas a fincas de Cundinamarca y Pichincha y un taller binacional "
         "con empleadores y sindicatos del sector.",
         ["CO", "EC"], "7", ["osh"], caption="Foto: inspectoras durante una visita a un invernadero de rosas. © OIT"),
    card("es", LAC, "Red andina de observatorios del mercado de trabajo",
         "Los ministerios de trabajo de Perú, Bolivia y Chile pondrán en común las metodologías de sus observatorios laborales y "
         "armonizarán los indicadores de información del mercado de trabajo. El proyecto incluye una plataforma web compartida y "
         "cursos a distancia para analistas.",
         ["PE", "BO", "CL"], "3", ["labour-statistics"]),
    card("es", LAC, "Cooperación triangular sobre el trabajo doméstico remunerado",
         "Con el apoyo del Gobierno de España, el Banco de Previsión Social de Uruguay acompañará a Paraguay en el diseño de un régimen "
         "de seguridad social para las trabajadoras domésticas, mediante pasantías técnicas, asesoría jurídica y una campaña nacional "
         "de registro.",
         ["ES", "UY", "PY"], "8", ["social-protection"]),
    card("es", LAC, "Jóvenes rurales y empleos verdes en Centroamérica",
         "Escuelas técnicas agropecuarias de Honduras, El Salvador y Nicaragua desarrollarán módulos de formación profesional en "
         "agroforestería y energía solar orientados a empleos verdes, con prácticas en cooperativas locales y un encuentro regional "
         "de jóvenes egresados en Tegucigalpa.",
         ["HN", "SV", "NI"], "5", ["tvet", "green-jobs"], caption="Foto: aprendices instalan paneles solares en una escuela agrícola."),
    card("es", LAC, "Diálogo social en los puertos del Caribe",
         "Autoridades portuarias, empleadores y sindicatos de la República Dominicana, Cuba y Jamaica intercambiarán experiencias de "
         "negociación colectiva en la modernización de las terminales de contenedores, con un seminario en Santo Domingo y una guía "
         "de buenas prácticas.",
         ["DO", "CU", "JM"], "1", ["social-dialogue"]),
    card("es", AFRICA, "Formalización de microempresas en África Occidental",
         "Cámaras de comercio de Senegal, Benín y Malí compartirán herramientas para simplificar el registro de microempresas y ampliar "
         "su acceso al crédito, con una feria de emprendimiento en Dakar y la capacitación de asesores empresariales de los tres países.",
         ["SN", "BJ", "ML"], "4", ["informality", "enterprises"], caption="Foto: feria de emprendimiento en Dakar. © OIT/A. Diop"),
    card("es", AFRICA, "Protección de los trabajadores migrantes entre Etiopía y Kenia",
         "Los ministerios de trabajo de Etiopía y Kenia elaborarán un protocolo común sobre la contratación equitativa de trabajadores "
         "migrantes, con la participación de las agencias de contratación privadas, de las organizaciones de la diáspora y de los "
         "sindicatos de ambos países.",
         ["ET", "KE"], "7", ["labour-migration"]),
    card("es", AFRICA, "Seguro social para la pesca artesanal en África Occidental y Central",
         "Las cajas de seguridad social de Ghana, Togo y Camerún adaptarán sus regímenes a los ingresos irregulares de la pesca "
         "artesanal, mediante un estudio actuarial compartido, un viaje de estudio a Accra y materiales de afiliación en lenguas locales.",
         ["GH", "TG", "CM"], "8", ["social-protection"]),
    card("es", AFRICA, "Comunidades cacaoteras libres de trabajo infantil",
         "Comunidades productoras de cacao de Côte d'Ivoire y Nigeria intercambiarán métodos de vigilancia del trabajo infantil, "
         "con comités comunitarios, formación de docentes rurales y una hoja de ruta acordada con las cooperativas exportadoras.",
         ["CI", "NG"], "7", ["child-labour"], caption="Foto: reunión de un comité comunitario de vigilancia."),
    card("es", ASIA, "Igualdad salarial en la industria de la confección",
         "Sindicatos y asociaciones de empleadores de Bangladesh y Camboya, con el apoyo técnico de la India, estudiarán la brecha "
         "salarial de género en las fábricas de confección y prepararán cláusulas modelo para la negociación colectiva.",
         ["BD", "KH", "IN"], "6", ["gender-equality"]),
    card("es", ASIA, "Empleo de emergencia tras los ciclones en el Pacífico",
         "Fiyi, Vanuatu y Samoa compartirán programas de empleo intensivo en mano de obra para la reconstrucción tras los ciclones, "
         "con un manual común de reducción del riesgo de desastres y la capacitación de contratistas locales.",
         ["FJ", "VU", "WS"], "3", ["disaster-risk-reduction"], caption="Foto: obras de reconstrucción de un camino rural. © OIT"),
    card("es", ASIA, "Reconocimiento de competencias entre Indonesia y Filipinas",
         "Institutos politécnicos de Indonesia y Filipinas diseñarán juntos un sistema de reconocimiento del aprendizaje previo para "
         "técnicos de mantenimiento, con evaluaciones piloto en Surabaya y Cebú y una plataforma de intercambio para tutores de empresa.",
         ["ID", "PH"], "5", ["skills"]),
    card("es", ARAB, "Mujeres emprendedoras en la economía digital",
         "Jordania y el Líbano pondrán en marcha un programa conjunto para mujeres emprendedoras en servicios digitales, con "
         "incubadoras en Amán y Beirut, mentorías cruzadas y un estudio sobre las barreras al trabajo a distancia.",
         ["JO", "LB"], "6", ["women-economic-empowerment"]),
    card("es", ARAB, "Encuestas de fuerza de trabajo armonizadas en el Golfo",
         "Las oficinas nacionales de estadística de Omán, Kuwait y Bahrein armonizarán sus encuestas de fuerza de trabajo con las "
         "normas internacionales, mediante talleres técnicos en Mascate y el intercambio de microdatos anonimizados.",
         ["OM", "KW", "BH"], "3", ["labour-statistics"]),
    card("es", EUROPE, "Pensiones para los trabajadores de plataformas en Asia Central",
         "Los fondos de pensiones de Kazajistán, Kirguistán y Uzbekistán analizarán cómo afiliar a los trabajadores de plataformas "
         "digitales, con un estudio comparado, un taller en Almaty y propuestas de reforma presentadas a los consejos tripartitos.",
         ["KZ", "KG", "UZ"], "8", ["social-protection"], caption="Foto: repartidores en Almaty."),
]

# --- English (chromium-numbered-en) -------------------------------------------------------------------------------
EN = [
    card("en", AFRICA, "Digital labour inspection tools shared between Rwanda and Zambia",
         "The labour inspectorates of Rwanda and Zambia will jointly adapt a mobile case-management application for inspection visits, "
         "train forty inspectors in its use and publish anonymised data on workplace accidents to guide prevention campaigns.",
         ["RW", "ZM"], "7", [], partners="Ministries of labour; African Regional Labour Administration Centre (ARLAC)",
         budget="USD 180,000", duration="18 months",
         quote=("When inspectors from two countries walk a site together, they see twice as much.", "A senior labour inspector, Lusaka")),
    card("en", AFRICA, "Namibia–Botswana cooperation on unemployment insurance",
         "Botswana, which is preparing its first unemployment insurance scheme, will learn from the Social Security Commission of Namibia "
         "through secondments of actuaries, a joint review of contribution rules and a tripartite study visit to Windhoek.",
         ["BW", "NA"], "8", ["social-protection"], partners="Social Security Commission; ministries of labour; employers' and workers' organizations",
         budget="USD 95,000", duration="12 months"),
    card("en", AFRICA, "Upgrading informal apprenticeships in Benin and Nigeria",
         "Master craftspersons' associations in Benin and Nigeria will exchange methods for upgrading apprenticeships in the informal economy, including "
         "competency-based assessment, certificates recognised by the national qualifications frameworks and literacy modules for young apprentices.",
         ["BJ", "NG"], "5", ["tvet", "informality"], partners="Craft associations; national TVET agencies", budget="USD 140,000", duration="24 months"),
    card("en", ASIA, "Safety and health of brick kiln workers in Nepal and Pakistan",
         "Employers' federations, kiln owners and trade unions from Nepal and Pakistan will compare measures against heat stress and dust "
         "exposure, pilot a joint safety and health checklist and share lessons on ending debt bondage in the sector.",
         ["NP", "PK"], "7", ["osh"], partners="Brick kiln owners' associations; trade union federations", budget="USD 210,000", duration="24 months"),
    card("en", ASIA, "Public employment services for rural youth in Timor-Leste",
         "Building on the network of job centres in Indonesia, the employment agency of Timor-Leste will receive coaching on job matching, "
         "vacancy registration and career guidance for rural youth, ending with a joint forum in Dili.",
         ["TL", "ID"], "3", ["employment-services"], partners="National employment agencies", budget="USD 75,000", duration="10 months",
         quote=("Our counsellors now reach villages that never saw a vacancy notice.", "An employment officer, Dili")),
    card("en", ASIA, "Collective bargaining in the electronics industry",
         "Trade unions and employers from Viet Nam and Malaysia will share experiences of enterprise-level collective bargaining in "
         "electronics factories, train negotiators from both sides and prepare a handbook on wage setting and working time.",
         ["VN", "MY"], "1", ["social-dialogue"], partners="Electronics employers' groups; national trade union centres", budget="USD 160,000", duration="20 months"),
    card("en", ASIA, "Hospitality training for resort workers in Sri Lanka and the Maldives",
         "Hotel schools in Sri Lanka and the Maldives will co-design short courses for resort workers on guest services, food safety and "
         "reef conservation, promoting sustainable tourism and placing graduates with member resorts of both hotel associations.",
         ["LK", "MV"], "5", ["sustainable-tourism"], partners="Hotel schools; national hotel associations", budget="USD 120,000", duration="18 months"),
    card("en", LAC, "Measuring unpaid care work in Central America",
         "The national statistical institute of Argentina will support Guatemala and Honduras in adding time-use and care-work questions "
         "to their labour force surveys, with a joint methodology note and a training course for survey supervisors.",
         ["AR", "GT", "HN"], "6", ["labour-statistics"], partners="National statistical institutes; ministries of women", budget="USD 130,000", duration="16 months"),
    card("en", LAC, "Coffee cooperatives as sustainable enterprises",
         "Coffee cooperatives from Colombia and Peru will exchange business models for quality premiums and shared processing, support "
         "enterprise development among young members and organize a study tour to the cooperatives of Huila.",
         ["CO", "PE"], "4", ["enterprises"], partners="Cooperative federations; coffee growers' associations", budget="USD 110,000", duration="14 months",
         quote=("A cooperative that learns from another one does not start from zero.", "A cooperative manager, Cajamarca")),
    card("en", LAC, "A joint agenda on labour migration for the island of Hispaniola",
         "The labour ministries of Haiti and the Dominican Republic will draft a bilateral protocol on the recruitment and registration of "
         "migrant workers in construction and agriculture, supported by a joint consultative committee of employers and unions.",
         ["HT", "DO"], "7", ["labour-migration"], partners="Ministries of labour; employers' and workers' organizations", budget="USD 150,000", duration="24 months"),
    card("en", ARAB, "Employment-intensive infrastructure for young people",
         "The national employment programme of Jordan will share its employment-intensive infrastructure approach with the Ministry of "
         "Labour and Social Affairs of Iraq, through a study visit to Amman, on-the-job coaching of engineers and a shared monitoring "
         "framework for decent jobs for youth.",
         ["JO", "IQ"], "3", ["youth-employment"], partners="Ministries of labour; municipal engineering departments", budget="USD 240,000", duration="24 months"),
    card("en", ARAB, "Standard contracts for domestic workers in Kuwait and Bahrain",
         "Kuwait and Bahrain will compare their standard employment contracts for domestic workers against international labour standards, "
         "agree on common provisions on rest days and wage protection and develop awareness materials for employers and recruitment agencies.",
         ["KW", "BH"], "2", [], partners="Labour market authorities; recruitment agency associations", budget="USD 85,000", duration="12 months"),
    card("en", EUROPE, "Green skills for the energy transition in Azerbaijan and Georgia",
         "Vocational training colleges in Azerbaijan and Georgia will develop green skills curricula for solar and wind technicians, with employers' "
         "organizations validating occupational standards and a joint summer school in Tbilisi.",
         ["AZ", "GE"], "5", ["green-jobs", "tvet"], partners="Vocational colleges; employers' organizations", budget="USD 170,000", duration="18 months"),
    card("en", EUROPE, "Mine safety inspection in Kazakhstan and Mongolia",
         "Mine inspectors from Kazakhstan and Mongolia will review each other's procedures for underground coal mines, test a common "
         "occupational safety audit tool and train mine rescue teams during a joint exercise in Karaganda.",
         ["KZ", "MN"], "7", ["osh"], partners="Mining inspectorates; mine rescue services", budget="USD 190,000", duration="20 months"),
    card("en", EUROPE, "Labour inspectors against human trafficking",
         "Labour inspectors and police units of the Republic of Moldova and Ukraine will set up joint procedures to identify victims of "
         "forced labour among seasonal workers, exchange case files and train frontline staff on referral to support services.",
         ["MD", "UA"], "7", ["forced-labour"], partners="Labour inspectorates; national anti-trafficking units", budget="USD 125,000", duration="15 months"),
]
