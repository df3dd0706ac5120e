namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// The words synthetic requests are made of: the region's names with the spellings a search must see
/// through (Traoré/Traore, N'Diaye/Ndiaye, Mohamed/Mohammed Ould Ahmed, Aïssata/Aissata), its cities,
/// offences, assistance sought and authorities, in French, English and Portuguese. Invented people only:
/// common given names and surnames, combined at random.
/// </summary>
public static class SyntheticVocabulary
{
    /// <summary>Given names; each entry lists the spellings of one name (the first is the most common).</summary>
    public static readonly string[][] GivenNames =
    [
        ["Aïssata", "Aissata", "Aïchatou"], ["Mohamed", "Mohammed", "Muhammad"], ["Amadou", "Ahmadou", "Hamadou"],
        ["Oumar", "Omar", "Umar"], ["Ibrahima", "Ibrahim"], ["Fatoumata", "Fatimata", "Fatima"], ["Mariam", "Mariama", "Maryam"],
        ["Ousmane", "Usman", "Othmane"], ["Abdoulaye", "Abdullahi", "Abdallah"], ["Moussa", "Musa"], ["Seydou", "Seidou"],
        ["Kadiatou", "Kadidiatou", "Khadija"], ["Aminata", "Aminatou"], ["Bintou", "Bintu"], ["Souleymane", "Sulaiman", "Suleiman"],
        ["Cheikh", "Cheick", "Sheikh"], ["Mamadou", "Mamadu"], ["Boubacar", "Abubakar", "Aboubacar"], ["Awa", "Hawa"],
        ["Adama"], ["Ramatoulaye", "Ramatou"], ["Djénéba", "Djeneba", "Zeneba"], ["Kwame"], ["Kofi"], ["Ama"], ["Chinedu"],
        ["Ngozi"], ["Babatunde", "Tunde"], ["Emeka"], ["Yaw"], ["Fodé", "Fode"], ["Saliou", "Saliu"], ["Alpha"],
        ["Mahamadou", "Mahamat", "Mahammad"], ["Zeinabou", "Zeinab", "Zénabou"], ["Haoua", "Hawa"], ["Hamidou", "Hamid"],
        ["Idrissa", "Idriss"], ["Issoufou", "Youssouf", "Yusuf"], ["João", "Joao"], ["Maria"], ["Domingos"], ["Adjoa"],
        ["Koffi", "Kofi"], ["Yawa"], ["Sidi Mohamed", "Sidi Mohammed"], ["Mariem", "Mariam"], ["Aboubakar", "Abubakar"],
        ["Salif", "Salifou"], ["Rokia", "Rokiatou"], ["Moctar", "Mokhtar", "Mukhtar"], ["Hadiza", "Hadizatou"],
    ];

    /// <summary>Surnames; each entry lists the spellings of one name.</summary>
    public static readonly string[][] Surnames =
    [
        ["Traoré", "Traore", "Trawally"], ["Diallo", "Jallow", "Djalo"], ["Ndiaye", "N'Diaye", "Ndiay"], ["Koné", "Kone", "Konneh"],
        ["Coulibaly", "Kulibali", "Koulibaly"], ["Ouédraogo", "Ouedraogo", "Wedraogo"], ["Sawadogo"], ["Keïta", "Keita", "Kéita"],
        ["Diop", "Dioup"], ["Sow", "Sowe"], ["Ba", "Bah"], ["Camara", "Kamara"], ["Sylla", "Silla"], ["Touré", "Toure", "Turay"],
        ["Cissé", "Cisse", "Sisay"], ["Maïga", "Maiga"], ["Diarra", "Jarra"], ["Sangaré", "Sangare"], ["Konaté", "Konate"],
        ["Bamba"], ["Kaboré", "Kabore"], ["Zongo"], ["Mensah"], ["Owusu"], ["Adeyemi"], ["Okafor"], ["Bello"],
        ["Ould Ahmed", "Ould-Ahmed", "Ould Ahmedou"], ["Ould Mohamed", "Ould Mohammed", "Ould-Mohamed"], ["Mint Sidi", "Mint-Sidi"],
        ["Mahamat", "Mahamad"], ["Hamani"], ["Gomes"], ["Mendes", "Mendès"], ["Pereira"], ["da Silva", "Da Silva"],
        ["Sesay", "Sessay"], ["Conteh", "Conté", "Conte"], ["Johnson"], ["Agbeko"], ["Lawson"], ["Ayité", "Ayite"],
        ["Fofana", "Fofanah"], ["Dembélé", "Dembele"], ["Sidibé", "Sidibe"], ["Tall", "Tal"], ["Gueye", "Guèye", "Gaye"],
        ["Barry", "Bari"], ["Soumaré", "Soumare"], ["Kouyaté", "Kouyate"], ["Abdou"], ["Boukari", "Boukary"],
    ];

