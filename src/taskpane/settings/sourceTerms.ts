/** Source terms as the form edits them: one "id = terms" a line. */
export function termsToText(terms: Record<string, string>): string {
  return Object.entries(terms)
    .map(([id, text]) => `${id} = ${text}`)
    .join('\n');
}

/** Parses the lines back; a line without "=" is reported by its number. */
export function textToTerms(text: string): { terms: Record<string, string>; badLine?: number } {
  const terms: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { terms, badLine: i + 1 };
    const id = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (!id || !value) return { terms, badLine: i + 1 };
    terms[id] = value;
  }
  return { terms };
}
