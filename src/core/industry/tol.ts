/**
 * Toimialaluokitus (TOL): the Finnish industry classification, in two editions.
 *
 * - TOL 2008 (NACE Rev. 2): what users think in ("F = rakentaminen") and what PRH gave until
 *   2025 (`typeCodeSet` TOIMI3).
 * - TOL 2025 (NACE Rev. 2.1): what PRH gives from 2026-01-01 (`typeCodeSet` TOIMI4).
 *
 * Levels 1–4 follow NACE; the fifth digit is national. This module holds the sections, the
 * common divisions and about a hundred common 5-digit codes with a 2008 → 2025 mapping, enough
 * for an industry picker and for criteria that must accept either edition.
 *
 * The 2025 letters moved: 2008 J (58–63) became 2025 J (58–60, publishing and content) and
 * K (61–63, telecom and IT); from there every later section shifts by one letter (2008 K
 * finance → 2025 L, L real estate → M, M professional → N, N support → O, …, U → V).
 * Division 45 is gone in 2025: motor vehicle sales went to 46/47 (47.81), repair to 95.31
 * (section T). Development of building projects moved from 41.10 to 68.12.
 *
 * Mapping rule for the fifth digit (the national TOL 2025 five-digit list was not at hand when
 * this was written; check against Tilastokeskus' correspondence table before relying on it):
 * where the NACE class is unchanged the national code is kept (69201 → 69201); where classes
 * merge, split or move, the 2025 code is the NACE 2.1 class followed by 0 (62010 → 62100).
 */
import type { Lang, Localized } from '../i18n/lang';

export type TolCodeSet = 'TOL2008' | 'TOL2025';

const L = (fi: string, en: string, sv: string): Localized => ({ fi, en, sv });

/** TOL 2008 sections with their division ranges (inclusive). */
const SECTIONS_2008: readonly { letter: string; from: number; to: number; name: Localized }[] = [
  {
    letter: 'A',
    from: 1,
    to: 3,
    name: L('Maatalous, metsätalous ja kalatalous', 'Agriculture, forestry and fishing', 'Jordbruk, skogsbruk och fiske'),
  },
  { letter: 'B', from: 5, to: 9, name: L('Kaivostoiminta ja louhinta', 'Mining and quarrying', 'Utvinning av mineral') },
  { letter: 'C', from: 10, to: 33, name: L('Teollisuus', 'Manufacturing', 'Tillverkning') },
  {
    letter: 'D',
    from: 35,
    to: 35,
    name: L(
      'Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta',
      'Electricity, gas, steam and air conditioning supply',
      'Försörjning av el, gas, värme och kyla',
    ),
  },
  {
    letter: 'E',
    from: 36,
    to: 39,
    name: L(
      'Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito',
      'Water supply; sewerage, waste management and remediation activities',
      'Vattenförsörjning; avloppsrening, avfallshantering och sanering',
    ),
  },
  { letter: 'F', from: 41, to: 43, name: L('Rakentaminen', 'Construction', 'Byggverksamhet') },
  {
    letter: 'G',
    from: 45,
    to: 47,
    name: L(
      'Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus',
      'Wholesale and retail trade; repair of motor vehicles and motorcycles',
      'Handel; reparation av motorfordon och motorcyklar',
    ),
  },
  { letter: 'H', from: 49, to: 53, name: L('Kuljetus ja varastointi', 'Transportation and storage', 'Transport och magasinering') },
  {
    letter: 'I',
    from: 55,
    to: 56,
    name: L('Majoitus- ja ravitsemistoiminta', 'Accommodation and food service activities', 'Hotell- och restaurangverksamhet'),
  },
  {
    letter: 'J',
    from: 58,
    to: 63,
    name: L('Informaatio ja viestintä', 'Information and communication', 'Informations- och kommunikationsverksamhet'),
  },
  {
    letter: 'K',
    from: 64,
    to: 66,
    name: L('Rahoitus- ja vakuutustoiminta', 'Financial and insurance activities', 'Finans- och försäkringsverksamhet'),
  },
  { letter: 'L', from: 68, to: 68, name: L('Kiinteistöalan toiminta', 'Real estate activities', 'Fastighetsverksamhet') },
  {
    letter: 'M',
    from: 69,
    to: 75,
    name: L(
      'Ammatillinen, tieteellinen ja tekninen toiminta',
      'Professional, scientific and technical activities',
      'Verksamhet inom juridik, ekonomi, vetenskap och teknik',
    ),
  },
  {
    letter: 'N',
    from: 77,
    to: 82,
    name: L(
      'Hallinto- ja tukipalvelutoiminta',
      'Administrative and support service activities',
      'Uthyrning, fastighetsservice, resetjänster och andra stödtjänster',
    ),
  },
  {
    letter: 'O',
    from: 84,
    to: 84,
    name: L(
      'Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus',
      'Public administration and defence; compulsory social security',
      'Offentlig förvaltning och försvar; obligatorisk socialförsäkring',
    ),
  },
  { letter: 'P', from: 85, to: 85, name: L('Koulutus', 'Education', 'Utbildning') },
  {
    letter: 'Q',
    from: 86,
    to: 88,
    name: L('Terveys- ja sosiaalipalvelut', 'Human health and social work activities', 'Vård och omsorg; sociala tjänster'),
  },
  {
    letter: 'R',
    from: 90,
    to: 93,
    name: L('Taiteet, viihde ja virkistys', 'Arts, entertainment and recreation', 'Kultur, nöje och fritid'),
  },
  { letter: 'S', from: 94, to: 96, name: L('Muu palvelutoiminta', 'Other service activities', 'Annan serviceverksamhet') },
  {
    letter: 'T',
    from: 97,
    to: 98,
    name: L(
      'Kotitalouksien toiminta työnantajina; kotitalouksien eriyttämätön toiminta tavaroiden ja palvelujen tuottamiseksi omaan käyttöön',
      'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
      'Förvärvsarbete i hushåll; hushållens produktion av diverse varor och tjänster för eget bruk',
    ),
  },
  {
    letter: 'U',
    from: 99,
    to: 99,
    name: L(
      'Kansainvälisten organisaatioiden ja toimielinten toiminta',
      'Activities of extraterritorial organisations and bodies',
      'Verksamhet vid internationella organisationer, utländska ambassader o.d.',
    ),
  },
];

