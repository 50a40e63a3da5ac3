/**
 * Excel's limits on a sheet, checked on the sheet plan so that both adapters (Office.js in
 * Excel, ExcelJS for .xlsx files) refuse the same plans with the same numbers, and never write
 * a workbook Excel cannot open (issue 16 item 1). Sheets where splitting is natural (mailing
 * labels, export sheets) are split by the use case with `splitPlanForExcel`, which says so;
 * everything else over a limit is refused before anything is written.
 * (The 32,767-character cell limit is cut at the port's cell conversion, not here.)
 */
import { formatCount, defineMessages, type Lang } from '../i18n/lang';
import { UserError } from '../errors';
import { MAX_SHEET_NAME, makeSheetName, makeTableName, sheetNameProblem } from './sheetNames';
import type { SheetPlan } from './sheetPlan';

/** Rows of an Excel sheet (Excel 2007 and later). */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Columns of an Excel sheet (A … XFD). */
export const EXCEL_MAX_COLUMNS = 16_384;
export { MAX_SHEET_NAME };

const t = defineMessages({
  fi: {
    tooManyRows: ({ sheet, rows, max }) =>
      `Taulukkoon "${sheet}" tulisi ${rows} riviä, mutta Excelin taulukkoon mahtuu ${max}. Rajaa listaa tai vie se CSV-tiedostona.`,
    tooManyColumns: ({ sheet, columns, max }) =>
      `Taulukkoon "${sheet}" tulisi ${columns} saraketta, mutta Excelin taulukkoon mahtuu ${max}.`,
    badName: ({ sheet, problem }) => `Taulukon nimi "${sheet}" ei kelpaa Excelille: ${problem}.`,
    split: ({ sheet, rows, parts, names }) =>
      `"${sheet}": ${rows} riviä ei mahdu yhteen Excel-taulukkoon, joten ne jaettiin ${parts} taulukkoon: ${names}.`,
  },
  en: {
    tooManyRows: ({ sheet, rows, max }) =>
      `Sheet "${sheet}" would have ${rows} rows, but an Excel sheet holds ${max}. Narrow the list or export it as CSV.`,
    tooManyColumns: ({ sheet, columns, max }) => `Sheet "${sheet}" would have ${columns} columns, but an Excel sheet holds ${max}.`,
    badName: ({ sheet, problem }) => `Sheet name "${sheet}" is not valid in Excel: ${problem}.`,
    split: ({ sheet, rows, parts, names }) =>
      `"${sheet}": ${rows} rows do not fit in one Excel sheet, so they were split into ${parts} sheets: ${names}.`,
  },
  sv: {
    tooManyRows: ({ sheet, rows, max }) =>
      `Bladet "${sheet}" skulle få ${rows} rader, men ett Excel-blad rymmer ${max}. Avgränsa listan eller exportera den som CSV.`,
    tooManyColumns: ({ sheet, columns, max }) => `Bladet "${sheet}" skulle få ${columns} kolumner, men ett Excel-blad rymmer ${max}.`,
    badName: ({ sheet, problem }) => `Bladnamnet "${sheet}" duger inte i Excel: ${problem}.`,
    split: ({ sheet, rows, parts, names }) =>
      `"${sheet}": ${rows} rader ryms inte i ett Excel-blad, så de delades på ${parts} blad: ${names}.`,
  },
});

/** Header row of a table; a table always has at least one (maybe empty) data row. */
const headerRows = (plan: SheetPlan) => (plan.layout === 'table' ? 1 : 0);

/** Data rows one sheet of this layout can hold. */
export function maxDataRows(plan: Pick<SheetPlan, 'layout'>): number {
  return EXCEL_MAX_ROWS - (plan.layout === 'table' ? 1 : 0);
}

/** Why Excel could not hold this plan (rows, columns, name), in words with the numbers; or null. */
export function excelLimitProblem(plan: SheetPlan, lang: Lang): string | null {
  const nameProblem = sheetNameProblem(plan.name);
  if (nameProblem) return t(lang, 'badName', { sheet: plan.name, problem: nameProblem });
  const width = plan.columns.length;
  if (width > EXCEL_MAX_COLUMNS) {
    return t(lang, 'tooManyColumns', { sheet: plan.name, columns: formatCount(lang, width), max: formatCount(lang, EXCEL_MAX_COLUMNS) });
  }
  if (plan.rows.length + headerRows(plan) > EXCEL_MAX_ROWS) {
    return t(lang, 'tooManyRows', {
      sheet: plan.name,
      rows: formatCount(lang, plan.rows.length),
      max: formatCount(lang, maxDataRows(plan)),
    });
  }
  return null;
}

/** Throws a UserError naming the first plan Excel could not hold, before anything is written. */
export function assertWithinExcelLimits(plans: readonly SheetPlan[], lang: Lang): void {
  for (const plan of plans) {
    const problem = excelLimitProblem(plan, lang);
    if (problem) throw new UserError(problem);
  }
}

export interface SplitPlans {
  plans: SheetPlan[];
  /** What was done, for the user (null when the plan fitted in one sheet). */
  notice: string | null;
}

/**
 * Splits a plan over as many sheets as its rows need ("Osoitteet 1", "Osoitteet 2"…), each
 * with the header and at most `maxRows` data rows (default: what Excel holds). For sheets where
 * that is natural (labels, export sheets); the names are unique among `existing` and the table
 * names among `tables`. A plan that fits comes back as it is.
 */
export function splitPlanForExcel(
  plan: SheetPlan,
  args: { existing: Iterable<string>; tables?: Iterable<string>; lang: Lang; maxRows?: number },
): SplitPlans {
  const perSheet = Math.max(1, Math.min(args.maxRows ?? Infinity, maxDataRows(plan)));
  if (plan.rows.length <= perSheet) return { plans: [plan], notice: null };
  const parts = Math.ceil(plan.rows.length / perSheet);
  const names = [...args.existing];
  const tables = [...(args.tables ?? [])];
  const plans: SheetPlan[] = [];
  for (let i = 0; i < parts; i++) {
    const name = makeSheetName(plan.name, names, String(i + 1));
    names.push(name);
    const part: SheetPlan = { ...plan, name, rows: plan.rows.slice(i * perSheet, (i + 1) * perSheet) };
    if (plan.rowStyles) part.rowStyles = plan.rowStyles.slice(i * perSheet, (i + 1) * perSheet);
    if (plan.tableName) {
      part.tableName = makeTableName(`${plan.tableName}_${i + 1}`, tables);
      tables.push(part.tableName);
    }
    plans.push(part);
  }
  return {
    plans,
    notice: t(args.lang, 'split', {
      sheet: plan.name,
      rows: formatCount(args.lang, plan.rows.length),
      parts: parts,
      names: plans.map((p) => p.name).join(', '),
    }),
  };
}
