"""Spanish and French editions of the projects in projects.py (translated for the fixtures), plus the labelled
details (partners, budget, duration) some designs print. Indexes follow projects.PROJECTS; country names in the
texts are the same countries as in English, so the ISO codes of the ground truth do not change."""
from projects import LAC, AFRICA, ARAB, ASIA, EUROPE, ITC, INTER

REGIONS = {
    "es": {LAC: "América Latina y el Caribe", AFRICA: "África", ARAB: "Estados Árabes", ASIA: "Asia y el Pacífico",
           EUROPE: "Europa Oriental y Asia Central", ITC: "Centro Internacional de Formación de la OIT (CIF-OIT)", INTER: "Interregional"},
    "fr": {LAC: "Amérique latine et Caraïbes", AFRICA: "Afrique", ARAB: "États arabes", ASIA: "Asie et Pacifique",
           EUROPE: "Europe orientale et Asie centrale", ITC: "Centre international de formation de l’OIT (CIF-OIT)", INTER: "Interrégional"},
}

OUTCOMES = {
    "es": {
        "1": "Mandantes tripartitos sólidos y diálogo social influyente e inclusivo",
        "2": "Normas internacionales del trabajo y control reconocido y efectivo",
        "3": "Transiciones económicas, sociales y medioambientales para el logro del empleo pleno, productivo y libremente elegido y del trabajo decente para todos",
        "4": "Empresas sostenibles como generadoras de empleo y promotoras de innovación y trabajo decente",
        "5": "Competencias profesionales y aprendizaje permanente para facilitar el acceso al mercado de trabajo y las transiciones en el mismo",
        "6": "Igualdad de género e igualdad de oportunidades y de trato para todos en el mundo del trabajo",
        "7": "Protección adecuada y eficaz en el trabajo para todos",
        "8": "Protección social integral y sostenible para todos",
        "A": "Conocimientos autorizados y alianzas de alto impacto para promover el trabajo decente",
    },
    "fr": {
        "1": "Des mandants tripartites forts et un dialogue social influent et inclusif",
        "2": "Des normes internationales du travail et un système de contrôle faisant autorité et efficace",
        "3": "Transitions économiques, sociales et environnementales pour le plein emploi productif et librement choisi et le travail décent pour tous",
        "4": "Des entreprises durables en tant que créatrices d’emplois et vecteurs d’innovation et de travail décent",
        "5": "Compétences et apprentissage tout au long de la vie pour faciliter l’accès au marché du travail et les transitions sur ce marché",
        "6": "Égalité de genre et égalité de chances et de traitement pour tous dans le monde du travail",
        "7": "Une protection adéquate et efficace au travail pour tous",
        "8": "Une protection sociale complète et durable pour tous",
        "A": "Des connaissances qui font autorité et des partenariats à fort impact pour promouvoir le travail décent",
    },
}

