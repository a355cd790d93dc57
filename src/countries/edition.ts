import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import { regionName } from './iso.js';
import type { CountryProfile } from './profile.js';

/** One edition of the site: the international one, or a country's. */
export interface Edition {
  /** ISO 3166-1 alpha-2 in lower case; undefined for the international edition. */
  readonly country: string | undefined;
  /** The country's name as the profile gives it ("Ukraine"). */
  readonly name: string | undefined;
  /** The edition's languages; the first is its default. */
  readonly languages: readonly string[];
  readonly paper: 'A4' | 'Letter';
  readonly organisation: (NonNullable<Config['organisation']> & { readonly contact?: string | undefined }) | undefined;
  /** Where the output goes, under the output folder: '' or 'ua/'. */
  readonly prefix: string;
  /** How messages name it: "the Ukraine edition (countries/ua.yaml)". */
  readonly label: string;
  /** Where a missing variable should be added, for the hint. */
  readonly variablesFile: string;
  /** The profile file, for messages about the edition itself. */
  readonly file: VFile | undefined;
  /** A variable's value in a language, or undefined if this edition has none. */
  variable(name: string, lang: string): string | undefined;
}

/** The international edition: the config's languages, paper, organisation and variables. */
export function internationalEdition(config: Config): Edition {
  const values = config.variables;
  return {
    country: undefined,
    name: undefined,
    languages: config.languages,
    paper: config.paper,
    organisation: config.organisation,
    prefix: '',
    label: 'the international edition',
    variablesFile: 'briefkit.config.yaml',
    file: undefined,
    variable: (name, lang) => pick(own(values, name), lang, config.languages),
  };
}

/** A country's edition: its profile over the config. */
export function countryEdition(config: Config, profile: CountryProfile, prefix: string): Edition {
  const languages = profile.languages ?? config.languages;
  const builtIn: Record<string, string> = { country_name: profile.name, country_code: profile.code.toUpperCase() };
  return {
    country: profile.code,
    name: profile.name,
    languages,
    paper: profile.paper ?? config.paper,
    organisation: profile.organisation ?? config.organisation,
    prefix,
    label: `the ${profile.name} edition (countries/${profile.code}.yaml)`,
    variablesFile: `countries/${profile.code}.yaml`,
    file: profile.file,
    variable: (name, lang) => {
      const value = pick(own(profile.variables, name), lang, languages);
      if (value !== undefined) return value;
      if (name === 'country_name') return regionName(profile.code.toUpperCase(), lang) || builtIn.country_name;
      return own(builtIn, name);
    },
  };
}

/** A value for a language: the text itself, or the language's text, else the default language's. */
function pick(value: string | Record<string, string> | undefined, lang: string, languages: readonly string[]): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return own(value, lang) ?? languages.map((other) => own(value, other)).find((text) => text !== undefined);
}

/** A record's own value: `{{constructor}}` must not find Object's constructor. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
