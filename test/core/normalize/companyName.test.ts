import { normalizeCompanyName } from '../../../src/core/normalize/companyName';

describe('normalizeCompanyName', () => {
  it('reads the legal form off either end, in any spelling of its family', () => {
    const forms = ['Virtasen Rakennus Oy', 'OY VIRTASEN RAKENNUS', 'Virtasen rakennus osakeyhtiö', 'Virtasen Rakennus Oy Ab', 'Oy Virtasen Rakennus Ab', 'Virtasen Rakennus Ltd'];
    const keys = forms.map((f) => normalizeCompanyName(f));
    for (const k of keys) {
      expect(k.compact).toBe('virtasenrakennus');
      expect(k.legalForm).toBe('oy');
    }
  });

  it('tells the legal-form families apart', () => {
    expect(normalizeCompanyName('Mäkisen Kuljetus Ky').legalForm).toBe('ky');
    expect(normalizeCompanyName('Mäkisen Kuljetus Kommandiittiyhtiö').legalForm).toBe('ky');
    expect(normalizeCompanyName('Kemira Oyj').legalForm).toBe('oyj');
    expect(normalizeCompanyName('Nieminen & Co Avoin yhtiö').legalForm).toBe('ay');
    expect(normalizeCompanyName('T:mi Pekka Nieminen').legalForm).toBe('tmi');
    expect(normalizeCompanyName('Toiminimi Pekka Nieminen').legalForm).toBe('tmi');
    expect(normalizeCompanyName('Pirkanmaan Osuuskunta').legalForm).toBe('osk');
    expect(normalizeCompanyName('Tampereen Työväen Teatteri ry').legalForm).toBe('ry');
  });

  it('treats &, ja, och and and as the same connector and drops punctuation and case', () => {
    const a = normalizeCompanyName('Nieminen & Laine Oy');
    const b = normalizeCompanyName('NIEMINEN JA LAINE OY');
    const c = normalizeCompanyName('Nieminen och Laine Ab');
    expect(a.tokens).toEqual(['nieminen', 'laine']);
    expect(b.compact).toBe(a.compact);
    expect(c.compact).toBe(a.compact);
  });

  it('folds ä, ö and å for comparison, so exports that lost them still meet', () => {
    expect(normalizeCompanyName('Hämeenlinnan Sähkö Oy').compact).toBe(normalizeCompanyName('Hameenlinnan Sahko Oy').compact);
  });

  it('leaves no name when the name is only a legal form, so it can never make a match', () => {
    expect(normalizeCompanyName('Oy').compact).toBe('');
    expect(normalizeCompanyName('Ab Oy').compact).toBe('');
    expect(normalizeCompanyName('  Oy Ab ').tokens).toEqual([]);
  });

  it('keeps a word that only looks like a form inside the name', () => {
    expect(normalizeCompanyName('Ky-Auto Oy').tokens).toEqual(['auto']);
    expect(normalizeCompanyName('Kyläpuoti Oy').tokens).toEqual(['kylapuoti']);
  });
});
