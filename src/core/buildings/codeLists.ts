/**
 * Code lists of the building registers, with readable names in Finnish, English and Swedish.
 *
 * - 1994 codes (Tilastokeskus Rakennusluokitus 1994 and the building register's c_* fields as
 *   Helsinki publishes them): use class (3 digits), heating method, heating fuel, material.
 * - Rakennusluokitus 2018 (4 digits).
 * - Ryhti's open data classes (2 digits): main purpose, heating method, heating energy source,
 *   load-bearing material. Ryhti may give these as code-list URIs; `codeOf` strips the URI.
 *
 * HSY publishes names (text) instead of codes: those pass through unchanged.
 */
import type { Lang, Localized } from '../i18n/lang';

type CodeList = Record<string, Localized>;
const l = (fi: string, en: string, sv: string): Localized => ({ fi, en, sv });

/** Rakennusluokitus 1994: käyttötarkoitus (c_kayttark). */
export const USE_1994: CodeList = {
  '011': l('Yhden asunnon talot', 'Detached houses', 'Småhus med en bostad'),
  '012': l('Kahden asunnon talot', 'Two-dwelling houses', 'Småhus med två bostäder'),
  '013': l('Muut erilliset pientalot', 'Other detached small houses', 'Övriga fristående småhus'),
  '021': l('Rivitalot', 'Row houses', 'Radhus'),
  '022': l('Ketjutalot', 'Chain houses', 'Kedjehus'),
  '032': l('Luhtitalot', 'Gallery-access blocks', 'Loftgångshus'),
  '039': l('Muut asuinkerrostalot', 'Blocks of flats', 'Övriga flervåningsbostadshus'),
  '041': l('Vapaa-ajan asuinrakennukset', 'Holiday homes', 'Fritidsbostäder'),
  '111': l('Myymälähallit', 'Retail halls', 'Butikshallar'),
  '112': l('Liike- ja tavaratalot, kauppakeskukset', 'Department stores and shopping centres', 'Affärs- och varuhus, köpcentra'),
  '119': l('Muut myymälärakennukset', 'Other shop buildings', 'Övriga butiksbyggnader'),
  '121': l('Hotellit, motellit, matkustajakodit, kylpylähotellit', 'Hotels, motels and hostels', 'Hotell, motell, resandehem, kurhotell'),
  '123': l('Loma-, lepo- ja virkistyskodit', 'Holiday and recreation homes', 'Semester-, vilo- och rekreationshem'),
  '124': l('Vuokrattavat lomamökit ja -osakkeet', 'Holiday cottages for rent', 'Stugor och andelar för uthyrning'),
  '129': l('Muut majoitusliikerakennukset', 'Other accommodation buildings', 'Övriga byggnader för logiverksamhet'),
  '131': l(
    'Asuntolat, vanhusten palvelutalot, asuntolahotellit',
    'Dormitories and sheltered housing',
    'Elevhem, servicehus för äldre, hemhotell',
  ),
  '139': l('Muut asuntolarakennukset', 'Other dormitory buildings', 'Övriga elevhemsbyggnader'),
  '141': l('Ravintolat, ruokalat ja baarit', 'Restaurants, canteens and bars', 'Restauranger, matsalar och barer'),
  '151': l('Toimistorakennukset', 'Office buildings', 'Kontorsbyggnader'),
  '161': l(
    'Rautatie- ja linja-autoasemat, lento- ja satamaterminaalit',
    'Stations and terminals',
    'Järnvägs- och busstationer, flyg- och hamnterminaler',
  ),
  '162': l('Kulkuneuvojen suoja- ja huoltorakennukset', 'Vehicle shelters and depots', 'Skydds- och servicebyggnader för fordon'),
  '163': l('Pysäköintitalot', 'Car parks', 'Parkeringshus'),
  '164': l('Tietoliikenteen rakennukset', 'Telecommunication buildings', 'Byggnader för datakommunikation'),
  '169': l('Muut liikenteen rakennukset', 'Other transport buildings', 'Övriga trafikbyggnader'),
  '211': l('Keskussairaalat', 'Central hospitals', 'Centralsjukhus'),
  '213': l('Muut sairaalat', 'Other hospitals', 'Övriga sjukhus'),
  '214': l('Terveyskeskukset', 'Health centres', 'Hälsovårdscentraler'),
  '215': l('Terveydenhoidon erityislaitokset', 'Special health care institutions', 'Specialinrättningar för hälsovård'),
  '219': l('Muut terveydenhoitorakennukset', 'Other health care buildings', 'Övriga hälsovårdsbyggnader'),
  '221': l('Vanhainkodit', 'Old people’s homes', 'Ålderdomshem'),
  '222': l('Lastenkodit, koulukodit', 'Children’s homes', 'Barnhem, skolhem'),
  '223': l('Kehitysvammaisten hoitolaitokset', 'Care homes for the disabled', 'Vårdinrättningar för utvecklingsstörda'),
  '229': l('Muut huoltolaitosrakennukset', 'Other care institutions', 'Övriga vårdinrättningar'),
  '231': l('Lasten päiväkodit', 'Day-care centres', 'Barndaghem'),
  '239': l('Muut sosiaalitoimen rakennukset', 'Other social service buildings', 'Övriga byggnader för socialväsendet'),
  '241': l('Vankilat', 'Prisons', 'Fängelser'),
  '311': l(
    'Teatterit, ooppera-, konsertti- ja kongressitalot',
    'Theatres, concert and congress halls',
    'Teatrar, opera-, konsert- och kongresshus',
  ),
  '312': l('Elokuvateatterit', 'Cinemas', 'Biografer'),
  '322': l('Kirjastot ja arkistot', 'Libraries and archives', 'Bibliotek och arkiv'),
  '323': l('Museot ja taidegalleriat', 'Museums and galleries', 'Museer och konstgallerier'),
  '324': l('Näyttelyhallit', 'Exhibition halls', 'Utställningshallar'),
  '331': l('Seura- ja kerhorakennukset', 'Club and association buildings', 'Förenings- och klubbhus'),
  '341': l('Kirkot, kappelit, luostarit ja rukoushuoneet', 'Churches and chapels', 'Kyrkor, kapell, kloster och bönehus'),
  '342': l('Seurakuntatalot', 'Parish halls', 'Församlingshem'),
  '349': l('Muut uskonnollisten yhteisöjen rakennukset', 'Other religious buildings', 'Övriga byggnader för religiösa samfund'),
  '351': l('Jäähallit', 'Ice rinks', 'Ishallar'),
  '352': l('Uimahallit', 'Swimming halls', 'Simhallar'),
  '353': l('Tennis-, squash- ja sulkapallohallit', 'Tennis, squash and badminton halls', 'Tennis-, squash- och badmintonhallar'),
  '354': l('Monitoimihallit ja muut urheiluhallit', 'Sports halls', 'Allaktivitets- och idrottshallar'),
  '359': l('Muut urheilu- ja kuntoilurakennukset', 'Other sports buildings', 'Övriga idrotts- och motionsbyggnader'),
  '369': l('Muut kokoontumisrakennukset', 'Other assembly buildings', 'Övriga samlingsbyggnader'),
  '511': l('Yleissivistävien oppilaitosten rakennukset', 'Schools', 'Allmänbildande läroanstalter'),
  '521': l('Ammatillisten oppilaitosten rakennukset', 'Vocational schools', 'Yrkesläroanstalter'),
  '531': l('Korkeakoulurakennukset', 'University buildings', 'Högskolebyggnader'),
  '532': l('Tutkimuslaitosrakennukset', 'Research institutes', 'Forskningsanstalter'),
  '541': l(
    'Järjestöjen, liittojen ja työnantajien opetusrakennukset',
    'Training buildings of organisations',
    'Undervisningsbyggnader för organisationer',
  ),
  '549': l('Muut opetusrakennukset', 'Other educational buildings', 'Övriga undervisningsbyggnader'),
  '611': l('Voimalaitosrakennukset', 'Power plants', 'Kraftverksbyggnader'),
  '613': l('Yhdyskuntatekniikan rakennukset', 'Utility buildings', 'Byggnader för samhällsteknik'),
  '691': l('Teollisuushallit', 'Industrial halls', 'Industrihallar'),
  '692': l('Teollisuus- ja pienteollisuustalot', 'Industrial buildings', 'Industri- och småindustrihus'),
  '699': l('Muut teollisuuden tuotantorakennukset', 'Other production buildings', 'Övriga industriella produktionsbyggnader'),
  '711': l('Teollisuusvarastot', 'Industrial warehouses', 'Industrilager'),
  '712': l('Kauppavarastot', 'Commercial warehouses', 'Handelslager'),
  '719': l('Muut varastorakennukset', 'Other storage buildings', 'Övriga lagerbyggnader'),
  '721': l('Paloasemat', 'Fire stations', 'Brandstationer'),
  '722': l('Väestönsuojat', 'Civil defence shelters', 'Skyddsrum'),
  '729': l(
    'Muut palo- ja pelastustoimen rakennukset',
    'Other rescue service buildings',
    'Övriga byggnader för brand- och räddningsväsendet',
  ),
  '811': l('Navetat, sikalat, kanalat yms.', 'Cattle sheds, piggeries, henhouses', 'Ladugårdar, svinhus, hönshus o.d.'),
  '819': l('Eläinsuojat, ravihevostallit, maneesit', 'Other animal shelters and stables', 'Djurstall, travstall, manege'),
  '891': l('Viljankuivaamot ja viljan säilytysrakennukset', 'Grain driers and stores', 'Spannmålstorkar och spannmålsmagasin'),
  '892': l('Kasvihuoneet', 'Greenhouses', 'Växthus'),
  '893': l('Turkistarhat', 'Fur farms', 'Pälsfarmer'),
  '899': l(
    'Muut maa-, metsä- ja kalatalouden rakennukset',
    'Other agricultural buildings',
    'Övriga byggnader för jord-, skogs- och fiskerinäring',
  ),
  '931': l('Saunarakennukset', 'Saunas', 'Bastubyggnader'),
  '941': l('Talousrakennukset', 'Outbuildings', 'Ekonomibyggnader'),
  '999': l('Muut rakennukset', 'Other buildings', 'Övriga byggnader'),
};

