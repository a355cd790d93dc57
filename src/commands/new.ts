import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_TYPES, contentType } from '../content-types/index.js';
import { SLUG_PATTERN } from '../content-types/common-schema.js';
import { CONTENT_DIR } from '../stages/read-sources.js';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile } from '../project/write.js';
import type { CommandIo } from './io.js';
import { newCountry } from './new-country.js';

export const NEW_HELP = `briefkit new: start a page of any kind, or a country edition

Usage:
  briefkit new <type> <slug> [--root DIR]
  briefkit new country <code> [--root DIR]

Types:
${CONTENT_TYPES.map((type) => `  ${type.name.padEnd(11)} ${type.label}: ${type.where}`).join('\n')}

<slug> is the page's web address: lower-case letters, digits and hyphens, e.g.
glasgow-peer-supply. The new file has the front matter of its type and a heading for each
section, ready to fill in.

country writes countries/<code>.yaml (an ISO 3166-1 code such as ua, ca, pl) listing every
{{variable}} the briefings and translations use, with the international edition's values
as comments. Fill it in, then build the edition with: briefkit build --country <code>`;

/** `briefkit new …`: returns the exit code. */
export async function runNew(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${NEW_HELP}\n`);
    return 0;
  }
  const [what, name, ...rest] = positionals;
  const type = what === undefined ? undefined : contentType(what);
  if ((what !== 'country' && !type) || !name || rest.length > 0) {
    const problem =
      what === undefined
        ? 'say what to make'
        : what !== 'country' && !type
          ? `cannot make "${what}"`
          : `give one ${what === 'country' ? 'country code' : 'slug'}`;
    io.stderr.write(`briefkit new: ${problem}\n\n${NEW_HELP}\n`);
    return 2;
  }
  if (!type) return newCountry(name, values.root, io);
  if (!SLUG_PATTERN.test(name)) {
    io.stderr.write(
      `briefkit new: "${name}" cannot be a web address; use lower-case letters, digits and hyphens, e.g. ${
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'my-page'
      }\n`,
    );
    return 2;
  }
  const root = resolve(values.root ?? io.cwd);
  const target = join(root, CONTENT_DIR, type.sourcePath(name));
  const refused = await createProjectFile(root, target, type.scaffold(name));
  if (refused) {
    io.stderr.write(`briefkit new: ${refused}\n`);
    return 1;
  }
  io.stdout.write(`created ${shownPath(io.cwd, target)}: fill in its front matter and sections, then run briefkit build\n`);
  return 0;
}