# (title, description) per project index.
TEXTS = {
    "es": [
        ("Aprendizaje entre pares sobre servicios públicos de empleo para jóvenes en los países andinos",
         "Responsables de servicios de empleo de Bolivia (Estado Plurinacional de), el Perú y el Ecuador compararán cómo sus centros de empleo llegan a los jóvenes que buscan trabajo. "
         "Dos visitas de estudio y una serie de seminarios web documentarán herramientas digitales de intermediación y darán lugar a una guía común para orientadores."),
        ("Intercambio Brasil–México sobre la calidad del aprendizaje",
         "Instituciones de formación del Brasil y de México intercambiarán experiencias sobre aprendizajes de calidad en los sectores automotor y agroindustrial, "
         "y las organizaciones de empleadores diseñarán normas comunes para los tutores en la empresa y una caja de herramientas regional."),
        ("Cooperación entre pequeños Estados insulares del Caribe sobre pisos de protección social",
         "Jamaica, Barbados, Santa Lucía y Trinidad y Tabago compartirán métodos actuariales para extender los pisos de protección social a los trabajadores por cuenta propia, "
         "mediante un taller técnico en Bridgetown y un acompañamiento a distancia de las instituciones de seguridad social participantes."),
        ("Seguridad y salud en el trabajo en la cadena de valor del banano en Centroamérica",
         "Inspectores del trabajo de Costa Rica, Panamá, Honduras y Guatemala elaborarán una lista de verificación común sobre seguridad y salud en el trabajo para las plantaciones, "
         "la pondrán a prueba en visitas de inspección conjuntas y presentarán los resultados al foro regional tripartito."),
        ("Intercambio transfronterizo sobre la formalización de los comerciantes informales en África Occidental",
         "Ministerios de trabajo y asociaciones de comerciantes de Côte d'Ivoire, Ghana, Burkina Faso y el Togo intercambiarán prácticas de registro simplificado "
         "y de seguridad social para los comerciantes transfronterizos informales, en su mayoría mujeres, y redactarán una hoja de ruta subregional."),
        ("Empleos verdes para jóvenes mediante competencias en energía solar en África Oriental",
         "Escuelas técnicas de Kenya, Uganda y la República Unida de Tanzanía elaborarán conjuntamente cursos cortos de instalación y mantenimiento solar, "
         "colocarán a jóvenes egresados en empresas locales y compartirán los programas en un repositorio abierto en línea."),
        ("Fortalecimiento de la gobernanza de la migración laboral entre Estados miembros de la Comunidad de Desarrollo de África Austral",
         "Funcionarios de Lesotho, Mozambique, Malawi y Zimbabwe estudiarán los acuerdos bilaterales de trabajo con Sudáfrica y redactarán cláusulas modelo sobre "
         "comisiones de contratación, portabilidad de las prestaciones y protección de los trabajadores domésticos migrantes."),
        ("Intercambio entre Cabo Verde y el Senegal sobre empleo en el turismo sostenible",
         "Asociaciones hoteleras, sindicatos y ministerios de turismo de Cabo Verde y el Senegal compartirán enfoques de trabajo decente en el turismo costero, "
         "incluidos los contratos de temporada y la formación de guías locales, con una visita de estudio conjunta a Mindelo."),
        ("Cooperativas rurales y acceso a los mercados en el Sahel",
         "Cooperativas de productores del Níger, Malí y el Chad aprenderán de la experiencia de Burkina Faso en la comercialización colectiva del karité y el sésamo, "
         "mediante visitas de intercambio, una formación conjunta de gerentes de cooperativas y un pequeño fondo para iniciativas piloto."),
        ("Protección social de la salud para trabajadores informales en Rwanda y Etiopía",
         "Rwanda compartirá con Etiopía el diseño de su seguro de salud comunitario, y ambos países evaluarán opciones para "
         "afiliar a los trabajadores informales y a sus familias."),
        ("Capacidad de inspección del trabajo en el Norte de África",
         "Inspectores del trabajo de Argelia, Libia y Mauritania seguirán un curso elaborado con la academia de inspección de Marruecos sobre la planificación "
         "de inspecciones, la tramitación de quejas y el uso de herramientas móviles sobre el terreno, con acompañamiento durante el primer año de práctica."),
        ("Diálogo social para la política salarial en el Mashreq",
         "Organizaciones de trabajadores y de empleadores de Jordania, el Líbano y el Iraq aprenderán de la experiencia de Túnez en la negociación salarial tripartita, "
         "mediante un seminario regional y sesiones de acompañamiento sobre la fijación de salarios mínimos basada en datos."),
        ("Redes de emprendimiento de mujeres en el Golfo y el Norte de África",
         "Asociaciones de empresarias de Omán, Egipto y Marruecos llevarán a cabo un programa de mentoría para empresas dirigidas por mujeres, "
         "intercambiarán herramientas de acceso a la financiación y publicarán estudios de caso sobre la influencia de las redes en las políticas locales."),
        ("Cooperación en estadísticas del trabajo sobre el empleo informal en la región árabe",
         "Las oficinas nacionales de estadística del Estado de Palestina, el Sudán y el Yemen trabajarán con el organismo de estadística de Egipto en módulos de la encuesta de fuerza de trabajo "
         "que midan el empleo informal, con un curso de formación conjunto y una revisión por pares de los cuestionarios."),
        ("Alianza entre Timor-Leste e Indonesia sobre el reconocimiento de competencias",
         "Las autoridades de formación profesional de Timor-Leste e Indonesia armonizarán las normas de competencia en la construcción y la hostelería, "
         "para que las competencias de los trabajadores formados en un país se reconozcan en el otro, con una formación conjunta de evaluadores."),
        ("Intercambio en el Mekong sobre el seguimiento del trabajo infantil en la agricultura",
         "Comités comunitarios de seguimiento de Camboya, la República Democrática Popular Lao, Myanmar y Viet Nam compartirán métodos de seguimiento del trabajo infantil "
         "en arrozales y cañaverales, y los inspectores del trabajo pondrán a prueba un protocolo común de derivación en los cuatro países."),
        ("Cooperación entre islas del Pacífico sobre programas de empleo resilientes a los desastres",
         "Fiji, Vanuatu, Samoa y Tonga intercambiarán enseñanzas sobre la reconstrucción con uso intensivo de empleo tras los ciclones y redactarán directrices "
         "sobre la contratación local, el trabajo seguro y la participación de las mujeres en las obras públicas."),
        ("Intercambio de conocimientos en Asia Meridional sobre seguridad social para trabajadores de plataformas",
         "Investigadores y organismos de seguridad social de la India, Bangladesh, Nepal y Sri Lanka compararán los regímenes que cubren a los repartidores y conductores "
         "de plataformas, y elaborarán una nota de política para la reunión ministerial regional."),
        ("Intercambio entre Türkiye y Azerbaiyán sobre servicios de empleo para refugiados",
         "Los servicios públicos de empleo de Türkiye y Azerbaiyán intercambiarán herramientas para perfilar a los refugiados que buscan empleo y vincularlos con vacantes, "
         "con visitas de estudio a centros de empleo locales en Gaziantep y Bakú."),
        ("Cooperación en Asia Central sobre seguridad en la minería",
         "Las inspecciones del trabajo de Kazajstán, Kirguistán y Tayikistán elaborarán un módulo de formación común sobre seguridad y salud en el trabajo "
         "en la minería en pequeña escala y realizarán inspecciones conjuntas con representantes de empleadores y trabajadores."),
        ("Examen entre pares de los sistemas de garantía juvenil en los Balcanes Occidentales",
         "Serbia, Albania y Macedonia del Norte examinarán mutuamente sus sistemas de garantía juvenil, comparando el alcance entre los jóvenes que no trabajan, "
         "no estudian ni reciben formación, y acordarán indicadores comunes de seguimiento."),
        ("Becas para la academia de Turín sobre cooperación Sur-Sur",
         "Mandantes del Sur Global recibirán becas para asistir a la academia del CIF-OIT sobre cooperación Sur-Sur y triangular, "
         "seguida de una fase de mentoría en la que cada participante diseñará un intercambio para su propia institución."),
        ("Aprendizaje a distancia sobre la transición justa para organizaciones de trabajadores",
         "El Centro de Turín impartirá un curso semipresencial para sindicatos de la Argentina, Nigeria y Filipinas sobre políticas de transición justa, "
         "con planes de acción nacionales examinados por pares de los otros dos países."),
        ("Diálogo mundial sobre la economía del cuidado entre África y América Latina",
         "Sindicatos de trabajadoras del cuidado y ministerios del Uruguay, Chile, Rwanda y Sudáfrica compararán los sistemas nacionales de cuidados y redactarán propuestas conjuntas "
         "sobre formación, remuneración y seguridad social para las personas cuidadoras, que se presentarán en un foro interregional."),
        ("Cooperativas y economía social y solidaria en tres continentes",
         "Federaciones de cooperativas de Colombia, Kenya y Malasia intercambiarán modelos de negocio para cooperativas de productores, "
         "con una plataforma virtual de aprendizaje y una visita de estudio sobre finanzas cooperativas."),
    ],
    "fr": [
        ("Apprentissage entre pairs sur les services publics de l’emploi pour les jeunes des pays andins",
         "Des responsables des services de l’emploi de Bolivie (État plurinational de), du Pérou et de l’Équateur compareront la façon dont leurs agences atteignent les jeunes demandeurs d’emploi. "
         "Deux visites d’étude et une série de webinaires documenteront les outils numériques de mise en relation et aboutiront à un guide commun pour les conseillers."),
        ("Échange Brésil–Mexique sur la qualité de l’apprentissage",
         "Des institutions de formation du Brésil et du Mexique échangeront leurs expériences de l’apprentissage de qualité dans l’automobile et l’agro-industrie, "
         "et les organisations d’employeurs concevront des normes communes pour les tuteurs en entreprise ainsi qu’une boîte à outils régionale."),
        ("Coopération entre petits États insulaires des Caraïbes sur les socles de protection sociale",
         "La Jamaïque, la Barbade, Sainte-Lucie et la Trinité-et-Tobago partageront des méthodes actuarielles pour étendre les socles de protection sociale aux travailleurs indépendants, "
         "au moyen d’un atelier technique à Bridgetown et d’un accompagnement à distance des institutions de sécurité sociale concernées."),
        ("Sécurité et santé au travail dans la filière de la banane en Amérique centrale",
         "Des inspecteurs du travail du Costa Rica, du Panama, du Honduras et du Guatemala élaboreront une liste de contrôle commune sur la sécurité et la santé au travail dans les plantations, "
         "la testeront lors d’inspections conjointes et présenteront les résultats au forum régional tripartite."),
        ("Échange transfrontalier sur la formalisation des commerçants informels en Afrique de l’Ouest",
         "Des ministères du travail et des associations de commerçants de Côte d’Ivoire, du Ghana, du Burkina Faso et du Togo échangeront leurs pratiques d’enregistrement simplifié "
         "et de sécurité sociale pour les commerçants transfrontaliers informels, en majorité des femmes, et rédigeront une feuille de route sous-régionale."),
        ("Emplois verts pour les jeunes grâce aux compétences en énergie solaire en Afrique de l’Est",
         "Des écoles techniques du Kenya, de l’Ouganda et de la République-Unie de Tanzanie concevront ensemble des formations courtes à l’installation et à la maintenance solaires, "
         "placeront de jeunes diplômés dans des entreprises locales et partageront les programmes dans un répertoire ouvert en ligne."),
        ("Renforcer la gouvernance des migrations de main-d’œuvre entre États membres de la Communauté de développement de l’Afrique australe",
         "Des fonctionnaires du Lesotho, du Mozambique, du Malawi et du Zimbabwe étudieront les accords bilatéraux de main-d’œuvre conclus avec l’Afrique du Sud et rédigeront des clauses types sur "
         "les frais de recrutement, la portabilité des prestations et la protection des travailleurs domestiques migrants."),
        ("Échange entre Cabo Verde et le Sénégal sur l’emploi dans le tourisme durable",
         "Des associations hôtelières, des syndicats et des ministères du tourisme de Cabo Verde et du Sénégal partageront leurs approches du travail décent dans le tourisme côtier, "
         "notamment les contrats saisonniers et la formation des guides locaux, avec une visite d’étude conjointe à Mindelo."),
        ("Coopératives rurales et accès aux marchés au Sahel",
         "Des coopératives de producteurs du Niger, du Mali et du Tchad s’inspireront de l’expérience du Burkina Faso en matière de commercialisation collective du karité et du sésame, "
         "grâce à des visites d’échange, une formation commune des gérants de coopératives et un petit fonds pour des initiatives pilotes."),
        ("Protection sociale de la santé pour les travailleurs informels au Rwanda et en Éthiopie",
         "Le Rwanda partagera avec l’Éthiopie la conception de son assurance maladie à base communautaire, et les deux pays évalueront les options pour "
         "affilier les travailleurs informels et leurs familles."),
        ("Capacités de l’inspection du travail en Afrique du Nord",
         "Des inspecteurs du travail d’Algérie, de Libye et de Mauritanie suivront une formation conçue avec l’académie de l’inspection du Maroc sur la planification "
         "des inspections, le traitement des plaintes et l’usage d’outils mobiles sur le terrain, avec un accompagnement pendant la première année d’exercice."),
        ("Dialogue social pour la politique salariale au Machrek",
         "Des organisations de travailleurs et d’employeurs de Jordanie, du Liban et d’Iraq tireront les enseignements de l’expérience de la Tunisie en matière de négociation salariale tripartite, "
         "grâce à un séminaire régional et à des séances d’accompagnement sur la fixation des salaires minima fondée sur des données."),
        ("Réseaux d’entrepreneuriat féminin dans le Golfe et en Afrique du Nord",
         "Des associations de femmes d’affaires d’Oman, d’Égypte et du Maroc mèneront un programme de mentorat pour les entreprises dirigées par des femmes, "
         "échangeront des outils d’accès au financement et publieront des études de cas sur l’influence des réseaux sur les politiques locales."),
        ("Coopération en statistiques du travail sur l’emploi informel dans la région arabe",
         "Les offices nationaux de statistique de l’État de Palestine, du Soudan et du Yémen travailleront avec l’agence statistique de l’Égypte sur des modules d’enquête sur la main-d’œuvre "
         "mesurant l’emploi informel, avec une formation commune et un examen par les pairs des questionnaires."),
        ("Partenariat entre le Timor-Leste et l’Indonésie sur la reconnaissance des compétences",
         "Les autorités de formation professionnelle du Timor-Leste et de l’Indonésie harmoniseront les référentiels de compétences dans le bâtiment et l’hôtellerie, "
         "afin que les compétences des travailleurs formés dans un pays soient reconnues dans l’autre, avec une formation commune des évaluateurs."),
        ("Échange dans le Mékong sur le suivi du travail des enfants dans l’agriculture",
         "Des comités communautaires de suivi du Cambodge, de la République démocratique populaire lao, du Myanmar et du Viet Nam partageront leurs méthodes de suivi du travail des enfants "
         "dans les rizières et les plantations de canne à sucre, et les inspecteurs du travail testeront un protocole commun d’orientation dans les quatre pays."),
        ("Coopération entre îles du Pacifique sur des programmes d’emploi résilients face aux catastrophes",
         "Les Fidji, Vanuatu, le Samoa et les Tonga échangeront les leçons de la reconstruction à haute intensité de main-d’œuvre après les cyclones et rédigeront des lignes directrices "
         "sur la passation locale des marchés, la sécurité au travail et la participation des femmes aux travaux publics."),
        ("Partage de connaissances en Asie du Sud sur la sécurité sociale des travailleurs des plateformes",
         "Des chercheurs et des organismes de sécurité sociale de l’Inde, du Bangladesh, du Népal et de Sri Lanka compareront les régimes couvrant les livreurs et les chauffeurs "
         "des plateformes, et rédigeront une note d’orientation pour la réunion ministérielle régionale."),
        ("Échange entre la Türkiye et l’Azerbaïdjan sur les services de l’emploi pour les réfugiés",
         "Les services publics de l’emploi de la Türkiye et de l’Azerbaïdjan échangeront des outils de profilage des demandeurs d’emploi réfugiés et de mise en relation avec les offres, "
         "avec des visites d’étude dans des agences locales à Gaziantep et à Bakou."),
        ("Coopération en Asie centrale sur la sécurité dans les mines",
         "Les inspections du travail du Kazakhstan, du Kirghizistan et du Tadjikistan élaboreront un module de formation commun sur la sécurité et la santé au travail "
         "dans l’exploitation minière à petite échelle et mèneront des inspections conjointes avec des représentants des employeurs et des travailleurs."),
        ("Examen par les pairs des dispositifs de garantie pour la jeunesse dans les Balkans occidentaux",
         "La Serbie, l’Albanie et la Macédoine du Nord examineront mutuellement leurs dispositifs de garantie pour la jeunesse, en comparant la manière d’atteindre les jeunes sans emploi, "
         "ni études, ni formation, et conviendront d’indicateurs communs de suivi."),
        ("Bourses pour l’académie de Turin sur la coopération Sud-Sud",
         "Des mandants du Sud global recevront des bourses pour suivre l’académie du CIF-OIT sur la coopération Sud-Sud et triangulaire, "
         "suivie d’une phase de mentorat au cours de laquelle chaque participant concevra un échange pour sa propre institution."),
        ("Formation à distance sur la transition juste pour les organisations de travailleurs",
         "Le Centre de Turin proposera une formation hybride aux syndicats d’Argentine, du Nigéria et des Philippines sur les politiques de transition juste, "
         "les plans d’action nationaux étant examinés par des pairs des deux autres pays."),
        ("Dialogue mondial sur l’économie des soins entre l’Afrique et l’Amérique latine",
         "Des syndicats de travailleuses du soin et des ministères de l’Uruguay, du Chili, du Rwanda et de l’Afrique du Sud compareront les systèmes nationaux de soins et rédigeront des propositions communes "
         "sur la formation, la rémunération et la sécurité sociale des aidants, présentées lors d’un forum interrégional."),
        ("Coopératives et économie sociale et solidaire sur trois continents",
         "Des fédérations de coopératives de Colombie, du Kenya et de Malaisie échangeront des modèles économiques pour les coopératives de producteurs, "
         "avec une plateforme d’apprentissage virtuelle et une visite d’étude sur la finance coopérative."),
    ],
}