/** Rakennusluokitus 2018 (c_rakennusluokka). */
export const CLASS_2018: CodeList = {
  '0110': l('Omakotitalot', 'Detached houses', 'Egnahemshus'),
  '0111': l('Paritalot', 'Semi-detached houses', 'Parhus'),
  '0112': l('Rivitalot', 'Row houses', 'Radhus'),
  '0120': l('Pienkerrostalot', 'Small blocks of flats', 'Små flervåningshus'),
  '0121': l('Asuinkerrostalot', 'Blocks of flats', 'Flervåningsbostadshus'),
  '0130': l('Asuntolarakennukset', 'Dormitories', 'Boendehus'),
  '0140': l('Erityisryhmien asuinrakennukset', 'Housing for special groups', 'Bostadsbyggnader för specialgrupper'),
  '0210': l('Ympärivuotiset vapaa-ajan asuinrakennukset', 'Year-round holiday homes', 'Fritidsbostäder för året runt-bruk'),
  '0211': l('Osavuotiset vapaa-ajan asuinrakennukset', 'Seasonal holiday homes', 'Fritidsbostäder för säsongsbruk'),
  '0310': l('Tukku- ja vähittäiskaupan myymälähallit', 'Retail and wholesale halls', 'Butikshallar för parti- och detaljhandel'),
  '0311': l('Kauppakeskukset ja liike- ja tavaratalot', 'Shopping centres and department stores', 'Köpcentra, affärs- och varuhus'),
  '0319': l('Muut myymälärakennukset', 'Other shop buildings', 'Övriga butiksbyggnader'),
  '0320': l('Hotellit', 'Hotels', 'Hotell'),
  '0321': l('Motellit, hostellit ja vastaavat', 'Motels and hostels', 'Motell, vandrarhem o.d.'),
  '0322': l('Loma-, lepo- ja virkistyskodit', 'Holiday and recreation homes', 'Semester-, vilo- och rekreationshem'),
  '0329': l('Muut majoitusliikerakennukset', 'Other accommodation buildings', 'Övriga byggnader för logiverksamhet'),
  '0330': l('Ravintolarakennukset', 'Restaurant buildings', 'Restaurangbyggnader'),
  '0400': l('Toimistorakennukset', 'Office buildings', 'Kontorsbyggnader'),
  '0510': l('Asemarakennukset ja terminaalit', 'Stations and terminals', 'Stationsbyggnader och terminaler'),
  '0511': l('Ammattiliikenteen kaluston suojarakennukset', 'Shelters for commercial vehicles', 'Skyddsbyggnader för yrkestrafikens fordon'),
  '0512': l('Ammattiliikenteen kaluston huoltorakennukset', 'Depots for commercial vehicles', 'Servicebyggnader för yrkestrafikens fordon'),
  '0513': l('Pysäköintitalot ja -hallit', 'Car parks', 'Parkeringshus och -hallar'),
  '0514': l('Kulkuneuvojen katokset', 'Vehicle shelters', 'Fordonstak'),
  '0520': l('Datakeskukset ja laitetilat', 'Data centres', 'Datacenter och apparatutrymmen'),
  '0521': l('Tietoliikenteen rakennukset', 'Telecommunication buildings', 'Byggnader för datakommunikation'),
  '0590': l('Muut liikenteen rakennukset', 'Other transport buildings', 'Övriga trafikbyggnader'),
  '0610': l('Terveys- ja hyvinvointikeskukset', 'Health and welfare centres', 'Hälso- och välfärdscentraler'),
  '0611': l('Keskussairaalat', 'Central hospitals', 'Centralsjukhus'),
  '0612': l('Erikoissairaalat ja laboratoriot', 'Special hospitals and laboratories', 'Specialsjukhus och laboratorier'),
  '0613': l('Muut sairaalat', 'Other hospitals', 'Övriga sjukhus'),
  '0614': l('Kuntoutuslaitokset', 'Rehabilitation centres', 'Rehabiliteringsinrättningar'),
  '0619': l('Muut terveydenhuoltorakennukset', 'Other health care buildings', 'Övriga hälsovårdsbyggnader'),
  '0620': l('Laitospalvelujen rakennukset', 'Institutional care buildings', 'Byggnader för institutionsvård'),
  '0621': l('Avopalvelujen rakennukset', 'Outpatient care buildings', 'Byggnader för öppen vård'),
  '0630': l('Vankilarakennukset', 'Prisons', 'Fängelsebyggnader'),
  '0710': l('Teatterit, musiikki- ja kongressitalot', 'Theatres, concert and congress halls', 'Teatrar, musik- och kongresshus'),
  '0711': l('Elokuvateatterit', 'Cinemas', 'Biografer'),
  '0712': l('Kirjastot ja arkistot', 'Libraries and archives', 'Bibliotek och arkiv'),
  '0713': l('Museot ja taidegalleriat', 'Museums and galleries', 'Museer och konstgallerier'),
  '0714': l('Näyttely- ja messuhallit', 'Exhibition and fair halls', 'Utställnings- och mässhallar'),
  '0720': l('Seura- ja kerhorakennukset', 'Club and association buildings', 'Förenings- och klubbhus'),
  '0730': l('Uskonnonharjoittamisrakennukset', 'Places of worship', 'Byggnader för religionsutövning'),
  '0731': l('Seurakuntatalot', 'Parish halls', 'Församlingshem'),
  '0739': l('Muut uskonnollisten yhteisöjen rakennukset', 'Other religious buildings', 'Övriga byggnader för religiösa samfund'),
  '0740': l('Jäähallit', 'Ice rinks', 'Ishallar'),
  '0741': l('Uimahallit', 'Swimming halls', 'Simhallar'),
  '0742': l('Monitoimihallit', 'Multi-purpose halls', 'Allaktivitetshallar'),
  '0743': l('Urheilu- ja palloiluhallit', 'Sports and ball game halls', 'Idrotts- och bollhallar'),
  '0744': l('Stadion- ja katsomorakennukset', 'Stadiums and stands', 'Stadion- och läktarbyggnader'),
  '0749': l('Muut urheilu- ja liikuntarakennukset', 'Other sports buildings', 'Övriga idrotts- och motionsbyggnader'),
  '0790': l('Muut kokoontumisrakennukset', 'Other assembly buildings', 'Övriga samlingsbyggnader'),
  '0810': l('Lasten päiväkodit', 'Day-care centres', 'Daghem för barn'),
  '0820': l('Yleissivistävien oppilaitosten rakennukset', 'Schools', 'Allmänbildande läroanstalter'),
  '0830': l('Ammatillisten oppilaitosten rakennukset', 'Vocational schools', 'Yrkesläroanstalter'),
  '0840': l('Korkeakoulurakennukset', 'University buildings', 'Högskolebyggnader'),
  '0841': l('Tutkimuslaitosrakennukset', 'Research institutes', 'Forskningsanstalter'),
  '0890': l('Vapaan sivistystyön opetusrakennukset', 'Adult education buildings', 'Byggnader för fritt bildningsarbete'),
  '0891': l(
    'Järjestöjen ja työnantajien opetusrakennukset',
    'Training buildings of organisations',
    'Undervisningsbyggnader för organisationer',
  ),
  '0910': l('Yleiskäyttöiset teollisuushallit', 'General industrial halls', 'Allmänna industrihallar'),
  '0911': l('Raskaan teollisuuden tehdasrakennukset', 'Heavy industry plants', 'Fabriker för tung industri'),
  '0912': l('Elintarviketeollisuuden tuotantorakennukset', 'Food industry buildings', 'Byggnader för livsmedelsindustri'),
  '0919': l('Muut teollisuuden tuotantorakennukset', 'Other production buildings', 'Övriga industriella produktionsbyggnader'),
  '0920': l('Teollisuus- ja pienteollisuustalot', 'Industrial buildings', 'Industri- och småindustrihus'),
  '0930': l('Metallimalmien käsittelyrakennukset', 'Metal ore processing buildings', 'Byggnader för malmbehandling'),
  '0939': l('Muut kaivannaistoiminnan rakennukset', 'Other mining buildings', 'Övriga byggnader för utvinning'),
  '1010': l('Sähköenergian tuotantorakennukset', 'Power plants', 'Byggnader för elproduktion'),
  '1011': l('Lämpö- ja kylmäenergian tuotantorakennukset', 'Heating and cooling plants', 'Byggnader för värme- och kylproduktion'),
  '1090': l('Energiansiirtorakennukset', 'Energy transmission buildings', 'Byggnader för energiöverföring'),
  '1091': l('Energianvarastointirakennukset', 'Energy storage buildings', 'Byggnader för energilagring'),
  '1110': l('Vedenotto-, vedenpuhdistus- ja vedenjakelurakennukset', 'Water supply buildings', 'Byggnader för vattenförsörjning'),
  '1120': l('Jätteenkäsittelyrakennukset', 'Waste management buildings', 'Byggnader för avfallshantering'),
  '1130': l('Materiaalien kierrätysrakennukset', 'Recycling buildings', 'Byggnader för materialåtervinning'),
  '1210': l('Lämmittämättömät varastot', 'Unheated warehouses', 'Ouppvärmda lager'),
  '1211': l('Lämpimät varastot', 'Heated warehouses', 'Varma lager'),
  '1212': l('Kylmä- ja pakastevarastot', 'Cold stores', 'Kyl- och fryslager'),
  '1213': l('Muut olosuhteiltaan säädellyt varastot', 'Other controlled-climate stores', 'Övriga klimatreglerade lager'),
  '1214': l('Logistiikkakeskukset ja monikäyttöiset varastot', 'Logistics centres', 'Logistikcentra och mångsidiga lager'),
  '1215': l('Varastokatokset', 'Storage shelters', 'Lagertak'),
  '1310': l('Paloasemat', 'Fire stations', 'Brandstationer'),
  '1311': l('Väestönsuojat', 'Civil defence shelters', 'Skyddsrum'),
  '1319': l('Muut pelastustoimen rakennukset', 'Other rescue service buildings', 'Övriga byggnader för räddningsväsendet'),
  '1410': l('Lypsykarjarakennukset', 'Dairy cattle buildings', 'Byggnader för mjölkboskap'),
  '1411': l('Lihakarjarakennukset', 'Beef cattle buildings', 'Byggnader för köttboskap'),
  '1412': l('Sikalat', 'Piggeries', 'Svinhus'),
  '1413': l('Lampolat ja vuohinavetat', 'Sheep and goat sheds', 'Fårhus och gethus'),
  '1414': l('Hevostallit', 'Stables', 'Hästtall'),
  '1415': l('Siipikarjarakennukset', 'Poultry buildings', 'Fjäderfähus'),
  '1416': l('Turkiseläinrakennukset', 'Fur farm buildings', 'Pälsdjursbyggnader'),
  '1419': l('Muut eläinsuojat', 'Other animal shelters', 'Övriga djurstall'),
  '1490': l('Kasvihuoneet', 'Greenhouses', 'Växthus'),
  '1491': l('Viljankuivaamot ja viljansäilytysrakennukset', 'Grain driers and stores', 'Spannmålstorkar och spannmålsmagasin'),
  '1492': l('Maatalouden varastorakennukset', 'Farm storage buildings', 'Lagerbyggnader för jordbruk'),
  '1493': l('Lantalat', 'Manure stores', 'Gödselstäder'),
  '1499': l(
    'Muut maa-, metsä- ja kalatalouden rakennukset',
    'Other agricultural buildings',
    'Övriga byggnader för jord-, skogs- och fiskerinäring',
  ),
  '1910': l('Saunarakennukset', 'Saunas', 'Bastubyggnader'),
  '1911': l('Talousrakennukset', 'Outbuildings', 'Ekonomibyggnader'),
  '1912': l('Majat ja tuvat', 'Huts and cabins', 'Kojor och stugor'),
  '1919': l('Muualla luokittelemattomat rakennukset', 'Other buildings', 'Byggnader som inte klassificerats annorstädes'),
};

