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

// ------------------------------------------------------------------ A1 references and shifts

/** How cells moved: along rows (vertical) or columns, from index `from`, by `delta` (negative: deleted), in the band [b0, b1] across. */
export interface Shift {
  vertical: boolean;
  from: number;
  delta: number;
  b0: number;
  b1: number;
}

const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

const letters = (c: number): string => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const column = (l: string): number => [...l.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** One end of an A1 reference: row and column (null for a whole column or row), with their $ marks. */
interface End {
  c: number | null;
  r: number | null;
  absC: boolean;
  absR: boolean;
}

// An optional sheet prefix, then a cell or range, a whole-column range (A:C) or a whole-row range (3:5).
const PREFIX = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF = new RegExp(String.raw`(${PREFIX})?(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`, 'uy');
const NAME_CHAR = /[\p{L}\p{N}_.$\\]/u;

function parseEnd(s: string): End {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(s)!;
  return { absC: m[1] === '$', c: m[2] ? column(m[2]) : null, absR: m[3] === '$', r: m[4] ? Number(m[4]) - 1 : null };
}

function endText(e: End): string {
  return `${e.c === null ? '' : `${e.absC ? '$' : ''}${letters(e.c)}`}${e.r === null ? '' : `${e.absR ? '$' : ''}${e.r + 1}`}`;
}

function unquote(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * Calls `f` for every A1 reference in a formula outside string literals and structured
 * references (brackets), with the sheet it names (or null), and puts back what `f` returns.
 * A name followed by "(" is a function (LOG10), not a cell.
 */
export function mapA1(formula: string, f: (sheet: string | null, a: End, b: End | null, text: string) => string): string {
  let out = '';
  let i = 0;
  let depth = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      // A doubled quote inside a literal continues it.
      let j = stop;
      while (formula[j] === '"') j = formula.indexOf('"', j + 1) + 1 || formula.length;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      const after = m ? formula[i + m[0].length] : undefined;
      if (m && (after === undefined || !/[\p{L}\p{N}_(\[!.]/u.test(after))) {
        const [first, second] = m[2].split(':');
        out += f(m[1] ? unquote(m[1]) : null, parseEnd(first), second === undefined ? null : parseEnd(second), m[0]);
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * Where a reference goes when cells shift, as Excel moves it: a reference in the band that the
 * shift spans follows its cells (a range grows when cells are inserted inside it and shrinks
 * when some of its cells are deleted); one whose cells are all deleted becomes #REF!. A range
 * that reaches outside the band across the shift stays as it is (Excel cannot move part of it).
 */
export function shiftedEnds(a: End, b: End | null, s: Shift): [End, End | null] | null {
  const second = b ?? a;
  const alongOf = (e: End) => (s.vertical ? e.r : e.c);
  const acrossOf = (e: End) => (s.vertical ? e.c : e.r);
  const a0 = alongOf(a),
    a1 = alongOf(second);
  // A whole column under a row shift (or a whole row under a column shift) does not move.
  if (a0 === null || a1 === null) return [a, b];
  const x0 = acrossOf(a) ?? 0;
  const x1 = acrossOf(second) ?? (s.vertical ? LAST_COLUMN : LAST_ROW);
  if (Math.min(x0, x1) < s.b0 || Math.max(x0, x1) > s.b1) return [a, b];
  const lo = Math.min(a0, a1),
    hi = Math.max(a0, a1);
  let p0 = lo,
    p1 = hi;
  if (s.delta > 0) {
    if (p0 >= s.from) p0 += s.delta;
    if (p1 >= s.from) p1 += s.delta;
  } else {
    const end = s.from - s.delta - 1;
    if (p0 >= s.from && p1 <= end) return null;
    p0 = p0 > end ? p0 + s.delta : p0 >= s.from ? s.from : p0;
    p1 = p1 > end ? p1 + s.delta : p1 >= s.from ? s.from - 1 : p1;
  }
  const set = (e: End, p: number): End => (s.vertical ? { ...e, r: p } : { ...e, c: p });
  // Keep which end the text wrote first.
  const [na, nb] = a0 <= a1 ? [p0, p1] : [p1, p0];
  return [set(a, na), b ? set(b, nb) : null];
}

/**
 * Cells of `sheet` shifted (Range.insert / Range.delete): every A1 reference to them, in cell
 * formulas on any sheet, defined names and pivot and chart sources, moves with them.
 */
export function cellsShifted(model: WorkbookModel, sheet: SheetModel, s: Shift): void {
  const rewrite = (host: SheetModel | null) => (formula: string) =>
    mapA1(formula, (name, a, b, text) => {
      const target = name === null ? host : (model.sheetByName(name) ?? null);
      if (target !== sheet) return text;
      const moved = shiftedEnds(a, b, s);
      const prefix = name === null ? '' : text.slice(0, text.lastIndexOf('!') + 1);
      if (!moved) return `${prefix}#REF!`;
      return `${prefix}${endText(moved[0])}${moved[1] ? `:${endText(moved[1])}` : ''}`;
    });
  for (const host of model.sheets) {
    const f = rewrite(host);
    for (const [k, formula] of host.formulas) {
      const next = f(formula);
      if (next !== formula) host.formulas.set(k, next);
    }
  }
  for (const p of model.pivots) p.source = rewrite(model.sheetByName(p.sheet) ?? null)(p.source);
  for (const n of model.names) n.formula = rewrite(null)(n.formula);
}

// ------------------------------------------------------------- columns of a table by name

/** Column names in a structured reference's brackets: Tbl[Col], Tbl[[#All],[Col]], Tbl[[A]:[B]]. */
function mapTableColumns(model: WorkbookModel, table: string, f: (column: string) => string | null): void {
  const head = new RegExp(`${tableRef(table).source}\\[`, 'giu');
  rewriteAll(model, (formula) => {
    let out = '';
    let last = 0;
    for (const m of formula.matchAll(head)) {
      const open = m.index! + m[0].length - 1;
      if (open < last) continue;
      // The balanced bracket group after the table name.
      let depth = 0;
      let close = open;
      for (; close < formula.length; close++) {
        if (formula[close] === '[') depth++;
        else if (formula[close] === ']' && --depth === 0) break;
      }
      const inner = formula.slice(open + 1, close);
      let broken = false;
      const column = (name: string) => {
        if (name.startsWith('#') || name.startsWith('@')) return name;
        const next = f(name);
        if (next === null) broken = true;
        return next ?? name;
      };
      const renamed = inner.includes('[') ? inner.replace(/\[([^\]]*)\]/g, (_, name: string) => `[${column(name)}]`) : column(inner);
      out += formula.slice(last, m.index!) + (broken ? '#REF!' : `${formula.slice(m.index!, open)}[${renamed}]`);
      last = close + 1;
    }
    return out + formula.slice(last);
  });
}

/** A table column renamed (its header cell overwritten): Excel renames it in every structured reference. */
export function tableColumnRenamed(model: WorkbookModel, table: string, from: string, to: string): void {
  if (from === to) return;
  mapTableColumns(model, table, (name) => (name.toLowerCase() === from.toLowerCase() ? to : name));
}

/** Table columns deleted: structured references to them become #REF!. */
export function tableColumnsDeleted(model: WorkbookModel, table: string, columns: string[]): void {
  const gone = new Set(columns.map((c) => c.toLowerCase()));
  if (gone.size) mapTableColumns(model, table, (name) => (gone.has(name.toLowerCase()) ? null : name));
}
