import type { EditionVariables, VariableValue } from '../model/edition.js';
import { regionName } from './iso.js';

/**
 * A variable's value in a language, or undefined if the edition has none: the value written
 * for that language, else for the edition's first language that has one; a country's
 * `country_name` is its name in that language when the profile gives none.
 */
export function lookupVariable(variables: EditionVariables, name: string, lang: string): string | undefined {
  const value = pick(own(variables.values, name), lang, variables.languages);
  if (value !== undefined) return value;
  if (name === 'country_name' && variables.country !== undefined) {
    return regionName(variables.country.toUpperCase(), lang) || own(variables.builtIn, name);
  }
  return own(variables.builtIn, name);
}

/** A value for a language: the text itself, or the language's text, else the default language's. */
function pick(value: VariableValue | undefined, lang: string, languages: readonly string[]): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return own(value, lang) ?? languages.map((other) => own(value, other)).find((text) => text !== undefined);
}

/** A record's own value: `{{constructor}}` must not find Object's constructor. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