/** TOL 2025 (NACE Rev. 2.1) sections: J split in two, letters from K on shifted by one. */
const SECTIONS_2025: readonly { letter: string; from: number; to: number; name: Localized }[] = [
  ...SECTIONS_2008.slice(0, 6),
  { letter: 'G', from: 46, to: 47, name: L('Tukku- ja vähittäiskauppa', 'Wholesale and retail trade', 'Parti- och detaljhandel') },
  SECTIONS_2008[7]!,
  SECTIONS_2008[8]!,
  {
    letter: 'J',
    from: 58,
    to: 60,
    name: L(
      'Kustannustoiminta, yleisradiotoiminta sekä sisällöntuotanto ja -jakelu',
      'Publishing, broadcasting, and content production and distribution activities',
      'Förlagsverksamhet, sändningsverksamhet samt produktion och distribution av innehåll',
    ),
  },
  {
    letter: 'K',
    from: 61,
    to: 63,
    name: L(
      'Televiestintä, ohjelmointi, konsultointi, tietotekninen infrastruktuuri ja muut tietopalvelut',
      'Telecommunication, computer programming, consulting, computing infrastructure, and other information service activities',
      'Telekommunikation, dataprogrammering, konsultverksamhet, datainfrastruktur och andra informationstjänster',
    ),
  },
  { ...SECTIONS_2008[10]!, letter: 'L' },
  { ...SECTIONS_2008[11]!, letter: 'M' },
  { ...SECTIONS_2008[12]!, letter: 'N' },
  { ...SECTIONS_2008[13]!, letter: 'O' },
  { ...SECTIONS_2008[14]!, letter: 'P' },
  { ...SECTIONS_2008[15]!, letter: 'Q' },
  { ...SECTIONS_2008[16]!, letter: 'R' },
  {
    ...SECTIONS_2008[17]!,
    letter: 'S',
    name: L('Taiteet, urheilu ja virkistys', 'Arts, sports and recreation', 'Kultur, sport och fritid'),
  },
  { ...SECTIONS_2008[18]!, letter: 'T' },
  { ...SECTIONS_2008[19]!, letter: 'U' },
  { ...SECTIONS_2008[20]!, letter: 'V' },
];

/** Divisions (2 digits) of the common sections; names shared by both editions unless overridden. */
const DIVISIONS: Record<string, Localized> = {
  '01': L(
    'Kasvinviljely ja kotieläintalous, riistatalous ja niihin liittyvät palvelut',
    'Crop and animal production, hunting and related service activities',
    'Jordbruk och jakt samt service i anslutning härtill',
  ),
  '02': L('Metsätalous ja puunkorjuu', 'Forestry and logging', 'Skogsbruk'),
  '10': L('Elintarvikkeiden valmistus', 'Manufacture of food products', 'Livsmedelsframställning'),
  '16': L(
    'Sahatavaran sekä puu- ja korkkituotteiden valmistus',
    'Manufacture of wood and of products of wood and cork',
    'Tillverkning av trä och varor av trä och kork',
  ),
  '18': L(
    'Painaminen ja tallenteiden jäljentäminen',
    'Printing and reproduction of recorded media',
    'Grafisk produktion och reproduktion av inspelningar',
  ),
  '25': L('Metallituotteiden valmistus', 'Manufacture of fabricated metal products', 'Tillverkning av metallvaror'),
  '31': L('Huonekalujen valmistus', 'Manufacture of furniture', 'Tillverkning av möbler'),
  '33': L(
    'Koneiden ja laitteiden korjaus, huolto ja asennus',
    'Repair and installation of machinery and equipment',
    'Reparation och installation av maskiner och apparater',
  ),
  '35': L(
    'Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta',
    'Electricity, gas, steam and air conditioning supply',
    'Försörjning av el, gas, värme och kyla',
  ),
  '38': L(
    'Jätteen keruu, käsittely ja loppusijoitus; materiaalien kierrätys',
    'Waste collection, treatment and disposal activities; materials recovery',
    'Avfallshantering; återvinning',
  ),
  '41': L('Talonrakentaminen', 'Construction of buildings', 'Byggande av hus'),
  '42': L('Maa- ja vesirakentaminen', 'Civil engineering', 'Anläggningsarbeten'),
  '43': L('Erikoistunut rakennustoiminta', 'Specialised construction activities', 'Specialiserad bygg- och anläggningsverksamhet'),
  '45': L(
    'Moottoriajoneuvojen ja moottoripyörien tukku- ja vähittäiskauppa sekä korjaus',
    'Wholesale and retail trade and repair of motor vehicles and motorcycles',
    'Handel med samt reparation av motorfordon och motorcyklar',
  ),
  '46': L(
    'Tukkukauppa (pl. moottoriajoneuvojen ja moottoripyörien kauppa)',
    'Wholesale trade, except of motor vehicles and motorcycles',
    'Parti- och provisionshandel utom med motorfordon',
  ),
  '47': L(
    'Vähittäiskauppa (pl. moottoriajoneuvojen ja moottoripyörien kauppa)',
    'Retail trade, except of motor vehicles and motorcycles',
    'Detaljhandel utom med motorfordon och motorcyklar',
  ),
  '49': L('Maaliikenne ja putkijohtokuljetus', 'Land transport and transport via pipelines', 'Landtransport; transport i rörsystem'),
  '52': L(
    'Varastointi ja liikennettä palveleva toiminta',
    'Warehousing and support activities for transportation',
    'Magasinering och stödtjänster till transport',
  ),
  '53': L('Posti- ja kuriiritoiminta', 'Postal and courier activities', 'Post- och kurirverksamhet'),
  '55': L('Majoitus', 'Accommodation', 'Hotell- och logiverksamhet'),
  '56': L('Ravitsemistoiminta', 'Food and beverage service activities', 'Restaurang-, catering- och barverksamhet'),
  '58': L('Kustannustoiminta', 'Publishing activities', 'Förlagsverksamhet'),
  '59': L(
    'Elokuva-, video- ja televisio-ohjelmatuotanto, äänitteiden ja musiikin kustantaminen',
    'Motion picture, video and television programme production, sound recording and music publishing activities',
    'Film-, video- och tv-programverksamhet, ljudinspelningar och fonogramutgivning',
  ),
  '60': L('Radio- ja televisiotoiminta', 'Programming and broadcasting activities', 'Planering och sändning av program'),
  '61': L('Televiestintä', 'Telecommunications', 'Telekommunikation'),
  '62': L(
    'Ohjelmistot, konsultointi ja siihen liittyvä toiminta',
    'Computer programming, consultancy and related activities',
    'Dataprogrammering, datakonsultverksamhet o.d.',
  ),
  '63': L('Tietopalvelutoiminta', 'Information service activities', 'Informationstjänster'),
  '64': L(
    'Rahoituspalvelut (pl. vakuutus- ja eläkevakuutustoiminta)',
    'Financial service activities, except insurance and pension funding',
    'Finansiella tjänster utom försäkring och pensionsfondsverksamhet',
  ),
  '66': L(
    'Rahoitusta ja vakuuttamista palveleva toiminta',
    'Activities auxiliary to financial services and insurance activities',
    'Stödtjänster till finansiella tjänster och försäkring',
  ),
  '68': L('Kiinteistöalan toiminta', 'Real estate activities', 'Fastighetsverksamhet'),
  '69': L('Lakiasiain- ja laskentatoimen palvelut', 'Legal and accounting activities', 'Juridisk och ekonomisk konsultverksamhet'),
  '70': L(
    'Pääkonttorien toiminta; liikkeenjohdon konsultointi',
    'Activities of head offices; management consultancy activities',
    'Verksamhet vid huvudkontor; konsulttjänster till företag',
  ),
  '71': L(
    'Arkkitehti- ja insinööripalvelut; tekninen testaus ja analysointi',
    'Architectural and engineering activities; technical testing and analysis',
    'Arkitekt- och teknisk konsultverksamhet; teknisk provning och analys',
  ),
  '73': L('Mainostoiminta ja markkinatutkimus', 'Advertising and market research', 'Reklam och marknadsundersökning'),
  '74': L(
    'Muut erikoistuneet palvelut liike-elämälle',
    'Other professional, scientific and technical activities',
    'Annan verksamhet inom juridik, ekonomi, vetenskap och teknik',
  ),
  '75': L('Eläinlääkintäpalvelut', 'Veterinary activities', 'Veterinärverksamhet'),
  '77': L('Vuokraus- ja leasingtoiminta', 'Rental and leasing activities', 'Uthyrning och leasing'),
  '78': L('Työllistämistoiminta', 'Employment activities', 'Arbetsförmedling, bemanning och andra personalrelaterade tjänster'),
  '80': L('Turvallisuus-, vartiointi- ja etsiväpalvelut', 'Security and investigation activities', 'Säkerhets- och bevakningsverksamhet'),
  '81': L(
    'Kiinteistön- ja maisemanhoito',
    'Services to buildings and landscape activities',
    'Fastighetsservice samt skötsel och underhåll av grönytor',
  ),
  '82': L(
    'Hallinto- ja tukipalvelut liike-elämälle',
    'Office administrative, office support and other business support activities',
    'Kontorstjänster och andra företagstjänster',
  ),
  '85': L('Koulutus', 'Education', 'Utbildning'),
  '86': L('Terveyspalvelut', 'Human health activities', 'Hälso- och sjukvård'),
  '88': L('Sosiaalihuollon avopalvelut', 'Social work activities without accommodation', 'Öppna sociala insatser'),
  '90': L(
    'Kulttuuri- ja viihdetoiminta',
    'Creative, arts and entertainment activities',
    'Konstnärlig och kulturell verksamhet samt underhållningsverksamhet',
  ),
  '93': L(
    'Urheilutoiminta sekä huvi- ja virkistyspalvelut',
    'Sports activities and amusement and recreation activities',
    'Sport-, fritids- och nöjesverksamhet',
  ),
  '94': L('Järjestöjen toiminta', 'Activities of membership organisations', 'Intressebevakning; religiös verksamhet'),
  '95': L(
    'Tietokoneiden, henkilökohtaisten ja kotitaloustavaroiden korjaus',
    'Repair of computers and personal and household goods',
    'Reparation av datorer, hushållsartiklar och personliga artiklar',
  ),
  '96': L('Muut henkilökohtaiset palvelut', 'Other personal service activities', 'Andra konsumenttjänster'),
};

