import type { VFile } from 'vfile';

/** A variable's value as a profile or the config writes it: one text, or one text per language. */
export type VariableValue = string | Readonly<Record<string, string>>;

/**
 * Everything an edition knows about `{{variables}}`, as plain data (what `structuredClone`
 * accepts): countries/variables.ts looks a value up.
 */
export interface EditionVariables {
  /** ISO 3166-1 alpha-2 in lower case; undefined for the international edition. */
  readonly country: string | undefined;
  /** The edition's languages, the default first: where a value missing in a language is looked for. */
  readonly languages: readonly string[];
  /** The values the profile (or, for the international edition, the config) gives. */
  readonly values: Readonly<Record<string, VariableValue>>;
  /** Values every country edition has unless its profile sets them (`country_name`, `country_code`). */
  readonly builtIn: Readonly<Record<string, string>>;
}

/** The organisation that publishes an edition: the config's, or a country profile's (which may add a contact). */
export interface Organisation {
  readonly name: string;
  /** A picture file in the project. */
  readonly logo?: string | undefined;
  readonly url?: string | undefined;
  /** How to reach it, e.g. an e-mail address (country profiles only). */
  readonly contact?: string | undefined;
}

/** One edition of the site: the international one, or a country's (made in countries/edition.ts). */
export interface Edition {
  /** ISO 3166-1 alpha-2 in lower case; undefined for the international edition. */
  readonly country: string | undefined;
  /** The country's name as the profile gives it ("Ukraine"). */
  readonly name: string | undefined;
  /** The edition's languages; the first is its default. */
  readonly languages: readonly string[];
  readonly paper: 'A4' | 'Letter';
  readonly organisation: Organisation | undefined;
  /** Where the output goes, under the output folder: '' or 'ua/'. */
  readonly prefix: string;
  /** How messages name it: "the Ukraine edition (countries/ua.yaml)". */
  readonly label: string;
  /** Where a missing variable should be added, for the hint. */
  readonly variablesFile: string;
  /** The profile file, for messages about the edition itself. */
  readonly file: VFile | undefined;
  /** The values of `{{variables}}`, as plain data (see countries/variables.ts). */
  readonly variables: EditionVariables;
  /** Facts of the original its overrides may change or leave out (the profile's `facts_may_differ`, as written). */
  readonly factsMayDiffer: readonly string[];
  /** A variable's value in a language, or undefined if this edition has none. */
  variable(name: string, lang: string): string | undefined;
}
