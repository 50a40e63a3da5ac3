/**
 * Name material for the demo: Finnish first names by gender and surnames, roughly in order of
 * frequency (after the Digital and Population Data Services Agency's name statistics, so the
 * common names come first and are sampled most), plus parts for street and company names.
 * All people and companies built from these are fictional.
 */

export const MALE_FIRST_NAMES: readonly string[] = [
  'Juhani', 'Matti', 'Timo', 'Mikko', 'Jari', 'Antti', 'Kari', 'Pekka', 'Juha', 'Markku',
  'Jukka', 'Mika', 'Hannu', 'Heikki', 'Seppo', 'Petri', 'Ville', 'Sami', 'Janne', 'Marko',
  'Tuomas', 'Lauri', 'Jussi', 'Ari', 'Esa', 'Pentti', 'Erkki', 'Jorma', 'Raimo', 'Risto',
  'Martti', 'Pertti', 'Eero', 'Tommi', 'Teemu', 'Joni', 'Jani', 'Toni', 'Aleksi', 'Joonas',
  'Niko', 'Juho', 'Eetu', 'Onni', 'Elias', 'Leo', 'Eino', 'Väinö', 'Oliver', 'Emil',
  'Aatu', 'Ilkka', 'Vesa', 'Jarmo', 'Reijo', 'Arto', 'Harri', 'Jouni', 'Kimmo', 'Pasi',
  'Sakari', 'Rasmus', 'Henri', 'Oskari', 'Valtteri', 'Samuli', 'Kalle', 'Tuomo', 'Jaakko', 'Olli',
  'Petteri', 'Veikko', 'Kalevi', 'Tapio', 'Olavi', 'Antero', 'Tapani', 'Ilmari', 'Mikael', 'Johannes',
  'Kristian', 'Patrik', 'Daniel', 'Miro', 'Eemeli', 'Topi', 'Arttu', 'Jesse', 'Roope', 'Iivari',
];

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Anne', 'Päivi', 'Tuula', 'Sari', 'Minna', 'Tiina', 'Riitta', 'Leena', 'Marja', 'Pirjo',
  'Eija', 'Seija', 'Sirpa', 'Kirsi', 'Merja', 'Satu', 'Pirkko', 'Ritva', 'Laura', 'Elina',
  'Katja', 'Jenni', 'Henna', 'Hanna', 'Sanna', 'Heidi', 'Emilia', 'Sofia', 'Aino', 'Ella',
  'Venla', 'Emma', 'Iida', 'Veera', 'Julia', 'Sara', 'Noora', 'Anni', 'Essi', 'Milla',
  'Niina', 'Outi', 'Marika', 'Susanna', 'Mervi', 'Terhi', 'Tarja', 'Raija', 'Irma', 'Hilkka',
  'Aila', 'Sinikka', 'Tuija', 'Katri', 'Kaisa', 'Eveliina', 'Pauliina', 'Elisa', 'Saara', 'Linnea',
  'Helmi', 'Lotta', 'Oona', 'Kristiina', 'Marjut', 'Annika', 'Johanna', 'Helena', 'Maria', 'Kaarina',
  'Marjatta', 'Anna', 'Liisa', 'Hannele', 'Eila', 'Tanja', 'Jaana', 'Maarit', 'Arja', 'Anu',
  'Kati', 'Heli', 'Mari', 'Suvi', 'Piia', 'Aada', 'Lilja', 'Isla', 'Enni', 'Kerttu',
];

