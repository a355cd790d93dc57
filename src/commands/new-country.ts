import { join, resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from '../markdown/visit.js';
import { stringify } from 'yaml';
import { isCountryCode, regionName } from '../countries/iso.js';
import { COUNTRIES_DIR, VARIABLE_NAME } from '../countries/profile.js';
import { readProjectTranslations } from './read-translations.js';
import { remarkContainerDirectives } from '../markdown/remark-container-directives.js';
import { guardParser } from '../markdown/guard-parser.js';
import { remarkVariableSyntax } from '../markdown/remark-variable-syntax.js';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile, refuseCreate } from '../project/write.js';
import type { CommandIo } from './io.js';

/** Countries that print on US Letter rather than A4. */
const LETTER = new Set(['us', 'ca', 'mx', 'ph', 'cl', 'co', 've', 'gt', 'do', 'cr', 'pa', 'sv']);

/** `briefkit new country <code>`: writes `countries/<code>.yaml`; returns the exit code. */
export async function newCountry(code: string, rootOption: string | undefined, io: CommandIo): Promise<number> {
  const country = code.toLowerCase();
  if (!/^[a-z]{2}$/.test(country) || !isCountryCode(country)) {
    io.stderr.write(`briefkit new: "${code}" is not an ISO 3166-1 country code (two letters, e.g. ua, ca, pl)\n`);
    return 2;
  }
  const root = resolve(rootOption ?? io.cwd);
  const target = join(root, COUNTRIES_DIR, `${country}.yaml`);
  // Checked before the project is read, so nothing is done for a file that cannot be written.
  const refusal = await refuseCreate(root, target);
  if (refusal) {
    io.stderr.write(`briefkit new: ${refusal}\n`);
    return 1;
  }
  const project = await readProjectTranslations(root);
  const used = new Set<string>();
  const parser = unified().use(remarkParse).use(remarkContainerDirectives).use(remarkVariableSyntax).use(guardParser);
  for (const file of [...project.originals.values()].map((original) => original.file).concat(project.translations.map((translation) => translation.file))) {
    visit(parser.parse(String(file.value)), 'variable', (node) => {
      if (VARIABLE_NAME.test(node.name.trim())) used.add(node.name.trim());
    });
  }
  for (const original of project.originals.values()) {
    for (const key of ['title', 'summary']) {
      const text = original.data[key];
      if (typeof text === 'string') for (const match of text.matchAll(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g)) used.add(match[1]!);
    }
  }
  for (const builtIn of ['country_name', 'country_code']) used.delete(builtIn);
  const defaults = project.config.variables;
  const lines = [
    `# Country edition for ${regionName(country.toUpperCase(), 'en')}. Build it with: briefkit build --country ${country}`,
    `name: ${stringify(regionName(country.toUpperCase(), 'en')).trim()}`,
    `languages: [${project.config.languages[0]}]   # this edition's languages; the first is its default`,
    `paper: ${LETTER.has(country) ? 'Letter' : 'A4'}   # or ${LETTER.has(country) ? 'A4' : 'Letter'}`,
    // Left blank on purpose: the build stops at each empty value until it is filled in.
    `variables:${used.size > 0 ? '   # fill in every value: the build stops at any left empty' : ''}`,
    ...[...used].sort().flatMap((name) => {
      const value = defaults[name];
      const shown = value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
      return [`  ${name}: ""   # international edition: ${shown}`];
    }),
    ...(used.size === 0 ? ['  {}   # the briefings use no {{variables}} yet'] : []),
    '# organisation:          # shown in the header, footer and on PDF covers',
    '#   name: ',
    `#   logo: branding/${country}-logo.svg`,
    '#   url: https://',
    '#   contact: ',
    '',
  ];
  const refused = await createProjectFile(root, target, lines.join('\n'));
  if (refused) {
    io.stderr.write(`briefkit new: ${refused}\n`);
    return 1;
  }
  io.stdout.write(`created ${shownPath(io.cwd, target)} with ${used.size} variable${used.size === 1 ? '' : 's'} to fill in\n`);
  return 0;
}
