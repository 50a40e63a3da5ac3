/**
 * Common first names in Finland (Finnish and Swedish), folded (ä → a, ö → o, å → o). Two
 * different names from this list are two people, however alike they look: Jaro-Winkler puts
 * "Hanna"/"Hannu" at 0.92 and "Anna"/"Anne" at 0.88, the same as a typing slip, but in a
 * family at one address they are mother and son. Names outside the list are compared by
 * similarity alone. Sources: the most given names in the Digital and Population Data Services
 * Agency's name statistics, by decade.
 */
import { foldText } from './fold';

const NAMES = `
aada aapo aarne aaro aatu aino aila aili aimo aira akseli aleksi aleksanteri alina alisa alma anja anna annaliisa anne anneli annika anni anniina
antero antti ari arja arto arvo asko atte aulis auli eemeli eemil eero eetu eeva eija eila eino eira elias elina eliisa elisa ella ellen elli
elsa emilia emma erik erkki esa esko eveliina hanna hannele hannu harri heidi heikki heikke heli helena helga helmi helvi henna henri henrik
hilkka hilja iida iina iiris ilkka ilmari ilona inkeri irja irma isto jaakko jaana jani janne jari jarkko jarmo jenna jenni jere jesse joel
johanna johannes joni jonna joona joonas jorma jouko jouni juha juhani juho jukka julia jussi jutta juuso jyrki kaarina kai kaija kaisa kalevi
kalle kari karoliina kaarlo katariina kati katja kerttu kimmo kirsi kirsti kristiina kristian kyosti lasse laura lauri leena leevi lea liisa
lilja linnea lotta lauha maarit maija maire maria marika marita marja marjaana marjatta marjo marjut marko markku marketta markus martti matias
matti meri merja mervi miia mika mikael mikko milla mirja mirjami mirjam mirka mona nea niina niklas niko nina noora oiva olavi oliver olli onni
oona oskari osmo outi paavo paivi pasi patrik pauli pekka pentti pertti petra petri petteri pia pihla pirjo pirkko raija raili raimo rainer
raisa reijo reino riikka riitta risto robert roosa ronja ritva sami samuel sanna sanni santeri sara sari satu seija seppo siiri simo sini sirkka
sirpa sofia sonja sulo suvi tanja tapani tapio tarja teemu teija terhi teppo terttu tiia tiina timo tommi toni topias tuija tuomas tuomo tuula
tuulikki tuure ulla unto urho valtteri vappu veera veikko veli velimatti venla vesa vieno viljami ville vilma virpi viivi yrjo
aleksandra birgitta bo carl christina christoffer ebba fredrik gunnar gustav hans ingrid johan karl kerstin lars magnus margareta mats nils
oskar per sven ulf agneta anders bengt elisabet goran jan maj stig
susanna minna anu mika tero tomi mirva jukka-pekka juha-pekka olli-pekka anna-kaisa anna-maria marja-leena karl-erik
jan-erik per-erik ann-christin ann-marie eva erika ida ronja emil hugo leo eino aino
`;

export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(
  NAMES.split(/\s+/)
    .filter(Boolean)
    // Hyphenated names are one part, hyphen removed ("Olli-Pekka" → "ollipekka"), as names are.
    .map((n) => foldText(n.replace(/-/g, ''))),
);

export function isCommonFirstName(folded: string): boolean {
  return COMMON_FIRST_NAMES.has(folded);
}