/** Where TOL 2025 renamed a division. */
const DIVISIONS_2025: Record<string, Localized> = {
  '60': L(
    'Ohjelmatoiminta, yleisradio- ja uutistoimistotoiminta sekä muu sisällönjakelu',
    'Programming, broadcasting, news agency and other content distribution activities',
    'Planering och sändning av program, nyhetsbyråer och annan distribution av innehåll',
  ),
  '63': L(
    'Tietotekninen infrastruktuuri, tietojenkäsittely, palvelintilan vuokraus ja muut tietopalvelut',
    'Computing infrastructure, data processing, hosting and other information service activities',
    'Datainfrastruktur, databehandling, hosting och andra informationstjänster',
  ),
  '80': L('Etsivä- ja turvallisuuspalvelut', 'Investigation and security activities', 'Detektiv- och säkerhetsverksamhet'),
  '95': L(
    'Tietokoneiden, henkilökohtaisten ja kotitaloustavaroiden sekä moottoriajoneuvojen korjaus ja huolto',
    'Repair and maintenance of computers, personal and household goods, and motor vehicles and motorcycles',
    'Reparation och underhåll av datorer, hushållsartiklar, personliga artiklar och motorfordon',
  ),
};

/** [TOL 2008 code, fi, en, sv, TOL 2025 code]. */
type Row = readonly [string, string, string, string, string];
const CODES_2008: readonly Row[] = [
  [
    '01110',
    'Viljakasvien (pl. riisin), palkokasvien ja öljysiemenkasvien viljely',
    'Growing of cereals (except rice), leguminous crops and oil seeds',
    'Odling av spannmål (utom ris), baljväxter och oljeväxtfrön',
    '01110',
  ],
  ['01410', 'Lypsykarjan kasvatus', 'Raising of dairy cattle', 'Uppfödning av mjölkkor', '01410'],
  ['02200', 'Puunkorjuu', 'Logging', 'Drivning', '02200'],
  ['02400', 'Metsätaloutta palveleva toiminta', 'Support services to forestry', 'Service till skogsbruk', '02400'],
  [
    '10710',
    'Leipomotuotteiden, tuoreiden leivonnaisten ja kakkujen valmistus',
    'Manufacture of bread; manufacture of fresh pastry goods and cakes',
    'Framställning av mjukt matbröd och färska bakverk',
    '10710',
  ],
  ['16100', 'Puun sahaus, höyläys ja kyllästys', 'Sawmilling and planing of wood', 'Sågning, hyvling och impregnering av trä', '16110'],
  ['18120', 'Muu painaminen', 'Other printing', 'Annan tryckning', '18120'],
  [
    '25110',
    'Metallirakenteiden ja niiden osien valmistus',
    'Manufacture of metal structures and parts of structures',
    'Tillverkning av metallstommar och delar därav',
    '25110',
  ],
  ['25620', 'Metallien työstö', 'Machining', 'Metallbearbetning', '25620'],
  ['31090', 'Muiden huonekalujen valmistus', 'Manufacture of other furniture', 'Tillverkning av andra möbler', '31000'],
  ['33120', 'Koneiden korjaus ja huolto', 'Repair of machinery', 'Reparation av maskiner', '33120'],
  ['35300', 'Lämpö- ja kylmäenergian tuotanto ja jakelu', 'Steam and air conditioning supply', 'Försörjning av värme och kyla', '35300'],
  ['38110', 'Tavanomaisen jätteen keruu', 'Collection of non-hazardous waste', 'Insamling av icke-farligt avfall', '38110'],
  ['41100', 'Rakennuttaminen ja rakennushankkeiden kehittäminen', 'Development of building projects', 'Byggherreverksamhet', '68120'],
  [
    '41200',
    'Asuin- ja muiden rakennusten rakentaminen',
    'Construction of residential and non-residential buildings',
    'Byggande av bostadshus och andra byggnader',
    '41000',
  ],
  ['42110', 'Teiden ja moottoriteiden rakentaminen', 'Construction of roads and motorways', 'Anläggning av vägar och motorvägar', '42110'],
  [
    '42210',
    'Yleisten jakeluverkkojen rakentaminen nesteitä varten',
    'Construction of utility projects for fluids',
    'Allmännyttiga anläggningsarbeten för vatten och avlopp',
    '42210',
  ],
  [
    '42990',
    'Muualla luokittelematon maa- ja vesirakentaminen',
    'Construction of other civil engineering projects n.e.c.',
    'Andra anläggningsarbeten',
    '42990',
  ],
  ['43110', 'Rakennusten ja rakennelmien purku', 'Demolition', 'Rivning av hus och byggnader', '43110'],
  ['43120', 'Rakennuspaikan valmistelutyöt', 'Site preparation', 'Mark- och grundarbeten', '43120'],
  ['43210', 'Sähköasennus', 'Electrical installation', 'Elinstallationer', '43210'],
  [
    '43220',
    'LVI-asennus (lämpö-, vesijohto- ja ilmastointiasennus)',
    'Plumbing, heat and air-conditioning installation',
    'VVS-arbeten',
    '43220',
  ],
  ['43290', 'Muu rakennusasennus', 'Other construction installation', 'Andra bygginstallationer', '43290'],
  ['43310', 'Rappaus', 'Plastering', 'Puts-, fasad- och stuckaturarbeten', '43310'],
  ['43320', 'Rakennuspuusepän asennustyöt', 'Joinery installation', 'Byggnadssnickeriarbeten', '43320'],
  ['43330', 'Lattianpäällystys ja seinien verhoilu', 'Floor and wall covering', 'Golv- och väggbeläggningsarbeten', '43330'],
  ['43341', 'Maalaus', 'Painting', 'Måleriarbeten', '43341'],
  ['43342', 'Lasitus', 'Glazing', 'Glasmästeriarbeten', '43342'],
  ['43390', 'Muu rakennusten viimeistely', 'Other building completion and finishing', 'Annan slutbehandling av byggnader', '43390'],
  ['43910', 'Kattorakenteiden asennus ja kattaminen', 'Roofing activities', 'Takarbeten', '43410'],
  [
    '43999',
    'Muualla luokittelematon erikoistunut rakennustoiminta',
    'Other specialised construction activities n.e.c.',
    'Annan specialiserad bygg- och anläggningsverksamhet',
    '43990',
  ],
  [
    '45112',
    'Henkilöautojen ja kevyiden moottoriajoneuvojen vähittäiskauppa',
    'Retail sale of cars and light motor vehicles',
    'Detaljhandel med personbilar och lätta motorfordon',
    '47810',
  ],
  [
    '45200',
    'Moottoriajoneuvojen huolto ja korjaus (pl. moottoripyörät)',
    'Maintenance and repair of motor vehicles',
    'Underhåll och reparation av motorfordon utom motorcyklar',
    '95310',
  ],
  [
    '46190',
    'Monialaisen tavaravalikoiman agentuuritoiminta',
    'Agents involved in the sale of a variety of goods',
    'Provisionshandel med blandat sortiment',
    '46190',
  ],
  [
    '46630',
    'Kaivos-, rakennus- ja maa- ja vesirakennuskoneiden tukkukauppa',
    'Wholesale of mining, construction and civil engineering machinery',
    'Partihandel med gruv-, bygg- och anläggningsmaskiner',
    '46630',
  ],
  [
    '46730',
    'Puun, rakennusmateriaalien ja saniteettilaitteiden tukkukauppa',
    'Wholesale of wood, construction materials and sanitary equipment',
    'Partihandel med virke, andra byggmaterial och sanitetsgods',
    '46830',
  ],
  ['46900', 'Muu tukkukauppa', 'Non-specialised wholesale trade', 'Icke specialiserad partihandel', '46900'],
  ['47111', 'Isot supermarketit (yli 1000 m²)', 'Large supermarkets', 'Stora supermarketar', '47110'],
  ['47112', 'Pienet supermarketit (400–1000 m²)', 'Small supermarkets', 'Små supermarketar', '47110'],
  ['47113', 'Valintamyymälät (100–400 m²)', 'Self-service food stores', 'Närbutiker', '47110'],
  ['47114', 'Elintarvike-, makeis-, tupakka- ym. kioskit', 'Food, confectionery and tobacco kiosks', 'Kiosker', '47110'],
  [
    '47190',
    'Muu vähittäiskauppa erikoistumattomissa myymälöissä',
    'Other retail sale in non-specialised stores',
    'Annan detaljhandel med brett sortiment',
    '47120',
  ],
  [
    '47240',
    'Leipomotuotteiden ja makeisten vähittäiskauppa',
    'Retail sale of bread, cakes and confectionery',
    'Detaljhandel med bröd, konditorivaror och sockervaror',
    '47240',
  ],
  ['47300', 'Ajoneuvojen polttoaineen vähittäiskauppa', 'Retail sale of automotive fuel', 'Detaljhandel med drivmedel', '47300'],
  [
    '47410',
    'Tietokoneiden, niiden oheislaitteiden ja ohjelmistojen vähittäiskauppa',
    'Retail sale of computers, peripheral units and software',
    'Detaljhandel med datorer, programvara och kringutrustning',
    '47400',
  ],
  ['47521', 'Rautakauppa', 'Retail sale of hardware', 'Järnhandel', '47521'],
  [
    '47540',
    'Sähköisten kodinkoneiden vähittäiskauppa',
    'Retail sale of electrical household appliances',
    'Detaljhandel med elektriska hushållsmaskiner',
    '47540',
  ],
  ['47591', 'Huonekalujen vähittäiskauppa', 'Retail sale of furniture', 'Detaljhandel med möbler', '47550'],
  ['47610', 'Kirjojen vähittäiskauppa', 'Retail sale of books', 'Detaljhandel med böcker', '47610'],
  ['47640', 'Urheiluvälineiden vähittäiskauppa', 'Retail sale of sporting equipment', 'Detaljhandel med sportartiklar', '47630'],
  ['47650', 'Pelien ja leikkikalujen vähittäiskauppa', 'Retail sale of games and toys', 'Detaljhandel med spel och leksaker', '47640'],
  ['47711', 'Naisten vaatteiden vähittäiskauppa', "Retail sale of women's clothing", 'Detaljhandel med damkläder', '47711'],
  ['47712', 'Miesten vaatteiden vähittäiskauppa', "Retail sale of men's clothing", 'Detaljhandel med herrkläder', '47712'],
  ['47721', 'Jalkineiden vähittäiskauppa', 'Retail sale of footwear', 'Detaljhandel med skor', '47721'],
  ['47730', 'Apteekit', 'Dispensing chemist in specialised stores', 'Apotek', '47730'],
  [
    '47750',
    'Kosmetiikka- ja hygieniatuotteiden vähittäiskauppa',
    'Retail sale of cosmetic and toilet articles',
    'Detaljhandel med kosmetika och hygienartiklar',
    '47750',
  ],
  ['47761', 'Kukkien vähittäiskauppa', 'Retail sale of flowers', 'Detaljhandel med blommor', '47761'],
  [
    '47770',
    'Kultasepänteosten ja kellojen vähittäiskauppa',
    'Retail sale of watches and jewellery',
    'Detaljhandel med ur och guldsmedsvaror',
    '47770',
  ],
  ['47782', 'Optikkoliikkeet', 'Retail sale of optical goods', 'Optiker', '47782'],
  [
    '47789',
    'Muualla luokittelematon uusien tavaroiden vähittäiskauppa',
    'Other retail sale of new goods n.e.c.',
    'Annan detaljhandel med nya varor',
    '47789',
  ],
  ['47791', 'Antiikkiliikkeet', 'Retail sale of antiques', 'Antikaffärer', '47791'],
  [
    '47910',
    'Vähittäiskauppa postimyyntiliikkeiden tai Internetin välityksellä',
    'Retail sale via mail order houses or via Internet',
    'Postorderhandel och detaljhandel på Internet',
    '47120',
  ],
  ['49320', 'Taksiliikenne', 'Taxi operation', 'Taxitrafik', '49330'],
  ['49410', 'Tieliikenteen tavarankuljetus', 'Freight transport by road', 'Vägtransport, godstrafik', '49410'],
  ['49420', 'Muuttopalvelut', 'Removal services', 'Flyttjänster', '49420'],
  ['52100', 'Varastointi', 'Warehousing and storage', 'Magasinering och varulagring', '52100'],
  ['53200', 'Muu posti-, jakelu- ja kuriiritoiminta', 'Other postal and courier activities', 'Annan post- och kurirverksamhet', '53200'],
  ['55101', 'Hotellit', 'Hotels', 'Hotell', '55101'],
  ['56101', 'Ravintolat', 'Restaurants', 'Restauranger', '56110'],
  ['56102', 'Kahvila-ravintolat', 'Cafeteria-restaurants', 'Kaféer och restauranger', '56110'],
  ['56103', 'Ruokakioskit', 'Food kiosks', 'Matkiosker', '56120'],
  ['56210', 'Pitopalvelu', 'Event catering activities', 'Cateringverksamhet för evenemang', '56210'],
  [
    '56290',
    'Henkilöstö- ja laitosruokalat',
    'Other food service activities (canteens)',
    'Personalmatsalar och institutionshushåll',
    '56220',
  ],
  ['56301', 'Olut- ja drinkkibaarit', 'Beer and cocktail bars', 'Öl- och drinkbarer', '56301'],
  ['56302', 'Kahvilat ja kahvibaarit', 'Cafés and coffee bars', 'Kaféer och kaffebarer', '56302'],
  ['58110', 'Kirjojen kustantaminen', 'Book publishing', 'Utgivning av böcker', '58110'],
  ['58210', 'Tietokonepelien kustantaminen', 'Publishing of computer games', 'Utgivning av dataspel', '58210'],
  [
    '59110',
    'Elokuvien, videoiden ja televisio-ohjelmien tuotanto',
    'Motion picture, video and television programme production activities',
    'Produktion av film, video och tv-program',
    '59110',
  ],
  ['61100', 'Langallisen verkon hallinta ja palvelut', 'Wired telecommunications activities', 'Trådbunden telekommunikation', '61100'],
  ['61200', 'Langattoman verkon hallinta ja palvelut', 'Wireless telecommunications activities', 'Trådlös telekommunikation', '61100'],
  ['62010', 'Ohjelmistojen suunnittelu ja valmistus', 'Computer programming activities', 'Dataprogrammering', '62100'],
  ['62020', 'Atk-laitteisto- ja ohjelmistokonsultointi', 'Computer consultancy activities', 'Datakonsultverksamhet', '62200'],
  ['62030', 'Tietojenkäsittelyn ylläpitopalvelut', 'Computer facilities management activities', 'Datordriftstjänster', '62200'],
  [
    '62090',
    'Muu laitteisto- ja tietotekninen palvelutoiminta',
    'Other information technology and computer service activities',
    'Andra IT- och datatjänster',
    '62900',
  ],
  [
    '63110',
    'Tietojenkäsittely, palvelintilan vuokraus ja niihin liittyvät palvelut',
    'Data processing, hosting and related activities',
    'Databehandling, hosting o.d.',
    '63100',
  ],
  ['63120', 'Verkkoportaalit', 'Web portals', 'Webbportaler', '60390'],
  ['64190', 'Muu pankkitoiminta', 'Other monetary intermediation', 'Annan monetär finansförmedling', '64190'],
  [
    '64200',
    'Rahoitusalan holding-yhtiöiden toiminta',
    'Activities of holding companies',
    'Holdingverksamhet i finansiella koncerner',
    '64210',
  ],
  [
    '66220',
    'Vakuutusasiamiesten ja -välittäjien toiminta',
    'Activities of insurance agents and brokers',
    'Verksamhet utförd av försäkringsombud och försäkringsmäklare',
    '66220',
  ],
  ['68100', 'Omien kiinteistöjen kauppa', 'Buying and selling of own real estate', 'Handel med egna fastigheter', '68110'],
  ['68201', 'Asuntojen vuokraus', 'Renting of residential real estate', 'Uthyrning av bostäder', '68201'],
  [
    '68202',
    'Asuntojen ja asuinkiinteistöjen hallinta',
    'Management of residential real estate (housing companies)',
    'Förvaltning av bostäder och bostadsfastigheter',
    '68202',
  ],
  [
    '68209',
    'Muiden kiinteistöjen vuokraus ja hallinta',
    'Renting and operating of other real estate',
    'Uthyrning och förvaltning av andra fastigheter',
    '68209',
  ],
  ['68310', 'Kiinteistönvälitys', 'Real estate agencies', 'Fastighetsförmedling', '68310'],
  [
    '68320',
    'Kiinteistöjen isännöinti',
    'Management of real estate on a fee or contract basis',
    'Fastighetsförvaltning på uppdrag',
    '68320',
  ],
  ['69101', 'Asianajotoimistot', 'Activities of law firms (advocates)', 'Advokatbyråer', '69101'],
  ['69102', 'Lakiasiaintoimistot', 'Other legal offices', 'Juristbyråer', '69102'],
  [
    '69201',
    'Kirjanpito ja tilinpäätöksen laadinta',
    'Bookkeeping and preparation of financial statements',
    'Redovisning och bokslut',
    '69201',
  ],
  ['69202', 'Tilintarkastus', 'Auditing', 'Revision', '69202'],
  ['70100', 'Pääkonttorien toiminta', 'Activities of head offices', 'Verksamhet vid huvudkontor', '70100'],
  ['70210', 'Suhdetoiminta ja viestintä', 'Public relations and communication activities', 'PR och kommunikation', '70200'],
  [
    '70220',
    'Muu liikkeenjohdon konsultointi',
    'Business and other management consultancy activities',
    'Konsulttjänster till företag',
    '70200',
  ],
  ['71110', 'Arkkitehtipalvelut', 'Architectural activities', 'Arkitektverksamhet', '71110'],
  ['71200', 'Tekninen testaus ja analysointi', 'Technical testing and analysis', 'Teknisk provning och analys', '71200'],
  ['73111', 'Mainostoimistot', 'Advertising agencies', 'Reklambyråer', '73111'],
  [
    '73200',
    'Markkina- ja mielipidetutkimukset',
    'Market research and public opinion polling',
    'Marknads- och opinionsundersökning',
    '73200',
  ],
  ['74200', 'Valokuvaustoiminta', 'Photographic activities', 'Fotoateljéverksamhet och annan fotografisk verksamhet', '74200'],
  ['75000', 'Eläinlääkintäpalvelut', 'Veterinary activities', 'Veterinärverksamhet', '75000'],
  [
    '77110',
    'Autojen ja kevyiden moottoriajoneuvojen vuokraus ja leasing',
    'Renting and leasing of cars and light motor vehicles',
    'Uthyrning och leasing av bilar och lätta motorfordon',
    '77110',
  ],
  ['78200', 'Työvoiman vuokraus', 'Temporary employment agency activities', 'Personaluthyrning', '78200'],
  ['80100', 'Yksityiset turvallisuuspalvelut', 'Private security activities', 'Säkerhetsverksamhet', '80010'],
  ['81100', 'Kiinteistönhoito', 'Combined facilities support activities', 'Fastighetsservice', '81100'],
  ['81210', 'Kiinteistöjen siivous', 'General cleaning of buildings', 'Lokalvård', '81210'],
  ['81300', 'Maisemanhoitopalvelut', 'Landscape service activities', 'Skötsel och underhåll av grönytor', '81300'],
  ['82110', 'Yhdistetyt toimistopalvelut', 'Combined office administrative service activities', 'Kombinerade kontorstjänster', '82100'],
  ['82990', 'Muut palvelut liike-elämälle', 'Other business support service activities n.e.c.', 'Övriga företagstjänster', '82990'],
  ['85510', 'Urheilu- ja liikuntakoulutus', 'Sports and recreation education', 'Sport- och fritidsutbildning', '85510'],
  ['85520', 'Taiteen ja musiikin koulutus', 'Cultural education', 'Kulturutbildning', '85520'],
  ['85530', 'Kuljettajakoulutus', 'Driving school activities', 'Trafikskolor', '85530'],
  ['86210', 'Yleislääkäripalvelut', 'General medical practice activities', 'Allmänpraktiserande läkarverksamhet', '86210'],
  ['86230', 'Hammaslääkäripalvelut', 'Dental practice activities', 'Tandläkarverksamhet', '86230'],
  ['86901', 'Fysioterapia', 'Physiotherapy', 'Fysioterapi', '86950'],
  [
    '88101',
    'Kotipalvelut ikääntyneille ja vammaisille',
    'Home help services for the elderly and disabled',
    'Hemtjänst för äldre och funktionshindrade',
    '88101',
  ],
  ['88911', 'Lasten päiväkodit', 'Child day-care centres', 'Daghem för barn', '88910'],
  ['90010', 'Esittävät taiteet', 'Performing arts', 'Scenkonst', '90200'],
  ['90030', 'Taiteellinen luominen', 'Artistic creation', 'Konstnärligt skapande', '90130'],
  ['93110', 'Urheilulaitosten toiminta', 'Operation of sports facilities', 'Drift av sportanläggningar', '93110'],
  ['93130', 'Kuntokeskukset', 'Fitness facilities', 'Gym', '93130'],
  [
    '94999',
    'Muualla luokittelemattomat järjestöt',
    'Activities of other membership organisations n.e.c.',
    'Andra intresseorganisationer',
    '94990',
  ],
  [
    '95110',
    'Tietokoneiden ja niiden oheislaitteiden korjaus',
    'Repair of computers and peripheral equipment',
    'Reparation av datorer och kringutrustning',
    '95100',
  ],
  ['96010', 'Pesulapalvelut', 'Washing and (dry-)cleaning of textile and fur products', 'Tvätteriverksamhet', '96100'],
  ['96021', 'Parturit ja kampaamot', 'Hairdressing', 'Frisörer', '96210'],
  ['96022', 'Kauneudenhoitopalvelut', 'Beauty treatment', 'Skönhetsvård', '96220'],
  ['96040', 'Kylpylät, saunat, solariumit yms. palvelut', 'Physical well-being activities', 'Kroppsvård', '96230'],
  [
    '96090',
    'Muualla luokittelemattomat henkilökohtaiset palvelut',
    'Other personal service activities n.e.c.',
    'Övriga konsumenttjänster',
    '96990',
  ],
];

