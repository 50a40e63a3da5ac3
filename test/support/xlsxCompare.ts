/**
 * Two .xlsx packages compared as a reader sees them: the same parts with the same XML, and
 * read back with ExcelJS, the same sheets, cells (value, type, number format, font, alignment),
 * rows, columns, tables, views, page setup and Rajaus state. Returns the differences found,
 * named by part, sheet and cell (empty when the two are the same).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readStateFromPackage } from '../../src/workbook/exceljs/stateXmlPart';

/** The one thing two writes of the same workbook may differ in: the state part's random datastore id. */
function comparable(name: string, xml: string): string {
  return /^customXml\/itemProps\d+\.xml$/.test(name) ? xml.replace(/itemID="\{[0-9A-F-]+\}"/, 'itemID="{…}"') : xml;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, comparable(name, await file.async('string')));
  return out;
}

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

export async function xlsxDifferences(expected: Uint8Array, actual: Uint8Array, limit = 20): Promise<string[]> {
  const diffs: string[] = [];
  const note = (d: string) => {
    if (diffs.length < limit) diffs.push(d);
  };
  const [a, b] = [await parts(expected), await parts(actual)];
  if (json([...a.keys()].sort()) !== json([...b.keys()].sort()))
    note(`parts: ${json([...a.keys()].sort())} vs ${json([...b.keys()].sort())}`);
  for (const [name, xml] of a) if (b.has(name) && b.get(name) !== xml) note(`part ${name} differs`);

  const [wa, wb] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await wa.xlsx.load(expected as unknown as ExcelJS.Buffer);
  await wb.xlsx.load(actual as unknown as ExcelJS.Buffer);
  if (json(wa.views) !== json(wb.views)) note('workbook views differ');
  const names = (w: ExcelJS.Workbook) => w.worksheets.map((s) => `${s.name}/${s.state}`);
  if (json(names(wa)) !== json(names(wb))) note(`sheets: ${json(names(wa))} vs ${json(names(wb))}`);
  for (const sa of wa.worksheets) {
    const sb = wb.getWorksheet(sa.name);
    if (!sb) continue;
    const where = `sheet '${sa.name}'`;
    for (const key of ['views', 'pageSetup', 'autoFilter', 'properties'] as const) {
      if (json(sa[key]) !== json(sb[key])) note(`${where}: ${key} ${json(sa[key])} vs ${json(sb[key])}`);
    }
    const tables = (s: ExcelJS.Worksheet) => s.getTables().map((t) => json((t as unknown as { table: unknown }).table));
    if (json(tables(sa)) !== json(tables(sb))) note(`${where}: tables differ`);
    // ExcelJS counts a sheet's rows and columns anew on every read of these getters.
    const [rows, columns] = [sa.rowCount, sa.columnCount];
    if (rows !== sb.rowCount || columns !== sb.columnCount) note(`${where}: size ${rows}×${columns} vs ${sb.rowCount}×${sb.columnCount}`);
    for (let c = 1; c <= columns; c++) {
      const [ca, cb] = [sa.getColumn(c), sb.getColumn(c)];
      if (ca.width !== cb.width || json(ca.style) !== json(cb.style)) note(`${where}: column ${c} differs`);
    }
    for (let r = 1; r <= rows; r++) {
      const [ra, rb] = [sa.getRow(r), sb.getRow(r)];
      if (ra.height !== rb.height) note(`${where}: row ${r} height ${ra.height} vs ${rb.height}`);
      for (let c = 1; c <= columns; c++) {
        const [ca, cb] = [ra.getCell(c), rb.getCell(c)];
        if (json(ca.value) !== json(cb.value) || ca.type !== cb.type)
          note(`${where}: ${ca.address} ${json(ca.value)} vs ${json(cb.value)}`);
        if (ca.numFmt !== cb.numFmt || json(ca.font) !== json(cb.font) || json(ca.alignment) !== json(cb.alignment))
          note(`${where}: ${ca.address} format ${json(ca.style)} vs ${json(cb.style)}`);
      }
    }
  }
  const state = async (bytes: Uint8Array) => json(await readStateFromPackage(await JSZip.loadAsync(bytes)));
  if ((await state(expected)) !== (await state(actual))) note('Rajaus state differs');
  return diffs;
}
