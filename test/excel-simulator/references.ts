/**
 * References in formulas, as Excel keeps them: a reference to another sheet ('Lista'!A1,
 * Lista!$A:$A) and a structured reference to a table (Lista[Puhelin], Lista[#All]) follow the
 * sheet or table when it is renamed, and become #REF! when it is deleted. Pivot table and chart
 * sources are references too. The simulator does not calculate, so this is only about where
 * references point; enough to show whether a user's formulas survive what a step does.
 */
import type { SheetModel, WorkbookModel } from './model';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a sheet reference to `name` in a formula: Name!, 'Name'! (quotes doubled inside). */
function sheetRef(name: string): RegExp {
  const quoted = `'${escape(name.replace(/'/g, "''"))}'!`;
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `|(?<![\\p{L}\\p{N}_.'])${escape(name)}!` : '';
  return new RegExp(`(${quoted}${plain})`, 'giu');
}

function quote(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A structured reference to table `name`: Name[…] not preceded by a name character. */
function tableRef(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_.])${escape(name)}(?=\\[)`, 'giu');
}

/** Every formula text in the workbook (cells, pivot and chart sources), rewritten by `f`. */
function rewriteAll(model: WorkbookModel, f: (formula: string) => string): void {
  for (const sheet of model.sheets) {
    for (const [k, formula] of sheet.formulas) {
      const next = f(formula);
      if (next !== formula) sheet.formulas.set(k, next);
    }
  }
  for (const p of model.pivots) p.source = f(p.source);
  for (const n of model.names) n.formula = f(n.formula);
}

export function sheetRenamed(model: WorkbookModel, from: string, to: string): void {
  if (from === to) return;
  rewriteAll(model, (x) => x.replace(sheetRef(from), `${quote(to)}!`));
}

/** A deleted sheet: references to it, and to its tables, become #REF!. */
export function sheetDeleted(model: WorkbookModel, sheet: SheetModel): void {
  const tables = model.tables.filter((t) => t.sheet === sheet).map((t) => t.name);
  rewriteAll(model, (x) => {
    let out = x.replace(new RegExp(`${sheetRef(sheet.name).source}\\$?[A-Z]{0,3}\\$?\\d*(:\\$?[A-Z]{0,3}\\$?\\d*)?`, 'giu'), '#REF!');
    for (const t of tables) out = out.replace(new RegExp(`${tableRef(t).source}\\[[^\\]]*(\\[[^\\]]*\\][^\\]]*)*\\]`, 'giu'), '#REF!');
    return out;
  });
}

export function tableRenamed(model: WorkbookModel, from: string, to: string): void {
  if (from === to) return;
  rewriteAll(model, (x) => x.replace(tableRef(from), to));
}

/** True when a formula or source still points at something (no #REF!). */
export function isLive(formula: string): boolean {
  return !formula.includes('#REF!');
}