/**
 * Heating method, 1994 codes (c_lammtapa). Codes 1–4 agree in every source we have seen;
 * 5 and 6 follow data-sources.md and the population register's list (5 solar, 6 none).
 */
export const HEATING_METHOD_1994: CodeList = {
  '1': l('Vesikeskuslämmitys', 'Central heating, water', 'Vattenburen centralvärme'),
  '2': l('Ilmakeskuslämmitys', 'Central heating, air', 'Luftburen centralvärme'),
  '3': l('Suora sähkölämmitys', 'Direct electric heating', 'Direkt eluppvärmning'),
  '4': l('Uunilämmitys', 'Stove heating', 'Ugnsuppvärmning'),
  '5': l('Aurinkolämmitys', 'Solar heating', 'Solvärme'),
  '6': l('Ei kiinteää lämmityslaitetta', 'No fixed heating', 'Ingen fast värmeanordning'),
};

/** Heating fuel, 1994 codes (c_poltaine). */
export const HEATING_FUEL_1994: CodeList = {
  '1': l('Kauko- tai aluelämpö', 'District heating', 'Fjärr- eller områdesvärme'),
  '2': l('Kevyt polttoöljy', 'Light fuel oil', 'Lätt brännolja'),
  '3': l('Raskas polttoöljy', 'Heavy fuel oil', 'Tung brännolja'),
  '4': l('Sähkö', 'Electricity', 'El'),
  '5': l('Kaasu', 'Gas', 'Gas'),
  '6': l('Kivihiili, koksi tms.', 'Coal or coke', 'Stenkol, koks o.d.'),
  '7': l('Puu', 'Wood', 'Trä'),
  '8': l('Turve', 'Peat', 'Torv'),
  '9': l('Maalämpö tms.', 'Ground heat', 'Jordvärme o.d.'),
  '10': l('Muu', 'Other', 'Annan'),
};