/** Names of TOL 2025 codes that are not simply the same code kept from TOL 2008. */
const NAMES_2025: Record<string, Localized> = {
  '16110': L('Puun sahaus ja höyläys', 'Sawmilling and planing of wood', 'Sågning och hyvling av trä'),
  '31000': L('Huonekalujen valmistus', 'Manufacture of furniture', 'Tillverkning av möbler'),
  '41000': L(
    'Asuin- ja muiden rakennusten rakentaminen',
    'Construction of residential and non-residential buildings',
    'Byggande av bostadshus och andra byggnader',
  ),
  '43410': L('Kattorakenteiden asennus ja kattaminen', 'Roofing activities', 'Takarbeten'),
  '43990': L(
    'Muualla luokittelematon erikoistunut rakennustoiminta',
    'Other specialised construction activities n.e.c.',
    'Annan specialiserad bygg- och anläggningsverksamhet',
  ),
  '46830': L(
    'Puun, rakennusmateriaalien ja saniteettilaitteiden tukkukauppa',
    'Wholesale of wood, construction materials and sanitary equipment',
    'Partihandel med virke, byggmaterial och sanitetsgods',
  ),
  '47110': L(
    'Vähittäiskauppa erikoistumattomissa myymälöissä, pääasiassa elintarvikkeita',
    'Non-specialised retail sale of predominantly food, beverages or tobacco',
    'Detaljhandel med brett sortiment, huvudsakligen livsmedel',
  ),
  '47120': L(
    'Muu vähittäiskauppa erikoistumattomissa myymälöissä',
    'Other non-specialised retail sale',
    'Annan detaljhandel med brett sortiment',
  ),
  '47400': L(
    'Tieto- ja viestintäteknisten laitteiden vähittäiskauppa',
    'Retail sale of information and communication equipment',
    'Detaljhandel med informations- och kommunikationsutrustning',
  ),
  '47550': L(
    'Huonekalujen, valaisimien ja muiden kotitaloustavaroiden vähittäiskauppa',
    'Retail sale of furniture, lighting equipment, tableware and other household goods',
    'Detaljhandel med möbler, belysning och andra hushållsartiklar',
  ),
  '47630': L('Urheiluvälineiden vähittäiskauppa', 'Retail sale of sporting equipment', 'Detaljhandel med sportartiklar'),
  '47640': L('Pelien ja leikkikalujen vähittäiskauppa', 'Retail sale of games and toys', 'Detaljhandel med spel och leksaker'),
  '47810': L('Moottoriajoneuvojen vähittäiskauppa', 'Retail sale of motor vehicles', 'Detaljhandel med motorfordon'),
  '49330': L(
    'Tilausperusteinen henkilöliikenne kuljettajineen (taksiliikenne)',
    'On-demand passenger transport service activities by vehicle with driver',
    'Beställningstrafik med förare (taxi)',
  ),
  '56110': L('Ravintolat', 'Restaurant activities', 'Restaurangverksamhet'),
  '56120': L('Liikkuva ruokapalvelu', 'Mobile food service activities', 'Mobil restaurangverksamhet'),
  '56220': L(
    'Sopimusruokapalvelut ja muut ravitsemispalvelut',
    'Contract catering service activities and other food service activities',
    'Cateringverksamhet på kontrakt och annan restaurangverksamhet',
  ),
  '60390': L('Muu sisällönjakelu (verkkoportaalit)', 'Other content distribution activities', 'Annan distribution av innehåll'),
  '61100': L(
    'Langallinen, langaton ja satelliittiviestintä',
    'Wired, wireless, and satellite telecommunication activities',
    'Trådbunden, trådlös och satellitbaserad telekommunikation',
  ),
  '62100': L('Ohjelmointi', 'Computer programming activities', 'Dataprogrammering'),
  '62200': L(
    'Atk-konsultointi ja tietojenkäsittelyn ylläpitopalvelut',
    'Computer consultancy and computer facilities management activities',
    'Datakonsultverksamhet och datordriftstjänster',
  ),
  '62900': L(
    'Muu tietotekninen palvelutoiminta',
    'Other information technology and computer service activities',
    'Andra IT- och datatjänster',
  ),
  '63100': L(
    'Tietotekninen infrastruktuuri, tietojenkäsittely ja palvelintilan vuokraus',
    'Computing infrastructure, data processing, hosting and related activities',
    'Datainfrastruktur, databehandling och hosting',
  ),
  '64210': L('Holdingyhtiöiden toiminta', 'Activities of holding companies', 'Holdingverksamhet'),
  '68110': L('Omien kiinteistöjen kauppa', 'Buying and selling of own real estate', 'Handel med egna fastigheter'),
  '68120': L('Rakennushankkeiden kehittäminen', 'Development of building projects', 'Byggherreverksamhet'),
  '70200': L('Liikkeenjohdon ja muu konsultointi', 'Business and other management consultancy activities', 'Konsulttjänster till företag'),
  '80010': L('Etsivä- ja turvallisuuspalvelut', 'Investigation and private security activities', 'Detektiv- och säkerhetsverksamhet'),
  '82100': L('Toimistopalvelut', 'Office administrative and support activities', 'Kontorstjänster'),
  '86950': L('Fysioterapia', 'Physiotherapy activities', 'Fysioterapi'),
  '88910': L('Lasten päivähoitopalvelut', 'Child day-care activities', 'Barnomsorg'),
  '90130': L('Muu taiteellinen luominen', 'Other arts creation activities', 'Annat konstnärligt skapande'),
  '90200': L('Esittävät taiteet', 'Activities of performing arts', 'Scenkonst'),
  '94990': L('Muualla luokittelemattomat järjestöt', 'Activities of other membership organisations n.e.c.', 'Andra intresseorganisationer'),
  '95100': L(
    'Tietokoneiden ja viestintälaitteiden korjaus ja huolto',
    'Repair and maintenance of computers and communication equipment',
    'Reparation och underhåll av datorer och kommunikationsutrustning',
  ),
  '95310': L(
    'Moottoriajoneuvojen korjaus ja huolto',
    'Repair and maintenance of motor vehicles',
    'Reparation och underhåll av motorfordon',
  ),
  '96100': L('Pesulapalvelut', 'Washing and cleaning of textile and fur products', 'Tvätteriverksamhet'),
  '96210': L('Parturit ja kampaamot', 'Hairdressing and barber activities', 'Frisörer'),
  '96220': L('Kauneudenhoitopalvelut', 'Beauty care and other beauty treatment activities', 'Skönhetsvård'),
  '96230': L('Kylpylät, saunat ja vastaavat palvelut', 'Day-spa, sauna and steam bath activities', 'Spa, bastu och ångbad'),
  '96990': L(
    'Muualla luokittelemattomat henkilökohtaiset palvelut',
    'Other personal service activities n.e.c.',
    'Övriga konsumenttjänster',
  ),
};

