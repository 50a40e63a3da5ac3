/**
 * Forms of one first name in Finland: the name a person was given and the form they go by,
 * which a list and a register write differently ("Jukka" on the phone list, "Johannes" in the
 * customer register). Hand-written (no library lists Finnish name forms): each line is a full
 * name and the forms the Finnish almanac gives it on the same name day, or that are its
 * everyday Finnish or Swedish form, as they are commonly known; folded (ä → a, ö → o).
 * Only pairs of a full name and one of its forms count as one name: two forms of one name
 * ("Juha" / "Jukka") are given to brothers as two names, and stay two people. Forms that are
 * given as names of their own beside the full one are left out ("Juhani", "Janne", "Johan"
 * beside "Johannes": a father Johannes and a son Juhani at one address were one person).
 * Forms that merely start or end like the full name ("Juha" / "Juhani", "Sanna" / "Susanna")
 * need no line here: comparison.ts reads them from the letters (shortFormOf).
 */
const FORMS = `
johannes: juha juho jukka jussi hannu
juhani: jussi jukka
katariina: kaisa kati katri kaija kaarina katja kaisu
kaarina: kaija kaisa
elisabet: liisa liisi elisa eliisa elsa elli lisa
elisabeth: liisa liisi elisa eliisa elsa elli lisa
helena: leena heli helka lena elina
magdaleena: leena lena malla
johanna: hanna jonna hanne
maria: maija maiju marja mari maisa marika
margareta: maarit marketta reeta greta margit
kristiina: kirsi kirsti tiina stiina krista
kirsti: kirsi
anna: anu anni annikki annu
karl: kalle kaarlo kaarle
kaarlo: kalle
henrik: heikki henkka henri
henrikki: heikki henkka
andreas: antti antero
anders: antti
tuomas: tuomo tommi tomi
mikael: mikko mika
matias: matti mats
mattias: matti mats
petter: pekka petri
pietari: pekka petri
olavi: olli
olof: olli olle
lauri: lasse lassi
lars: lasse
vilhelm: ville vilho viljami
viljami: ville
jaakob: jaakko
jakob: jaakko
samuel: sami samu
kristian: risto
kristoffer: risto topi
aleksanteri: aleksi santeri
aleksander: aleksi santeri
erik: eero erkki
eerik: eero erkki
gustav: kustaa kusti
paavali: paavo
birgitta: pirkko pirjo brita
emilia: emmi milla
eveliina: eve evi
susanna: sanna
ulrika: riikka
fredrika: riikka
`;

/** Full name → its forms, and form → the full names it is a form of. */
const forms = new Map<string, Set<string>>();
for (const line of FORMS.trim().split('\n')) {
  const [full, rest] = line.split(':') as [string, string];
  for (const form of rest.trim().split(/\s+/)) {
    for (const [a, b] of [
      [full, form],
      [form, full],
    ] as const) {
      let s = forms.get(a);
      if (!s) forms.set(a, (s = new Set()));
      s.add(b);
    }
  }
}

/** Whether `a` and `b` (folded first names) are a full name and one of its forms (see FORMS). */
export function isNameForm(a: string, b: string): boolean {
  return forms.get(a)?.has(b) ?? false;
}

/** Whether `w` is a name of the table, full or form (a first name, for comparison.ts). */
export function isListedName(w: string): boolean {
  return forms.has(w);
}
