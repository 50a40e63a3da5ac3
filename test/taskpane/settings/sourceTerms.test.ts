import { termsToText, textToTerms } from '../../../src/taskpane/settings/sourceTerms';

describe('source terms as the settings form edits them', () => {
  it('round-trips "id = terms" lines, terms may contain "="', () => {
    const terms = { demo: 'Vain puhelinmarkkinointiin, ei kotikäynteihin.', 'file:yrityslista.xlsx': 'Sopimus 2026/14: käyttö = 12 kk' };
    expect(textToTerms(termsToText(terms))).toEqual({ terms });
  });
  it('reports a line without an id by its number', () => {
    expect(textToTerms('demo = vain B2B\n\nilman tunnistetta').badLine).toBe(3);
  });
});
