import { iso31661, iso31662 } from 'iso-3166';

const countries = new Map(iso31661.map((entry) => [entry.alpha2, entry.name]));
const subdivisions = new Map(iso31662.map((entry) => [entry.code, entry]));

/** Whether `code` is an ISO 3166-1 alpha-2 country code (e.g. `CA`) or ISO 3166-2 subdivision (e.g. `GB-SCT`). */
export function isRegionCode(code: string): boolean {
  return countries.has(code) || subdivisions.has(code);
}

/** Whether `code` is an ISO 3166-1 alpha-2 country code such as `UA` (any letter case). */
export function isCountryCode(code: string): boolean {
  return countries.has(code.toUpperCase());
}

/**
 * The name of a country or subdivision for readers of `lang`: "Canada", "Канада",
 * "Scotland (United Kingdom)". Subdivision names come from ISO 3166-2 and are in English.
 */
export function regionName(code: string, lang: string): string {
  const subdivision = subdivisions.get(code);
  if (subdivision) return `${subdivision.name} (${countryName(subdivision.parent, lang)})`;
  return countryName(code, lang);
}

function countryName(code: string, lang: string): string {
  const key = `${code}\0${lang}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'none' }).of(code) ?? countries.get(code) ?? code;
    } catch {
      name = countries.get(code) ?? code;
    }
    countryNames.set(key, name);
  }
  return name;
}

/** Names already worked out: every card of a case study asks for its country's. */
const countryNames = new Map<string, string>();