/**
 * Load-bearing material, 1994 codes (c_rakeaine). Registers publish 5 as "other"; a 6 seen in
 * some documents is "other" as well, so both read the same.
 */
export const MATERIAL_1994: CodeList = {
  '1': l('Betoni tai kevytbetoni', 'Concrete', 'Betong eller lättbetong'),
  '2': l('Tiili', 'Brick', 'Tegel'),
  '3': l('Teräs', 'Steel', 'Stål'),
  '4': l('Puu', 'Wood', 'Trä'),
  '5': l('Muu', 'Other', 'Annat'),
  '6': l('Muu', 'Other', 'Annat'),
};

/** Ryhti's open main-purpose classes (main_purpose). */
export const RYHTI_PURPOSE: CodeList = {
  '01': l('Vapaa-ajan asuinrakennus', 'Holiday home', 'Fritidsbostad'),
  '02': l(
    'Toimisto-, tuotanto- tai yhdyskuntatekniikan rakennus',
    'Office, production or utility building',
    'Kontors-, produktions- eller samhällsteknisk byggnad',
  ),
  '03': l('Talousrakennus', 'Outbuilding', 'Ekonomibyggnad'),
  '04': l('Saunarakennus', 'Sauna', 'Bastubyggnad'),
  '05': l('Pientalo', 'Small house', 'Småhus'),
  '06': l('Kerrostalo', 'Block of flats', 'Flervåningshus'),
  '07': l('Julkinen rakennus', 'Public building', 'Offentlig byggnad'),
};