export const SURNAMES: readonly string[] = [
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen',
  'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen',
  'Hiltunen', 'Leinonen', 'Miettinen', 'Pitkänen', 'Aaltonen', 'Manninen', 'Hakala', 'Hirvonen', 'Väisänen', 'Räsänen',
  'Laaksonen', 'Anttila', 'Peltonen', 'Koivisto', 'Kallio', 'Lehto', 'Karppinen', 'Kettunen', 'Jääskeläinen', 'Mustonen',
  'Nurmi', 'Seppälä', 'Rissanen', 'Hyvönen', 'Leppänen', 'Laakso', 'Honkanen', 'Ojala', 'Kärkkäinen', 'Korpela',
  'Sirviö', 'Aalto', 'Toivonen', 'Huttunen', 'Moilanen', 'Partanen', 'Lindholm', 'Vainio', 'Kemppainen', 'Heiskanen',
  'Eskola', 'Pesonen', 'Hietala', 'Ikonen', 'Vesterinen', 'Oksanen', 'Koponen', 'Tikkanen', 'Kokkonen', 'Lappalainen',
  'Björklund', 'Lindqvist', 'Nyberg', 'Johansson', 'Eriksson', 'Grönroos', 'Lindroos', 'Sjöberg', 'Holmström', 'Nyman',
  'Suominen', 'Mäki', 'Harju', 'Valtonen', 'Saarela', 'Lundqvist', 'Rautio', 'Kauppinen', 'Hakkarainen', 'Nykänen',
  'Kivelä', 'Kurki', 'Halonen', 'Kiiskinen', 'Kivinen', 'Ruotsalainen', 'Lampinen', 'Parkkinen', 'Pulkkinen', 'Riihimäki',
  'Vuorinen', 'Heino', 'Hyttinen', 'Lindberg', 'Mikkonen', 'Kangas', 'Soininen', 'Rinne', 'Honkonen', 'Kiiski',
  'Vuori', 'Määttä', 'Markkanen', 'Backman', 'Savola', 'Pelkonen', 'Reinikainen', 'Tuomi', 'Hokkanen', 'Koski',
  'Jokela', 'Pietilä', 'Alanen', 'Ahola', 'Mäenpää', 'Ketola', 'Heikkonen', 'Kolehmainen', 'Peltola', 'Sundqvist',
  'Huhtala', 'Keränen', 'Turpeinen', 'Korpi', 'Hänninen', 'Vilén', 'Tolvanen', 'Seppänen', 'Lindgren', 'Kosonen',
  'Niskanen', 'Harjula', 'Salmela', 'Rajala', 'Kangasniemi', 'Väänänen', 'Hyvärinen', 'Haapala', 'Juntunen', 'Ylönen',
  'Sillanpää', 'Rautiainen', 'Kantola', 'Sorsa', 'Leskinen', 'Nousiainen', 'Kähkönen', 'Vuorela', 'Tiainen', 'Puustinen',
  'Ranta', 'Hirvelä', 'Pajunen', 'Syrjälä', 'Ojanen', 'Hautala', 'Uusitalo', 'Suhonen', 'Ikäheimo', 'Pöllänen',
  'Autio', 'Haapanen', 'Rantala', 'Koivula', 'Forsman', 'Hakanen', 'Lahti', 'Mustakallio', 'Kuusela', 'Rönkkö',
  'Immonen', 'Ristola', 'Kujala', 'Liimatainen', 'Lassila', 'Palomäki', 'Ylitalo', 'Wikström', 'Åberg', 'Grönlund',
];

/** Street name stems with their Swedish twin stems (Koivutie / Björkvägen). */
export const STREET_STEMS: readonly (readonly [string, string])[] = [
  ['Koivu', 'Björk'], ['Mänty', 'Tall'], ['Kuusi', 'Gran'], ['Leppä', 'Al'], ['Haapa', 'Asp'],
  ['Pihlaja', 'Rönn'], ['Tammi', 'Ek'], ['Vaahtera', 'Lönn'], ['Kirkko', 'Kyrk'], ['Asema', 'Stations'],
  ['Teollisuus', 'Industri'], ['Myllyn', 'Kvarn'], ['Koulu', 'Skol'], ['Puisto', 'Park'], ['Ranta', 'Strand'],
  ['Mäki', 'Back'], ['Niitty', 'Ängs'], ['Pelto', 'Åker'], ['Kallio', 'Berg'], ['Kivi', 'Sten'],
  ['Järvi', 'Sjö'], ['Meri', 'Havs'], ['Satama', 'Hamn'], ['Tori', 'Torg'], ['Linna', 'Borg'],
  ['Kartano', 'Gårds'], ['Pappila', 'Prästgårds'], ['Kauppa', 'Handels'], ['Tehtaan', 'Fabriks'], ['Sepän', 'Smeds'],
  ['Kalastajan', 'Fiskar'], ['Laivurin', 'Skeppar'], ['Paju', 'Vide'], ['Sammal', 'Moss'], ['Kanerva', 'Ljung'],
  ['Lähde', 'Käll'], ['Sillan', 'Bro'], ['Tuuli', 'Vind'], ['Aurinko', 'Sol'], ['Tähti', 'Stjärn'],
  ['Kukka', 'Blom'], ['Omena', 'Äppel'], ['Kirsikka', 'Körsbärs'], ['Metsä', 'Skogs'], ['Lehto', 'Lund'],
  ['Kaivo', 'Brunns'], ['Postin', 'Post'], ['Tulli', 'Tull'], ['Kettu', 'Räv'], ['Karhu', 'Björn'],
  ['Hirvi', 'Älg'], ['Joutsen', 'Svan'], ['Kotka', 'Örn'], ['Lokki', 'Mås'], ['Kurki', 'Tran'],
  ['Kaski', 'Svedje'], ['Harju', 'Ås'], ['Saari', 'Holm'], ['Niemi', 'Näs'], ['Salmi', 'Sund'],
];