interface CodeEntry {
  code: string;
  name: Localized;
}

const BY_CODE_2008 = new Map<string, CodeEntry & { to2025: string }>();
const BY_CODE_2025 = new Map<string, CodeEntry & { from2008: string[] }>();
for (const [code, fi, en, sv, to2025] of CODES_2008) {
  const name = L(fi, en, sv);
  BY_CODE_2008.set(code, { code, name, to2025 });
  const existing = BY_CODE_2025.get(to2025);
  if (existing) existing.from2008.push(code);
  else BY_CODE_2025.set(to2025, { code: to2025, name: NAMES_2025[to2025] ?? name, from2008: [code] });
}

/** The common TOL 2008 five-digit codes this module knows, in order. */
export const TOL2008_CODES: readonly string[] = CODES_2008.map((r) => r[0]);
/** Their TOL 2025 equivalents (distinct). */
export const TOL2025_CODES: readonly string[] = [...BY_CODE_2025.keys()];

function sectionsOf(set: TolCodeSet) {
  return set === 'TOL2025' ? SECTIONS_2025 : SECTIONS_2008;
}

/**
 * Reads a code-set label as sources write it: 'TOL2008' / 'TOL2025', PRH's 'TOIMI3' / 'TOIMI4',
 * or '2008' / '2025'. When the label is missing or unknown, a code that only TOL 2025 has is
 * taken as TOL 2025 and everything else as TOL 2008 (the edition of almost all older data).
 */
