import { join } from 'node:path';
import { countryEdition, internationalEdition } from '../countries/edition.js';
import type { Edition } from '../model/edition.js';
import { countryPrefix, prefixClash } from '../fs/output-editions.js';
import type { OutputEditions } from '../fs/output-editions.js';
import { error } from '../messages.js';
import type { LoadedConfig } from '../config/load.js';
import type { Profiles, RunOptions } from '../run/types.js';
import type { VFile } from 'vfile';

/** An output folder no build has written to. */
export const EMPTY_OUTPUT: OutputEditions = { root: undefined, folders: [], entries: [] };

/**
 * The editions to make: the international one; or one country's (`--country`), at the root
 * of its own output folder or beside the editions already there (see output-editions.ts);
 * or all of them (`--all-countries`), each country in `<out>/<code>/`.
 */
export function chooseEditions(
  options: RunOptions,
  { config }: LoadedConfig,
  { profiles, invalid }: Profiles,
  previous: OutputEditions,
  run: VFile,
): Edition[] {
  if (options.country) {
    const code = options.country.toLowerCase();
    const profile = profiles.find((candidate) => candidate.code === code);
    const prefix = countryPrefix(previous, code);
    if (profile && prefixClash(previous, prefix)) {
      error(profile.file, {
        reason: `The ${profile.name} edition would go into ${join(options.outDir, code)}/, which this output folder already uses for something else`,
        rule: 'edition-folder',
        hint: 'Build this edition into another folder (--out).',
      });
    }
    if (profile) return [countryEdition(config, profile, prefix)];
    // A profile with errors has been reported already.
    if (invalid.has(code)) return [internationalEdition(config)];
    error(run, {
      reason: `There is no country profile countries/${code}.yaml`,
      rule: 'country-missing',
      hint:
        profiles.length > 0
          ? `Profiles here: ${profiles.map((candidate) => candidate.code).join(', ')}. Start one with: briefkit new country ${code}`
          : `Start one with: briefkit new country ${code}`,
    });
    return [internationalEdition(config)];
  }
  if (!options.allCountries) return [internationalEdition(config)];
  const clash = profiles.filter((profile) => config.languages.includes(profile.code));
  for (const profile of clash) {
    error(profile.file, {
      reason: `The ${profile.name} edition would be written into dist/${profile.code}/, where the international edition's "${profile.code}" language is`,
      rule: 'edition-folder',
      hint: 'Build this edition on its own with --country, into another folder (--out).',
    });
  }
  return [
    internationalEdition(config),
    ...profiles.filter((profile) => !clash.includes(profile)).map((profile) => countryEdition(config, profile, `${profile.code}/`)),
  ];
}