# Partners (organisations only: no country names), budget in USD, duration in months; per project index.
DETAILS = [
    ("ILO, CINTERFOR", 180000, 18), ("ILO, SENAI, employers' organizations", 240000, 24), ("ILO, CARICOM Secretariat", 150000, 12),
    ("ILO, SIECA", 210000, 18), ("ILO, ECOWAS Commission", 320000, 24), ("ILO, UNIDO", 275000, 24), ("ILO, SADC Secretariat, IOM", 400000, 36),
    ("ILO, UN Tourism", 120000, 12), ("ILO, FAO", 190000, 18), ("ILO, WHO", 160000, 12), ("ILO, ARLAC", 230000, 24),
    ("ILO, ITUC", 140000, 12), ("ILO, UN Women", 260000, 24), ("ILO, ESCWA", 175000, 18), ("ILO, ASEAN Secretariat", 210000, 24),
    ("ILO, UNICEF", 300000, 36), ("ILO, UNDP", 280000, 24), ("ILO, ISSA", 130000, 12), ("ILO, UNHCR", 220000, 18),
    ("ILO, IOM", 190000, 24), ("ILO, European Training Foundation", 150000, 18), ("ITC-ILO", 90000, 12), ("ITC-ILO, ITUC", 110000, 12),
    ("ILO, UN Women, ITUC", 250000, 24), ("ILO, ICA", 170000, 18),
]

