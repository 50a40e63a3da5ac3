/**
 * A building as every building source delivers it after parsing (Helsinki WFS, HSY WFS, Ryhti,
 * a file, the demo data): codes kept as text exactly as the register has them, names resolved
 * later from the code lists for the chosen language.
 */
export interface BuildingAddress {
  /** Street name in Finnish and, where the register has it, in Swedish. */
  streetFi: string;
  streetSv?: string;
  /** House number as written: "6", "5a", "12-14". */
  number: string;
  postalCode: string;
  municipality?: string;
}

export interface BuildingRecord {
  /** Permanent building id (pysyvä rakennustunnus) or the source's own id. */
  id: string;
  source: string;
  addresses: BuildingAddress[];
  completionYear?: number;
  /** 1994 use class, 3 digits as text ("011"). */
  useCode1994?: string;
  /** Use as text where the source gives text instead of a code (HSY). */
  useText?: string;
  /** Rakennusluokitus 2018, 4 digits as text ("0110"). */
  class2018?: string;
  /** Ryhti's open main-purpose class, 2 digits ("05"). */
  ryhtiPurpose?: string;
  floors?: number;
  heatingMethodCode?: string;
  heatingMethodText?: string;
  heatingFuelCode?: string;
  heatingFuelText?: string;
  materialCode?: string;
  materialText?: string;
  /** Gross floor area, m², where known: used to pick the main building on a shared address. */
  floorArea?: number;
  /**
   * Which code list the heating and material codes belong to: the 1994 register codes
   * (Helsinki, files in that layout; the default) or Ryhti's open classes ("01", "02"…).
   */
  codeSystem?: '1994' | 'ryhti';
}