/** Street types with their Swedish twins; weights favour -tie and -katu as real maps do. */
export const STREET_SUFFIXES: readonly (readonly [string, string, number])[] = [
  ['tie', 'vägen', 40], ['katu', 'gatan', 22], ['kuja', 'gränden', 14], ['polku', 'stigen', 8],
  ['rinne', 'branten', 5], ['väylä', 'leden', 4], ['kaari', 'bågen', 4], ['puistikko', 'parken', 1], ['aukio', 'platsen', 2],
];

/** Titles and surnames for multi-word street names ("Leskirouva Freytagin kuja"). */
export const STREET_TITLES: readonly (readonly [string, string])[] = [
  ['Leskirouva', 'Änkefru'], ['Kauppaneuvos', 'Kommerserådet'], ['Kapteeni', 'Kapten'], ['Tohtori', 'Doktor'],
  ['Rovasti', 'Prosten'], ['Pormestari', 'Borgmästar'], ['Kanttori', 'Kantor'], ['Luotsi', 'Lots'],
];
export const STREET_PERSONS: readonly string[] = [
  'Freytag', 'Lindqvist', 'Ahlberg', 'Sederholm', 'Hackman', 'Tengström', 'Malm', 'Wrede', 'Sinebrychoff', 'Borgström', 'Hallberg', 'Wasenius',
];