export function toTolCodeSet(label: string | null | undefined, code?: string): TolCodeSet {
  const l = (label ?? '')
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  if (l === 'TOL2025' || l === 'TOIMI4' || l === '2025') return 'TOL2025';
  if (l === 'TOL2008' || l === 'TOIMI3' || l === '2008') return 'TOL2008';
  if (code && !BY_CODE_2008.has(code.trim()) && BY_CODE_2025.has(code.trim())) return 'TOL2025';
  return 'TOL2008';
}

/** TOL 2008 code → TOL 2025 code, for the codes this module knows (else undefined). */
export function tol2008To2025(code: string): string | undefined {
  return BY_CODE_2008.get(code)?.to2025;
}

/** TOL 2025 code → the TOL 2008 codes that became it (several where classes merged). */
export function tol2025To2008(code: string): readonly string[] {
  return BY_CODE_2025.get(code)?.from2008 ?? [];
}

/**
 * The section letter of a code (2–5 digits) in the given edition, or of a letter itself.
 * Undefined for a code outside every section.
 */
export function sectionOf(code: string, codeSet: TolCodeSet = 'TOL2008'): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-V]$/.test(c)) return sectionsOf(codeSet).some((s) => s.letter === c) ? c : undefined;
  if (!/^\d{2,5}$/.test(c)) return undefined;
  const division = Number(c.slice(0, 2));
  return sectionsOf(codeSet).find((s) => division >= s.from && division <= s.to)?.letter;
}

