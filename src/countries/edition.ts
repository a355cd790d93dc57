import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import type { CountryProfile } from './profile.js';
import { lookupVariable } from './variables.js';
import type { EditionVariables } from './variables.js';

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
  /** The values of `{{variables}}`, as plain data (see lookupVariable). */
  readonly variables: EditionVariables;
  /** A variable's value in a language, or undefined if this edition has none. */
  variable(name: string, lang: string): string | undefined;
}

/** The international edition: the config's languages, paper, organisation and variables. */
export function internationalEdition(config: Config): Edition {
  const variables: EditionVariables = { country: undefined, languages: config.languages, values: config.variables, builtIn: {} };
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
    variables,
    variable: (name, lang) => lookupVariable(variables, name, lang),
  };
}

/** A country's edition: its profile over the config. */
export function countryEdition(config: Config, profile: CountryProfile, prefix: string): Edition {
  const languages = profile.languages ?? config.languages;
  const variables: EditionVariables = {
    country: profile.code,
    languages,
    values: profile.variables,
    builtIn: { country_name: profile.name, country_code: profile.code.toUpperCase() },
  };
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
    variables,
    variable: (name, lang) => lookupVariable(variables, name, lang),
  };
}
