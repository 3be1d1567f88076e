/** One country as shipped in the generated gazetteer. */
export interface CountryRecord {
  code: string;
  name: string;
  names: string[];
  capitals: string[];
  demonyms: string[];
  area: number;
  independent: boolean;
}