/**
 * The name of a section letter, division or code in the chosen language. A code known in both
 * editions is named from `codeSet` first (default TOL 2008, then TOL 2025). Unknown codes give
 * undefined, so the caller can show the code itself.
 */
export function industryName(code: string, lang: Lang, codeSet: TolCodeSet = 'TOL2008'): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-V]$/.test(c)) return sectionsOf(codeSet).find((s) => s.letter === c)?.name[lang];
  if (/^\d{2}$/.test(c)) {
    if (!sectionOf(c, codeSet)) return undefined;
    return ((codeSet === 'TOL2025' && DIVISIONS_2025[c]) || DIVISIONS[c])?.[lang];
  }
  const first = codeSet === 'TOL2025' ? BY_CODE_2025.get(c) : BY_CODE_2008.get(c);
  const second = codeSet === 'TOL2025' ? BY_CODE_2008.get(c) : BY_CODE_2025.get(c);
  return (first ?? second)?.name[lang];
}

/**
 * Does a record's industry code fall under a criteria spec?
 *
 * - A section letter is read as a TOL 2008 section (users think in those): a TOL 2025 record
 *   is placed through the mapping (95310 car repair is still G), or, for codes outside the
 *   table, by its division number, which TOL 2025 kept for almost every division.
 * - A 2–5 digit spec is a code or prefix in either edition: it matches the record's own code
 *   and the record's equivalents in the other edition (62010 ↔ 62100).
 */
