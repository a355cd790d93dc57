import type { Config } from '../config/schema.js';
import type { Edition, EditionVariables } from '../model/edition.js';
import type { CountryProfile } from './profile.js';
import { lookupVariable } from './variables.js';

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
    factsMayDiffer: [],
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
    factsMayDiffer: profile.facts_may_differ,
    variables,
    variable: (name, lang) => lookupVariable(variables, name, lang),
  };
}