PARTNER_WORDS = {"es": {"ILO": "OIT", "ITC-ILO": "CIF-OIT", "employers' organizations": "organizaciones de empleadores", "European Training Foundation": "Fundación Europea de Formación"},
                 "fr": {"ILO": "OIT", "ITC-ILO": "CIF-OIT", "employers' organizations": "organisations d’employeurs", "European Training Foundation": "Fondation européenne pour la formation"}}

def partners(i, lang="en"):
    names = [n.strip() for n in DETAILS[i][0].split(",")]
    return ", ".join(PARTNER_WORDS.get(lang, {}).get(n, n) for n in names)

def budget(i, lang="en"):
    amount = DETAILS[i][1]
    if lang == "en": return f"USD {amount:,}"
    return f"{amount:,} USD".replace(",", "\u00a0" if lang == "fr" else ".")

def duration(i, lang="en"):
    months = DETAILS[i][2]
    return f"{months} " + {"en": "months", "es": "meses", "fr": "mois"}[lang]

# Projects naming countries that are easy to confuse (Guinea / Papua New Guinea / Equatorial Guinea / Guinea-Bissau and
# the Gulf of Guinea, the two Congos, Dominica / Dominican Republic, Korea, Sudan / South Sudan, Niger / Nigeria), in
# the three languages; used by the editions that test country names (not by the English Chromium fixtures).
from projects import AFRICA as _AF, ASIA as _AS, LAC as _LA

