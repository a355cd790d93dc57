import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile } from '../project/write.js';
import type { CommandIo } from './io.js';

/** The project `briefkit init` copies: shipped with briefkit. */
const STARTER = fileURLToPath(new URL('../../starter/', import.meta.url));

export const INIT_HELP = `briefkit init: start a new project

Usage:
  briefkit init <folder>

Writes a project your organisation can build on into <folder> (made if it does not exist;
it may hold other files, e.g. where you ran npm install briefkit, but none of these):
briefkit.config.yaml, sample pages, a reference list, and README.md, a guide for
authors. Then:
  cd <folder>
  npx briefkit build       (the site and its PDFs, in <folder>/dist)`;

/** What a project's git repository leaves out: the built site, briefkit's cache, installed packages. */
const GITIGNORE = 'dist/\n.briefkit-cache/\nnode_modules/\n';

/** `briefkit init <folder>`: returns the exit code. */
export async function runInit(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(`${INIT_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(`briefkit init: give the folder to start the project in\n\n${INIT_HELP}\n`);
    return 2;
  }
  const root = resolve(io.cwd, positionals[0]!);
  // A folder where briefkit was just installed (package.json, node_modules) is fine: only
  // what init would write may not be there already, so nothing of yours is overwritten.
  const existing: string[] = await readdir(root).catch((reason: NodeJS.ErrnoException) => (reason.code === 'ENOENT' ? [] : Promise.reject(reason)));
  const taken = (await readdir(STARTER)).filter((name) => existing.includes(name));
  if (taken.length > 0) {
    io.stderr.write(
      `briefkit init: ${shownPath(io.cwd, root)} already has ${taken.join(', ')}; give a new folder, or one ` +
        `without ${taken.length === 1 ? 'it' : 'them'}, so nothing of yours is overwritten\n`,
    );
    return 1;
  }
  await mkdir(root, { recursive: true });
  const files = (await readdir(STARTER, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  for (const entry of files.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const from = join(entry.parentPath, entry.name);
    const refused = await createProjectFile(root, join(root, relative(STARTER, from)), await readFile(from, 'utf8'));
    if (refused) {
      io.stderr.write(`briefkit init: ${refused}\n`);
      return 1;
    }
  }
  // Written here, not shipped in starter/: npm leaves every .gitignore out of a package.
  // A .gitignore already there is the user's, and is kept (createProjectFile never overwrites).
  await createProjectFile(root, join(root, '.gitignore'), GITIGNORE);
  const shown = shownPath(io.cwd, root);
  io.stdout.write(
    `Started a briefkit project in ${shown} (${files.length} files). Next:\n  cd ${shown}\n  npx briefkit build\nthen open ` +
      `dist/index.html. README.md there explains how to write your own pages.\n`,
  );
  return 0;
}