/** Ryhti heating_method. */
export const RYHTI_HEATING_METHOD: CodeList = {
  '01': l('Vesikeskuslämmitys', 'Central heating, water', 'Vattenburen centralvärme'),
  '02': l('Ilmakeskuslämmitys', 'Central heating, air', 'Luftburen centralvärme'),
  '03': l('Sähkölämmitys', 'Electric heating', 'Eluppvärmning'),
  '04': l('Uuni-, takka- tai kamiinalämmitys', 'Stove or fireplace heating', 'Ugns-, spis- eller kaminvärme'),
  '05': l('Aurinkolämmitys', 'Solar heating', 'Solvärme'),
  '06': l('Ilmalämpöpumppu', 'Air-source heat pump', 'Luftvärmepump'),
  '07': l('Ei kiinteää lämmityslaitetta', 'No fixed heating', 'Ingen fast värmeanordning'),
  '99': l('Muu', 'Other', 'Annan'),
};

/** Ryhti heating_energy_source. */
export const RYHTI_HEATING_SOURCE: CodeList = {
  '01': l('Kauko- tai aluelämpö', 'District heating', 'Fjärr- eller områdesvärme'),
  '02': l('Kevyt polttoöljy', 'Light fuel oil', 'Lätt brännolja'),
  '03': l('Raskas polttoöljy', 'Heavy fuel oil', 'Tung brännolja'),
  '04': l('Sähkö', 'Electricity', 'El'),
  '05': l('Kaasu', 'Gas', 'Gas'),
  '06': l('Kivihiili', 'Coal', 'Stenkol'),
  '07': l('Puu', 'Wood', 'Trä'),
  '08': l('Turve', 'Peat', 'Torv'),
  '09': l('Maalämpö tms.', 'Ground heat', 'Jordvärme o.d.'),
  '10': l('Aurinkoenergia', 'Solar energy', 'Solenergi'),
  '11': l('Lämpöpumppu', 'Heat pump', 'Värmepump'),
  '99': l('Muu', 'Other', 'Annan'),
};