HARD = [
    dict(region=_AS, countries=["PG", "SB"], outcome="3", topics=[], texts={
        "en": ("Papua New Guinea and Solomon Islands exchange on rural employment",
               "Rural development agencies of Papua New Guinea and Solomon Islands will exchange experience on labour-based road maintenance, "
               "training local contractors and village crews, with a joint review of contracts and safety rules."),
        "es": ("Intercambio entre Papua Nueva Guinea y las Islas Salomón sobre el empleo rural",
               "Los organismos de desarrollo rural de Papua Nueva Guinea y las Islas Salomón intercambiarán experiencias sobre el mantenimiento de caminos "
               "con uso intensivo de mano de obra, formarán a contratistas locales y cuadrillas de aldea, y revisarán conjuntamente los contratos y las normas de seguridad."),
        "fr": ("Échange entre la Papouasie-Nouvelle-Guinée et les Îles Salomon sur l’emploi rural",
               "Les organismes de développement rural de la Papouasie-Nouvelle-Guinée et des Îles Salomon échangeront leur expérience de l’entretien des routes "
               "à haute intensité de main-d’œuvre, formeront des entrepreneurs locaux et des équipes villageoises, et examineront ensemble les contrats et les règles de sécurité.")}),
    dict(region=_AF, countries=["GQ", "GW", "CM"], outcome="8", topics=[], texts={
        "en": ("Social security coordination in the Gulf of Guinea",
               "Social security institutions of Equatorial Guinea, Guinea-Bissau and Cameroon will compare how they register seafarers and fishers, "
               "and agree on a common form for the exchange of contribution records."),
        "es": ("Coordinación de la seguridad social en el golfo de Guinea",
               "Las instituciones de seguridad social de Guinea Ecuatorial, Guinea-Bissau y el Camerún compararán cómo registran a la gente de mar y a los pescadores, "
               "y acordarán un formulario común para el intercambio de historiales de cotización."),
        "fr": ("Coordination de la sécurité sociale dans le golfe de Guinée",
               "Les institutions de sécurité sociale de la Guinée équatoriale, de la Guinée-Bissau et du Cameroun compareront leurs modes d’affiliation des gens de mer "
               "et des pêcheurs, et conviendront d’un formulaire commun pour l’échange des relevés de cotisations.")}),
    dict(region=_AF, countries=["CD", "CG"], outcome="5", topics=[], texts={
        "en": ("Skills for river transport workers in the two Congos",
               "Training centres of the Democratic Republic of the Congo and the Republic of the Congo will design joint courses for boat crews and port workers "
               "on the river, with certificates recognized on both banks."),
        "es": ("Competencias para los trabajadores del transporte fluvial en los dos Congos",
               "Los centros de formación de la República Democrática del Congo y de la República del Congo diseñarán cursos conjuntos para tripulaciones "
               "y trabajadores portuarios del río, con certificados reconocidos en ambas orillas."),
        "fr": ("Compétences pour les travailleurs du transport fluvial dans les deux Congo",
               "Les centres de formation de la République démocratique du Congo et de la République du Congo concevront des formations communes pour les équipages "
               "et les travailleurs portuaires du fleuve, avec des certificats reconnus sur les deux rives.")}),
    dict(region=_AF, countries=["SD", "SS"], outcome="7", topics=[], texts={
        "en": ("Sudan and South Sudan dialogue on cross-border pastoral workers",
               "Ministries of labour of Sudan and South Sudan, with herders' associations, will map the seasonal movement of pastoral workers and draft a protocol "
               "on their protection and access to health care across the border."),
        "es": ("Diálogo entre el Sudán y Sudán del Sur sobre los trabajadores pastorales transfronterizos",
               "Los ministerios de trabajo del Sudán y de Sudán del Sur, junto con asociaciones de pastores, cartografiarán los desplazamientos estacionales de los "
               "trabajadores pastorales y redactarán un protocolo sobre su protección y su acceso a la atención de salud a ambos lados de la frontera."),
        "fr": ("Dialogue entre le Soudan et le Soudan du Sud sur les travailleurs pastoraux transfrontaliers",
               "Les ministères du travail du Soudan et du Soudan du Sud, avec des associations d’éleveurs, cartographieront les déplacements saisonniers des "
               "travailleurs pastoraux et rédigeront un protocole sur leur protection et leur accès aux soins de part et d’autre de la frontière.")}),
    dict(region=_AF, countries=["NE", "NG"], outcome="5", topics=[], texts={
        "en": ("Niger and Nigeria cooperation on apprenticeships in the informal economy",
               "Craft associations of Niger and Nigeria will compare traditional apprenticeship systems in tailoring, welding and vehicle repair, and test a shared "
               "skills log book with master craftspersons in border towns."),
        "es": ("Cooperación entre el Níger y Nigeria sobre el aprendizaje en la economía informal",
               "Las asociaciones de artesanos del Níger y de Nigeria compararán los sistemas tradicionales de aprendizaje en sastrería, soldadura y reparación de "
               "vehículos, y pondrán a prueba una libreta común de competencias con maestros artesanos de ciudades fronterizas."),
        "fr": ("Coopération entre le Niger et le Nigéria sur l’apprentissage dans l’économie informelle",
               "Les associations d’artisans du Niger et du Nigéria compareront les systèmes d’apprentissage traditionnel dans la couture, la soudure et la réparation "
               "automobile, et testeront un carnet de compétences commun avec des maîtres artisans de villes frontalières.")}),
    dict(region=_LA, countries=["DO", "DM"], outcome="7", topics=[], texts={
        "en": ("Dominican Republic and Dominica exchange on labour inspection after hurricanes",
               "Labour inspectors of the Dominican Republic and Dominica will share procedures for inspecting reconstruction sites after hurricanes, including rapid "
               "checks of scaffolding, electrical work and working hours."),
        "es": ("Intercambio entre la República Dominicana y Dominica sobre la inspección del trabajo tras los huracanes",
               "Los inspectores del trabajo de la República Dominicana y de Dominica compartirán procedimientos para inspeccionar las obras de reconstrucción tras "
               "los huracanes, incluidas verificaciones rápidas de andamios, instalaciones eléctricas y horas de trabajo."),
        "fr": ("Échange entre la République dominicaine et la Dominique sur l’inspection du travail après les ouragans",
               "Les inspecteurs du travail de la République dominicaine et de la Dominique partageront leurs procédures d’inspection des chantiers de reconstruction "
               "après les ouragans, notamment des contrôles rapides des échafaudages, des installations électriques et de la durée du travail.")}),
    dict(region=_AS, countries=["KR", "MN"], outcome="8", topics=[], texts={
        "en": ("Republic of Korea and Mongolia partnership on employment insurance",
               "The employment insurance agency of the Republic of Korea will share its experience with Mongolia on unemployment benefits linked to job search "
               "support, through staff exchanges and a joint pilot in two provinces."),
        "es": ("Alianza entre la República de Corea y Mongolia sobre el seguro de desempleo",
               "El organismo del seguro de empleo de la República de Corea compartirá con Mongolia su experiencia en prestaciones de desempleo vinculadas al apoyo "
               "a la búsqueda de empleo, mediante intercambios de personal y un proyecto piloto conjunto en dos provincias."),
        "fr": ("Partenariat entre la République de Corée et la Mongolie sur l’assurance chômage",
               "L’agence de l’assurance emploi de la République de Corée partagera avec la Mongolie son expérience des allocations de chômage liées à l’aide "
               "à la recherche d’emploi, grâce à des échanges de personnel et à un projet pilote commun dans deux provinces.")}),
]
