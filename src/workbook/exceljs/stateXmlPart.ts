/**
 * The workbook state as a custom XML part inside the .xlsx package, exactly where Excel keeps
 * the parts that the Office.js adapter adds with `workbook.customXmlParts.add(stateToXml(…))`:
 * customXml/itemN.xml (the part), customXml/itemPropsN.xml (its datastore id and schema
 * reference), customXml/_rels/itemN.xml.rels, a relationship from the workbook part and a
 * content-type override. A file saved by either adapter is read by the other.
 *
 * ExcelJS neither keeps nor writes custom XML parts, so the package is edited with JSZip after
 * ExcelJS has written it, and read with JSZip before ExcelJS loads it.
 */
import JSZip from 'jszip';
import { STATE_NAMESPACE, stateFromXml, stateToXml, type WorkbookState } from '../../core/state/workbookState';

const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const REL_CUSTOM_XML_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CT_CUSTOM_XML_PROPS = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';

function guid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID().toUpperCase();
  const hex = () =>
    Math.floor(Math.random() * 16)
      .toString(16)
      .toUpperCase();
  return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, hex);
}

/** Custom XML parts may be stored as UTF-8 or (by Excel) UTF-16 with a BOM. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function isStatePart(xml: string): boolean {
  // The root element carries the namespace: <rajaus xmlns="urn:rajaus:state:v1">
  return /<(?:\w+:)?rajaus\b[^>]*xmlns(?::\w+)?="urn:rajaus:state:v1"/.test(xml);
}

/** Reads the Rajaus state from an .xlsx package, or null when the file has none. */
export async function readStateFromPackage(zip: JSZip): Promise<WorkbookState | null> {
  const items = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/i.test(p));
  for (const path of items) {
    const xml = decodeXml(await zip.file(path)!.async('uint8array'));
    if (isStatePart(xml)) return stateFromXml(xml);
  }
  return null;
}

/** Writes (or replaces) the state part in an .xlsx package written by ExcelJS. */
export async function writeStateToPackage(zip: JSZip, state: WorkbookState | null): Promise<void> {
  // Drop any earlier Rajaus part and find a free item number.
  const items = Object.keys(zip.files).filter((p) => /^customXml\/item\d+\.xml$/i.test(p));
  let relsXml = (await zip.file(WORKBOOK_RELS)?.async('string')) ?? '';
  for (const path of items) {
    const xml = decodeXml(await zip.file(path)!.async('uint8array'));
    if (!isStatePart(xml)) continue;
    const n = /item(\d+)\.xml$/i.exec(path)![1];
    zip.remove(path);
    zip.remove(`customXml/itemProps${n}.xml`);
    zip.remove(`customXml/_rels/item${n}.xml.rels`);
    relsXml = relsXml.replace(new RegExp(`<Relationship[^>]*Target="[^"]*customXml/item${n}\\.xml"[^>]*/>`, 'g'), '');
  }
  if (!state) {
    if (relsXml) zip.file(WORKBOOK_RELS, relsXml);
    return;
  }
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;

  zip.file(`customXml/item${n}.xml`, stateToXml(state));
  zip.file(
    `customXml/itemProps${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
      `<ds:datastoreItem ds:itemID="{${guid()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${STATE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
  );

  const usedIds = new Set([...relsXml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let rid = 1;
  while (usedIds.has(`rId${rid}`)) rid++;
  relsXml = relsXml.replace(
    '</Relationships>',
    `<Relationship Id="rId${rid}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/></Relationships>`,
  );
  zip.file(WORKBOOK_RELS, relsXml);

  let types = await zip.file(CONTENT_TYPES)!.async('string');
  const override = `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CT_CUSTOM_XML_PROPS}"/>`;
  if (!types.includes(`/customXml/itemProps${n}.xml`)) types = types.replace('</Types>', `${override}</Types>`);
  // item*.xml is covered by <Default Extension="xml" ContentType="application/xml"/>; make sure.
  if (!/<Default[^>]*Extension="xml"/.test(types)) {
    types = types.replace('</Types>', `<Override PartName="/customXml/item${n}.xml" ContentType="application/xml"/></Types>`);
  }
  zip.file(CONTENT_TYPES, types);
}
