/**
 * One PRH company object → one directory record in catalogue keys. Shared by the API source and
 * the bulk file source, which publish the same object shape.
 */
import { municipalityName, titleCase } from '../../core/area/postalAreas';
import { companyFormFromPrh } from '../../core/criteria/labels';
import type { Lang } from '../../core/i18n/lang';
import type { DirectoryRecord } from './directorySource';
import { PRH_LANG, type PrhAddress, type PrhCompany } from './prhSchema';

/** Companies in bankruptcy or liquidation are not marketing targets (companySituations types). */
const ENDING_SITUATIONS = new Set(['KONK', 'SELTILA', 'SANE', 'KONKURSSI', 'SELVITYSTILA']);

/** False for ended companies (status 3, an end date) and those in bankruptcy or liquidation. */
export function isActiveCompany(c: PrhCompany): boolean {
  if (c.status === '3' || c.endDate) return false;
  return !c.companySituations.some((s) => !s.endDate && ENDING_SITUATIONS.has(s.type.toUpperCase()));
}

function describe(descriptions: { languageCode: string; description: string }[], lang: Lang): string | undefined {
  return (descriptions.find((d) => d.languageCode === PRH_LANG[lang]) ?? descriptions.find((d) => d.languageCode === PRH_LANG.fi))
    ?.description;
}

/** The current name: type 1 without an end date, the latest registered if several. */
export function currentName(c: PrhCompany): string | undefined {
  const names = c.names.filter((n) => n.type === '1' && !n.endDate);
  names.sort((a, b) => (b.registrationDate ?? '').localeCompare(a.registrationDate ?? ''));
  return names[0]?.name ?? c.names.find((n) => n.type === '1')?.name;
}

const PO_BOX: Record<Lang, string> = { fi: 'PL', sv: 'PB', en: 'P.O. Box' };

/** "Hämeenkatu 5 B 12"; a PO box as "PL 226". */
export function streetOf(a: PrhAddress, lang: Lang): string {
  const clean = (s: string | null | undefined) => (s ?? '').trim();
  const street = clean(a.street);
  if (!street) return clean(a.postOfficeBox) ? `${PO_BOX[lang]} ${clean(a.postOfficeBox)}` : '';
  const apartment = clean(a.apartmentNumber) + clean(a.apartmentIdSuffix);
  return [street, clean(a.buildingNumber), clean(a.entrance), apartment].filter(Boolean).join(' ');
}

/** The address the list shows: the visiting address when it has one, else the postal address. */
export function chosenAddress(c: PrhCompany): PrhAddress | undefined {
  const visiting = c.addresses.find((a) => a.type === 1 && (a.street || a.postCode));
  return visiting ?? c.addresses.find((a) => a.type === 2) ?? c.addresses[0];
}

export function companyToRecord(c: PrhCompany, lang: Lang): DirectoryRecord {
  const address = chosenAddress(c);
  const offices = address?.postOffices ?? [];
  const office =
    offices.find((o) => o.languageCode === PRH_LANG[lang]) ?? offices.find((o) => o.languageCode === PRH_LANG.fi) ?? offices[0];
  const municipalityCode = office?.municipalityCode ?? undefined;
  const form = c.companyForms.find((f) => !f.endDate) ?? c.companyForms[0];
  const line = c.mainBusinessLine;
  const postalCode = (address?.postCode ?? '').trim();
  return {
    companyName: currentName(c) ?? null,
    businessId: c.businessId.value,
    companyForm: form
      ? (companyFormFromPrh(form.type, describe(form.descriptions, 'fi')) ?? describe(form.descriptions, lang) ?? null)
      : null,
    industryCode: line?.type ?? null,
    // TOIMI3 = TOL 2008, TOIMI4 = TOL 2025 (PRH's code set since 2026-01-01).
    industryCodeSet: line?.typeCodeSet ?? null,
    industryName: line ? (describe(line.descriptions, lang) ?? null) : null,
    registrationDate: c.registrationDate ?? c.businessId.registrationDate ?? null,
    streetAddress: address ? streetOf(address, lang) || null : null,
    postalCode: postalCode || null,
    postOffice: office ? titleCase(office.city) : null,
    municipality: municipalityCode ? (municipalityName(municipalityCode, lang) ?? null) : null,
    website: c.website?.url ?? null,
    sourceId: c.businessId.value,
  };
}
