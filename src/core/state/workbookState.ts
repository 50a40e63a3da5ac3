/**
 * The machine-readable state of a workbook: its lists, their criteria and processing logs, the
 * workbook's own do-not-contact list and criteria presets. The Office.js adapter keeps it in a
 * custom XML part, the .xlsx adapter in the same JSON inside the file, so that the pane can
 * pick up a list in a workbook saved last month. Never holds secrets (no API keys).
 */
import { z } from 'zod';

export const STATE_VERSION = 1;
export const STATE_NAMESPACE = 'urn:rajaus:state:v1';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const processingStepSchema = z.object({
  step: z.enum([
    'search',
    'match',
    'matchUndo',
    'dnc',
    'buildings',
    'buildingFilter',
    'export',
    'dsrAccess',
    'dsrErasure',
    'retention',
    'import',
  ]),
  at: z.string(),
  rowsIn: z.number().int().nonnegative().optional(),
  rowsOut: z.number().int().nonnegative().optional(),
  /** Rows moved out of the list by this step (to an audit sheet). */
  rowsMoved: z.number().int().nonnegative().optional(),
  /** Parameters of the step as plain data (sheet used, rules, source, file name…). */
  params: z.record(scalar).default({}),
  /** Parties contacted in this step and what they were sent ("postal codes only"). */
  contacted: z.array(z.object({ party: z.string(), sent: z.string() })).default([]),
});
export type ProcessingStep = z.infer<typeof processingStepSchema>;

export const sourceUseSchema = z.object({
  id: z.string(), // 'demo', 'prh', 'file:…', 'helsinki', 'hsy', 'ryhti'
  name: z.string(),
  controller: z.string(),
  licence: z.string(),
  terms: z.string().optional(),
  extractedAt: z.string(),
  /** Role of the service that handled data for the list, if any ("processor"). */
  role: z.string().optional(),
  /** Attribution text the source's licence requires (CC BY 4.0 open data), shown in the notes. */
  attribution: z.string().optional(),
  /** True for fictional demo data: the notes say so. */
  demo: z.boolean().optional(),
  /**
   * What the source gave the list: its rows and contact details (a directory), or columns
   * joined onto rows (building data). The first-contact script names only the former.
   */
  kind: z.enum(['directory', 'enrichment']).optional(),
});
export type SourceUse = z.infer<typeof sourceUseSchema>;

export const listStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['b2b', 'b2c']),
  createdAt: z.string(),
  /** ISO date after which the list must be deleted. */
  deleteBy: z.string(),
  purpose: z.string().optional(),
  channel: z.string().optional(),
  /** Sheets that belong to this list, by role. */
  sheets: z.object({
    list: z.string(),
    notes: z.string().optional(),
    audit: z.array(z.string()).default([]),
  }),
  criteria: z.unknown().optional(),
  sources: z.array(sourceUseSchema).default([]),
  log: z.array(processingStepSchema).default([]),
  /** Set when the list's sheets were deleted (retention); the notes keep the record. */
  deletedAt: z.string().optional(),
  /**
   * The columns of the list's tables (list and audit sheets) as Rajaus last wrote them, by sheet
   * name in lower case: each column's key and header. A column whose header the user changed
   * since is still known by its place (app/knownColumns.ts): it keeps its meaning, its place and
   * the references to it.
   */
  columns: z.record(z.string(), z.array(z.object({ key: z.string(), header: z.string() }))).optional(),
});
export type ListState = z.infer<typeof listStateSchema>;

export const workbookStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  lists: z.array(listStateSchema).default([]),
  /** The workbook's own do-not-contact list: E.164 phones and lower-case emails. */
  doNotContact: z
    .object({ phones: z.array(z.string()).default([]), emails: z.array(z.string()).default([]) })
    .default({ phones: [], emails: [] }),
  /** Imported do-not-call lists (ASML Puhelin-Robinson, own opt-outs): name, date, sheet. */
  suppressionLists: z.array(z.object({ name: z.string(), checkedAt: z.string(), sheet: z.string(), count: z.number().int() })).default([]),
  presets: z.array(z.object({ name: z.string(), criteria: z.unknown() })).default([]),
});
export type WorkbookState = z.infer<typeof workbookStateSchema>;

export function emptyState(): WorkbookState {
  return { version: STATE_VERSION, lists: [], doNotContact: { phones: [], emails: [] }, suppressionLists: [], presets: [] };
}

/** Parses stored JSON; a damaged or foreign part yields a clear error rather than a crash. */
export function parseState(json: string): WorkbookState {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('The workbook’s Rajaus state is not valid JSON');
  }
  return workbookStateSchema.parse(data);
}

/**
 * The state wrapped as a custom XML part (Office's customXmlParts take XML, not JSON): the
 * JSON is the text content of one root element, XML-escaped, so any value survives.
 */
export function stateToXml(state: WorkbookState): string {
  // JSON.stringify escapes controls and lone surrogates but not U+FFFE/U+FFFF, which XML 1.0
  // forbids: they can stand only inside JSON strings, so their JSON escape keeps them exactly.
  const json = JSON.stringify(state)
    .replace(/[\uFFFE\uFFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rajaus xmlns="${STATE_NAMESPACE}">${json}</rajaus>`;
}

export function stateFromXml(xml: string): WorkbookState {
  const m = /<rajaus\b[^>]*>([\s\S]*)<\/rajaus>/.exec(xml);
  const text = m?.[1]?.trim();
  if (!text) throw new Error('The workbook’s Rajaus state part holds no data');
  const json = text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&');
  return parseState(json);
}