/** Trade words for company names, by the TOL 2008 division (or code) they fit. */
export const TRADE_WORDS: Record<string, readonly string[]> = {
  '01': ['Maatila', 'Tila', 'Viljely'],
  '02': ['Metsäpalvelu', 'Puunkorjuu', 'Metsä'],
  '10': ['Leipomo', 'Kotileipomo'],
  '16': ['Saha', 'Puutuote'],
  '18': ['Paino', 'Kirjapaino'],
  '25': ['Konepaja', 'Metalli', 'Teräs'],
  '31': ['Puusepänliike', 'Kaluste'],
  '33': ['Konehuolto', 'Huolto'],
  '35': ['Energia', 'Lämpö'],
  '38': ['Jätehuolto', 'Kierrätys'],
  '41': ['Rakennus', 'Rakennuttaja', 'Talonrakennus', 'Kodit'],
  '42': ['Maanrakennus', 'Infra', 'Tie'],
  '43210': ['Sähkö', 'Sähköasennus', 'Sähkötyö'],
  '43220': ['LVI-Palvelu', 'LVI', 'Putki', 'LVI-Asennus'],
  '43341': ['Maalaus', 'Maalausliike'],
  '43': ['Rakennuspalvelu', 'Remontti', 'Saneeraus', 'Kattotyö', 'Lattia', 'Rakennustyö'],
  '45': ['Autokorjaamo', 'Autohuolto', 'Auto'],
  '46': ['Tukku', 'Agentuuri', 'Trading'],
  '47': ['Kauppa', 'Myymälä', 'Putiikki', 'Market'],
  '49': ['Kuljetus', 'Kuljetusliike', 'Logistiikka', 'Taksi'],
  '52': ['Varasto', 'Logistiikka'],
  '53': ['Kuriiri', 'Jakelu'],
  '55': ['Hotelli', 'Majatalo'],
  '56101': ['Ravintola', 'Pizzeria', 'Bistro'],
  '56': ['Kahvila', 'Ravintola', 'Grilli', 'Pitopalvelu'],
  '58': ['Kustannus'],
  '59': ['Filmi', 'Media', 'Tuotanto'],
  '61': ['Tele', 'Netti'],
  '62': ['Software', 'Digital', 'IT', 'Data', 'Systems', 'Solutions'],
  '63': ['Data', 'Cloud', 'Digital'],
  '64': ['Holding', 'Invest', 'Capital'],
  '66': ['Vakuutusvälitys', 'Finance'],
  '68': ['Kiinteistö', 'Kiinteistöt', 'Isännöinti', 'LKV'],
  '69': ['Tilitoimisto', 'Laskenta', 'Asianajotoimisto', 'Tilintarkastus'],
  '70': ['Consulting', 'Konsultointi', 'Partners', 'Advisors'],
  '71': ['Arkkitehdit', 'Insinööritoimisto', 'Suunnittelu'],
  '73': ['Mainostoimisto', 'Markkinointi', 'Media'],
  '74': ['Kuva', 'Valokuvaamo'],
  '75': ['Eläinlääkäri', 'Eläinklinikka'],
  '77': ['Vuokraus', 'Autovuokraamo'],
  '78': ['Henkilöstöpalvelu', 'Rekrytointi'],
  '80': ['Vartiointi', 'Security'],
  '81': ['Siivous', 'Kiinteistöhuolto', 'Puutarhapalvelu'],
  '82': ['Toimistopalvelu', 'Palvelut'],
  '85': ['Autokoulu', 'Koulutus', 'Musiikkikoulu'],
  '86': ['Lääkärikeskus', 'Hammaslääkäri', 'Fysioterapia', 'Terveys'],
  '88': ['Kotipalvelu', 'Päiväkoti', 'Hoiva'],
  '90': ['Teatteri', 'Taide', 'Studio'],
  '93': ['Kuntosali', 'Liikunta', 'Urheilu'],
  '94': ['Yhdistys', 'Seura'],
  '95': ['Tietokonehuolto', 'Korjaamo'],
  '96021': ['Parturi-Kampaamo', 'Kampaamo', 'Parturi', 'Hiusstudio'],
  '96': ['Kauneushoitola', 'Pesula', 'Hoitola', 'Sauna'],
};

/** Brand-like words for names such as "Oy Nordic Steel Ab" or "Parturi-Kampaamo Helmi". */
export const BRAND_WORDS: readonly string[] = [
  'Nordic', 'Arctic', 'Polar', 'Aurora', 'Kide', 'Helmi', 'Tähti', 'Revontuli', 'Saga', 'Vire',
  'Kuura', 'Sisu', 'Lumo', 'Vala', 'Kaiku', 'Pohjola', 'Suomi', 'Baltic', 'Boreal', 'Kaleva',
  'Ilona', 'Aalto', 'Tuike', 'Kipinä', 'Viiru', 'Nova', 'Prima', 'Optima', 'Meta', 'Vertex',
];
export const BRAND_TRADES_EN: readonly string[] = ['Steel', 'Tech', 'Trade', 'Solutions', 'Systems', 'Group', 'Partners', 'Logistics', 'Design', 'Works'];

/** Town genitives for names like "Tampereen Sähkö Oy". */
export const TOWN_GENITIVES: Record<string, string> = {
  Helsinki: 'Helsingin', Espoo: 'Espoon', Tampere: 'Tampereen', Vantaa: 'Vantaan', Oulu: 'Oulun', Turku: 'Turun',
  Jyväskylä: 'Jyväskylän', Lahti: 'Lahden', Kuopio: 'Kuopion', Pori: 'Porin', Kouvola: 'Kouvolan', Joensuu: 'Joensuun',
  Lappeenranta: 'Lappeenrannan', Hämeenlinna: 'Hämeenlinnan', Vaasa: 'Vaasan', Seinäjoki: 'Seinäjoen', Rovaniemi: 'Rovaniemen',
  Mikkeli: 'Mikkelin', Kotka: 'Kotkan', Salo: 'Salon', Porvoo: 'Porvoon', Kokkola: 'Kokkolan', Rauma: 'Rauman', Kajaani: 'Kajaanin',
};