/** Ryhti material_of_load_bearing_structures. */
export const RYHTI_MATERIAL: CodeList = {
  '01': l('Betoni', 'Concrete', 'Betong'),
  '02': l('Tiili', 'Brick', 'Tegel'),
  '03': l('Teräs', 'Steel', 'Stål'),
  '04': l('Puu', 'Wood', 'Trä'),
  '99': l('Muu', 'Other', 'Annat'),
};

/** "http://uri.suomi.fi/codelist/…/code/05" → "05"; plain codes unchanged; null for empty. */
export function codeOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  if (!s) return null;
  const last = s.includes('/') ? s.slice(s.lastIndexOf('/') + 1) : s;
  return (last.includes('#') ? last.replace(/#.*$/, '') : last) || null;
}

/**
 * A register holds a handful of distinct code values and 200,000 buildings: each reader below
 * remembers its answers (bounded, keyed by the raw string or number).
 */
function memoized(read: (value: unknown) => string | null): (value: unknown) => string | null {
  const memo = new Map<string | number, string | null>();
  return (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return read(value);
    let c = memo.get(value);
    if (c === undefined) {
      c = read(value);
      if (memo.size >= 1000) memo.clear();
      memo.set(value, c);
    }
    return c;
  };
}

/** A 1994 use class as its 3-digit text: 32 → "032", "11" → "011". */
export const useCode1994 = memoized((value) => {
  const c = codeOf(value);
  if (!c || !/^\d{1,3}$/.test(c)) return null;
  return c.padStart(3, '0');
});

/** A 2018 class as its 4-digit text: 110 → "0110". */
export const class2018Code = memoized((value) => {
  const c = codeOf(value);
  if (!c || !/^\d{3,4}$/.test(c)) return null;
  return c.padStart(4, '0');
});

/** A small code as Helsinki writes it ("2", 2, "02" → "2"). */
export const smallCode = memoized((value) => {
  const c = codeOf(value);
  if (!c || !/^\d{1,2}$/.test(c)) return null;
  return String(Number(c));
});

/** A Ryhti code with its leading zero ("5", "05" → "05"). */
export const ryhtiCode = memoized((value) => {
  const c = codeOf(value);
  if (!c || !/^\d{1,2}$/.test(c)) return null;
  return c.padStart(2, '0');
});

/** The readable name of a code, or the code itself when the list does not know it. */
export function nameOf(list: CodeList, code: string | null | undefined, lang: Lang): string | null {
  if (!code) return null;
  return list[code]?.[lang] ?? code;
}