export function matchesIndustry(recordCode: string, recordCodeSet: TolCodeSet | string | null | undefined, spec: string): boolean {
  const code = recordCode.trim();
  const s = spec.trim().toUpperCase();
  if (!code || !s) return false;
  recordCodeSet = toTolCodeSet(recordCodeSet, code);
  if (/^[A-U]$/.test(s)) {
    if (recordCodeSet === 'TOL2008') return sectionOf(code, 'TOL2008') === s;
    const before = tol2025To2008(code);
    if (before.length) return before.some((c) => sectionOf(c, 'TOL2008') === s);
    return sectionOf(code, 'TOL2008') === s;
  }
  if (!/^\d{2,5}$/.test(s)) return false;
  if (code.startsWith(s)) return true;
  const equivalents = recordCodeSet === 'TOL2008' ? [tol2008To2025(code)].filter((c): c is string => !!c) : tol2025To2008(code);
  return equivalents.some((c) => c.startsWith(s));
}

export interface TolNode {
  /** Section letter, 2-digit division or 5-digit code. */
  code: string;
  name: string;
  level: 'section' | 'division' | 'code';
  children: TolNode[];
}

/** The picker's tree: sections → divisions → codes, in the chosen edition (default TOL 2008). */
export function tolTree(lang: Lang, codeSet: TolCodeSet = 'TOL2008'): TolNode[] {
  const codes = codeSet === 'TOL2025' ? [...BY_CODE_2025.keys()].sort() : [...TOL2008_CODES].sort();
  const divisions = new Set<string>([...Object.keys(DIVISIONS), ...codes.map((c) => c.slice(0, 2))]);
  if (codeSet === 'TOL2025') divisions.delete('45');
  return sectionsOf(codeSet).map((s) => ({
    code: s.letter,
    name: s.name[lang],
    level: 'section' as const,
    children: [...divisions]
      .filter((d) => sectionOf(d, codeSet) === s.letter)
      .sort()
      .map((d) => ({
        code: d,
        name: industryName(d, lang, codeSet) ?? d,
        level: 'division' as const,
        children: codes
          .filter((c) => c.startsWith(d))
          .map((c) => ({ code: c, name: industryName(c, lang, codeSet) ?? c, level: 'code' as const, children: [] })),
      })),
  }));
}
