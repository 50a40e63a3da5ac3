/**
 * Draws a sheet of the simulated workbook as Excel shows it: column letters, row numbers,
 * numbers right-aligned, text-formatted cells with a small green corner (like Excel's
 * "number stored as text" mark), table headers and banded rows in Excel's default table
 * style, a line under the frozen rows. Plain DOM: this page must stay tiny and obvious.
 */
import { columnLetters, type CellView, type SheetView, type WorkbookView } from './view';

/** Enough rows and columns to look like a sheet; more than this is summarized below the grid. */
const MIN_ROWS = 40;
const MIN_COLS = 20;
// The page shows about 35 rows; a grid of 400 rows cost the pane's shared thread up to 0.9 s of
// layout on every redraw of a large list.
const MAX_ROWS = 120;
const MAX_COLS = 40;
const ROW_PX = 23;
const DEFAULT_WIDTH_PX = 72;

const EPOCH = Date.UTC(1899, 11, 30);

/** The text Excel would show for a value under a number format (the common formats only). */
export function displayText(cell: CellView | undefined): string {
  if (!cell) return '';
  const { value, format } = cell;
  if (value === null || value === undefined || value === '') return cell.formula ?? '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format && /y{2,4}|d{1,2}.m{1,2}|m{1,2}.d{1,2}/i.test(format) && value > 0 && value < 2_958_466) {
    const d = new Date(EPOCH + Math.floor(value) * 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    if (/^d/i.test(format)) return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;
    return iso;
  }
  const decimals = format ? /0\.(0+)/.exec(format)?.[1].length : undefined;
  if (decimals !== undefined) return value.toFixed(decimals);
  if (format === '0') return String(Math.round(value));
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function tableRole(sheet: SheetView, r: number, c: number): 'head' | 'band' | 'body' | null {
  for (const t of sheet.tables) {
    if (r < t.r0 || r > t.r1 || c < t.c0 || c > t.c1) continue;
    if (t.showHeaders && r === t.r0) return 'head';
    const bodyIndex = r - t.r0 - (t.showHeaders ? 1 : 0);
    return bodyIndex % 2 === 0 ? 'band' : 'body';
  }
  return null;
}

export function renderSheet(container: HTMLElement, sheet: SheetView | undefined, onSelect: (address: string, cell: CellView | undefined) => void): void {
  container.replaceChildren();
  if (!sheet) {
    container.append(el('div', 'empty', 'Työkirjassa ei ole taulukoita. / The workbook has no sheets.'));
    return;
  }
  const rows = Math.min(Math.max(sheet.rowCount, MIN_ROWS), MAX_ROWS);
  const cols = Math.min(Math.max(sheet.columnCount + 1, MIN_COLS), MAX_COLS);
  const table = el('table', 'grid');
  table.setAttribute('role', 'grid');
  table.dataset.sheet = sheet.name;
  const colgroup = el('colgroup');
  const rowHeader = el('col');
  rowHeader.style.width = '44px';
  colgroup.append(rowHeader);
  let total = 44;
  for (let c = 0; c < cols; c++) {
    const px = Math.min(Math.max(sheet.columnWidthPx(c) ?? DEFAULT_WIDTH_PX, 24), 420);
    const col = el('col');
    col.style.width = `${px}px`;
    colgroup.append(col);
    total += px;
  }
  // A fixed-layout table takes its column widths only when its own width is set.
  table.style.width = `${total}px`;
  table.append(colgroup);

  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', 'corner'));
  for (let c = 0; c < cols; c++) headRow.append(el('th', undefined, columnLetters(c)));
  head.append(headRow);
  table.append(head);

  const body = el('tbody');
  for (let r = 0; r < rows; r++) {
    const tr = el('tr');
    if (r < sheet.frozenRows) {
      tr.classList.add('frozen');
      if (r === sheet.frozenRows - 1) tr.classList.add('frozen-last');
    }
    const th = el('th', undefined, String(r + 1));
    if (r < sheet.frozenRows) th.style.top = `${ROW_PX * (r + 1)}px`;
    tr.append(th);
    for (let c = 0; c < cols; c++) {
      const cell = sheet.cell(r, c);
      const td = el('td');
      const text = displayText(cell);
      td.textContent = text;
      if (text) td.title = text;
      const value = cell?.value;
      if (typeof value === 'number') td.classList.add('num');
      if (typeof value === 'boolean') td.classList.add('bool');
      if (cell?.format === '@' && text) td.classList.add('textfmt');
      if (cell?.formula) td.classList.add('has-formula');
      if (typeof value === 'string' && /^#[A-Z/0!?]+[!?]?$/.test(value)) td.classList.add('error');
      const role = tableRole(sheet, r, c);
      if (role) td.classList.add(`tbl-${role}`);
      const style = cell?.style;
      if (style?.bold) td.classList.add('bold');
      if (style?.italic) td.classList.add('italic');
      if (style?.wrapText) td.classList.add('wrap');
      if (style?.fill && role !== 'head') td.style.background = style.fill;
      if (style?.fontColor && role !== 'head') td.style.color = style.fontColor;
      if (r < sheet.frozenRows) td.style.top = `${ROW_PX * (r + 1)}px`;
      const address = `${columnLetters(c)}${r + 1}`;
      td.dataset.address = address;
      td.addEventListener('click', () => {
        container.querySelectorAll('td.selected').forEach((e) => e.classList.remove('selected'));
        td.classList.add('selected');
        onSelect(address, cell);
      });
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  container.append(table);
  if (sheet.rowCount > MAX_ROWS || sheet.columnCount > MAX_COLS) {
    container.append(el('div', 'more', `${sheet.rowCount} × ${sheet.columnCount} (näytetään ${rows} × ${cols} / showing ${rows} × ${cols})`));
  }
}

export function renderTabs(container: HTMLElement, workbook: WorkbookView, shown: string | undefined, onPick: (name: string) => void): void {
  container.replaceChildren();
  for (const sheet of workbook.sheets) {
    const b = el('button', sheet.visible ? undefined : 'hidden-sheet', sheet.name);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(sheet.name === shown));
    b.dataset.sheet = sheet.name;
    if (sheet.tabColor) {
      const bar = el('span', 'color');
      bar.style.background = sheet.tabColor;
      b.append(bar);
    }
    b.addEventListener('click', () => onPick(sheet.name));
    container.append(b);
  }
  const current = workbook.sheets.find((s) => s.name === shown);
  if (current) {
    const rows = Math.max(0, current.rowCount);
    container.append(el('span', 'status', `${rows} riviä · ${current.tables.length ? current.tables.map((t) => t.name).join(', ') : '–'}`));
  }
}