    public static readonly IReadOnlyDictionary<string, string[]> Cities = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["BEN"] = ["Cotonou", "Porto-Novo", "Parakou"],
        ["BFA"] = ["Ouagadougou", "Bobo-Dioulasso", "Koudougou"],
        ["CPV"] = ["Praia", "Mindelo"],
        ["CIV"] = ["Abidjan", "Bouaké", "Yamoussoukro", "San-Pédro"],
        ["GMB"] = ["Banjul", "Serekunda"],
        ["GHA"] = ["Accra", "Kumasi", "Tamale", "Takoradi"],
        ["GIN"] = ["Conakry", "Kankan", "Labé"],
        ["GNB"] = ["Bissau", "Bafatá"],
        ["LBR"] = ["Monrovia", "Buchanan"],
        ["MLI"] = ["Bamako", "Sikasso", "Mopti", "Kayes", "Gao"],
        ["MRT"] = ["Nouakchott", "Nouadhibou"],
        ["NER"] = ["Niamey", "Zinder", "Maradi", "Agadez"],
        ["NGA"] = ["Abuja", "Lagos", "Kano", "Port Harcourt"],
        ["SEN"] = ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor"],
        ["SLE"] = ["Freetown", "Bo"],
        ["TCD"] = ["N'Djamena", "Moundou", "Abéché"],
        ["TGO"] = ["Lomé", "Sokodé", "Kara"],
    };

    /// <summary>Where requests registered from outside the region come from (any ISO3 is a valid counterpart).</summary>
    public static readonly string[] OutsideStates = ["FRA", "BEL", "ESP", "ITA", "MAR", "DZA", "USA", "GBR"];

    /// <summary>Offences by category: description and legal provision per language, and a maximum penalty.</summary>
    public static readonly IReadOnlyDictionary<string, (string Fr, string En, string Pt, string Penalty)> Offences =
        new Dictionary<string, (string, string, string, string)>(StringComparer.Ordinal)
        {
            ["terrorism"] = ("Association de malfaiteurs en relation avec une entreprise terroriste", "Membership of a terrorist group", "Associação terrorista", "20"),
            ["terrorism-financing"] = ("Financement du terrorisme", "Financing of terrorism", "Financiamento do terrorismo", "20"),
            ["drug-trafficking"] = ("Trafic international de stupéfiants", "International trafficking in narcotic drugs", "Tráfico internacional de estupefacientes", "30"),
            ["trafficking-in-persons"] = ("Traite des personnes", "Trafficking in persons", "Tráfico de pessoas", "15"),
            ["migrant-smuggling"] = ("Trafic illicite de migrants", "Smuggling of migrants", "Auxílio à imigração ilegal", "10"),
            ["arms-trafficking"] = ("Trafic d'armes et de munitions", "Trafficking in firearms and ammunition", "Tráfico de armas", "10"),
            ["money-laundering"] = ("Blanchiment de capitaux", "Money laundering", "Branqueamento de capitais", "10"),
            ["corruption"] = ("Corruption d'agent public et détournement de deniers publics", "Bribery of a public official and embezzlement of public funds", "Corrupção e peculato", "10"),
            ["economic-financial-crime"] = ("Escroquerie en bande organisée", "Organised fraud", "Burla qualificada", "7"),
            ["cybercrime"] = ("Escroquerie en ligne et accès frauduleux à un système informatique", "Online fraud and unlawful access to a computer system", "Burla informática", "5"),
            ["kidnapping-for-ransom"] = ("Enlèvement et séquestration contre rançon", "Kidnapping for ransom", "Sequestro para obtenção de resgate", "20"),
            ["banditry-armed-robbery"] = ("Vol à main armée en réunion", "Armed robbery", "Roubo à mão armada", "20"),
            ["other"] = ("Faux et usage de faux en écriture publique", "Forgery of public documents", "Falsificação de documento", "5"),
        };

    /// <summary>Which conventions an offence category brings beside the ECOWAS ones.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConventionOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["terrorism"] = "untoc-2000",
        ["terrorism-financing"] = "terrorism-financing-1999",
        ["drug-trafficking"] = "un-drugs-1988",
        ["trafficking-in-persons"] = "untoc-2000",
        ["migrant-smuggling"] = "untoc-2000",
        ["arms-trafficking"] = "untoc-2000",
        ["money-laundering"] = "untoc-2000",
        ["corruption"] = "uncac-2003",
        ["economic-financial-crime"] = "uncac-2003",
        ["cybercrime"] = "untoc-2000",
        ["kidnapping-for-ransom"] = "untoc-2000",
        ["banditry-armed-robbery"] = "untoc-2000",
        ["other"] = "reciprocity",
    };

    /// <summary>What is sought, per assistance type: description per language.</summary>
    public static readonly IReadOnlyDictionary<string, (string Fr, string En, string Pt)> Assistance =
        new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
        {
            ["taking-evidence"] = ("Audition de témoins sur les faits", "Statements of witnesses of the facts", "Inquirição de testemunhas"),
            ["service-of-documents"] = ("Signification d'une citation à comparaître", "Service of a summons", "Notificação de uma citação"),
            ["search-and-seizure"] = ("Perquisition du domicile et saisie des documents et supports numériques", "Search of the premises and seizure of documents and digital media", "Busca domiciliária e apreensão de documentos"),
            ["freezing"] = ("Gel des comptes bancaires ouverts au nom des personnes visées", "Freezing of the bank accounts held by the persons concerned", "Congelamento das contas bancárias"),
            ["examining-objects-sites"] = ("Constatations sur le véhicule saisi", "Examination of the seized vehicle", "Exame do veículo apreendido"),
            ["information-evidence-expertise"] = ("Expertise balistique des armes saisies", "Ballistic expertise of the seized weapons", "Perícia balística das armas apreendidas"),
            ["records"] = ("Relevés des comptes bancaires et pièces d'ouverture", "Bank statements and account opening documents", "Extratos bancários e documentos de abertura de conta"),
            ["tracing-proceeds"] = ("Identification des biens immobiliers et véhicules", "Tracing of real estate and vehicles", "Identificação de bens imóveis e veículos"),
            ["confiscation"] = ("Exécution d'une décision de confiscation", "Enforcement of a confiscation order", "Execução de uma decisão de perda de bens"),
            ["voluntary-appearance"] = ("Comparution volontaire d'un témoin devant la juridiction", "Voluntary appearance of a witness before the court", "Comparência voluntária de uma testemunha"),
            ["videoconference-hearing"] = ("Audition par visioconférence", "Hearing by videoconference", "Audição por videoconferência"),
            ["temporary-transfer"] = ("Transfèrement temporaire d'une personne détenue", "Temporary transfer of a detained person", "Transferência temporária de um detido"),
            ["electronic-evidence"] = ("Conservation et production des données de connexion et des messages", "Preservation and production of traffic data and messages", "Conservação e entrega de dados de tráfego"),
            ["other"] = ("Communication du casier judiciaire", "Criminal record extract", "Certificado do registo criminal"),
        };

    /// <summary>Which assistance types suit an offence (the first is the most frequent).</summary>
    public static readonly string[] FinancialAssistance = ["records", "freezing", "tracing-proceeds", "taking-evidence", "confiscation"];

    public static readonly string[] GeneralAssistance =
    [
        "taking-evidence", "search-and-seizure", "electronic-evidence", "information-evidence-expertise", "service-of-documents",
        "videoconference-hearing", "examining-objects-sites", "records", "voluntary-appearance", "temporary-transfer", "other",
    ];

    /// <summary>Subjects: a context for the offence, per language; {0} is a city of the requested State.</summary>
    public static readonly (string Fr, string En, string Pt)[] Contexts =
    [
        ("réseau opérant entre {1} et {0}", "network operating between {1} and {0}", "rede que opera entre {1} e {0}"),
        ("fonds transférés vers {0}", "funds transferred to {0}", "fundos transferidos para {0}"),
        ("faits commis à {1}, auteurs localisés à {0}", "offence committed in {1}, suspects located in {0}", "factos cometidos em {1}, suspeitos em {0}"),
        ("véhicules interceptés à la frontière", "vehicles intercepted at the border", "veículos intercetados na fronteira"),
        ("comptes ouverts à {0}", "accounts opened in {0}", "contas abertas em {0}"),
        ("marchés publics de {1}", "public procurement in {1}", "contratos públicos de {1}"),
    ];

    public static readonly string[] Facts =
    [
        "L'enquête a établi que des sommes importantes ont transité par des comptes ouverts dans l'État requis avant d'être retirées en espèces.",
        "Les personnes visées auraient organisé l'acheminement de la marchandise par la route, en plusieurs convois, au cours des deux dernières années.",
        "Les victimes ont été recrutées sous la promesse d'un emploi puis transportées à travers plusieurs frontières.",
        "Des armes de guerre ont été saisies lors d'un contrôle ; les numéros de série renvoient à un lot livré dans la sous-région.",
        "Un fonctionnaire aurait perçu des commissions occultes en contrepartie de l'attribution de marchés publics.",
        "Les victimes ont effectué des virements à la suite de messages frauduleux envoyés depuis des numéros enregistrés dans l'État requis.",
    ];

    public static readonly string[] FactsEn =
    [
        "The investigation established that large sums passed through accounts opened in the requested State before being withdrawn in cash.",
        "The persons concerned allegedly organised the transport of the goods by road, in several convoys, over the last two years.",
        "The victims were recruited with the promise of a job, then moved across several borders.",
        "Military weapons were seized at a checkpoint; their serial numbers point to a batch delivered in the sub-region.",
        "A public official allegedly received kickbacks in exchange for public contracts.",
        "The victims made transfers after fraudulent messages sent from numbers registered in the requested State.",
    ];

    public static readonly string[] FactsPt =
    [
        "A investigação apurou que montantes elevados transitaram por contas abertas no Estado requerido antes de serem levantados em numerário.",
        "As pessoas visadas terão organizado o transporte da mercadoria por estrada, em vários comboios, nos últimos dois anos.",
        "As vítimas foram recrutadas com a promessa de um emprego e depois transportadas através de várias fronteiras.",
    ];

    public static readonly string[] ExecutingAuthorities =
    [
        "Pôle judiciaire spécialisé", "Office central de lutte contre la drogue", "Brigade économique et financière",
        "Police judiciaire", "Procureur de la République", "Cabinet du juge d'instruction", "Financial Intelligence Unit",
        "Criminal Investigation Department", "Polícia Judiciária",
    ];

    public static readonly string[] Notes =
    [
        "Relance adressée par courriel au point focal.", "Point fait lors de la réunion du réseau.", "Follow-up call with the focal point.",
        "Pièces complémentaires attendues.", "Le dossier a été transmis au parquet compétent.", "Awaiting the executing authority's report.",
    ];
}
