import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentType } from '../content-types/index.js';
import { hasErrors } from '../messages.js';
import type { Page } from '../model/page.js';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile } from '../project/write.js';
import { formatReport } from '../report.js';
import { readProjectText } from '../run/read.js';
import type { ProjectText } from '../run/types.js';
import { COUNTRIES_DIR } from '../countries/profile.js';
import { TRANSLATIONS_DIR } from '../i18n/translations.js';
import { RELEASE_FILE, VERSIONS_DIR, readVersions } from '../versions/released.js';
import type { CommandIo } from './io.js';

export const RELEASE_HELP = `briefkit release: record a briefing, module or brief as a released version

Usage:
  briefkit release <slug or path> [--version V] [--date YYYY-MM-DD] [--root DIR]
  briefkit versions [slug or path] [--root DIR]

release copies the page as it is now, with its translations and its country overrides,
into versions/<slug>/<version>/ (release.yaml, source.md, translations/<lang>.md,
overrides/<country>/<path>): plain files to commit with the project. The version is the
page's "version:" (or --version), and its date today (or --date). A version is released
once: to release changes, set "version:" to the next one first.

versions lists each page's released versions, with the languages each was released in.

Exit codes: 0 done, 1 problems found, 2 wrong usage.`;

/** `briefkit release <page> …`: returns the exit code. */
export async function runRelease(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { root: { type: 'string' }, version: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${RELEASE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) return usage(io, 'release', 'release needs the page: its slug (peer-to-peer-naloxone) or its path under briefings/');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return usage(io, 'release', `--date is YYYY-MM-DD, not "${values.date}"`);
  const root = resolve(io.cwd, values.root ?? '.');
  const project = await readProjectText({ root, outDir: join(root, 'dist') });
  const page = findPage(project, positionals[0]!);
  if (!page) return usage(io, 'release', `there is no page "${positionals[0]}" in briefings/`);
  if (!contentType(page.kind)?.print?.share) {
    io.stderr.write(`briefkit release: ${page.sourcePath} is a ${contentType(page.kind)?.label ?? page.kind}; briefings, modules and briefs have versions\n`);
    return 2;
  }
  const report = formatReport(project.inputs, { cwd: io.cwd, color: io.color });
  if (hasErrors(project.inputs)) {
    io.stderr.write(`${report}\nbriefkit release: nothing was released: fix the errors above first.\n`);
    return 1;
  }
  const version = values.version ?? (typeof page.meta.version === 'string' ? page.meta.version : undefined);
  if (!version) return usage(io, 'release', `${page.sourcePath} has no "version:" in its front matter: add one (version: "1.0"), or give --version`);
  const { versions } = await readVersions(root);
  const before = versions.get(page.sourcePath)?.find((released) => released.version === version);
  if (before) {
    io.stderr.write(
      `briefkit release: version ${version} of ${page.sourcePath} was released on ${before.date} (${before.folder}/); ` +
        'to release what changed since, set "version:" to the next one (e.g. version: "2.0") and release again\n',
    );
    return 1;
  }
  const folder = join(root, VERSIONS_DIR, page.slug, version);
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  const files: [string, string][] = [
    [RELEASE_FILE, `# Released with briefkit release: the page as it was on this day.\nversion: "${version}"\ndate: ${date}\nsource: ${page.sourcePath}\n`],
    // The file as written, front matter and all (the page's file holds it with its front matter masked).
    ['source.md', readFileSync(page.file.path, 'utf8')],
    ...project.translations.translations
      .filter((translation) => translation.sourcePath === page.sourcePath)
      .map((translation): [string, string] => [`translations/${translation.lang}.md`, textOf(root, join(TRANSLATIONS_DIR, translation.lang, page.sourcePath))]),
    ...project.overrides
      .filter((override) => override.page === page)
      .map((override): [string, string] => [
        `overrides/${override.country}/${override.path}`,
        textOf(root, join(COUNTRIES_DIR, override.country, 'overrides', override.path)),
      ]),
  ];
  for (const [name, text] of files) {
    const refusal = await createProjectFile(root, join(folder, name), text);
    if (refusal) {
      io.stderr.write(`briefkit release: ${refusal}\n`);
      return 1;
    }
  }
  io.stdout.write(
    `Released version ${version} of ${page.sourcePath} (${date}) into ${shownPath(io.cwd, folder)}/: ${files.length} files. Commit them.\n` +
      'Set "version:" to the next one when you start changing the page: its "What changed" page then compares it with this one.\n',
  );
  return 0;
}

/** `briefkit versions [page]`: returns the exit code. */
export async function runVersions(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${RELEASE_HELP}\n`);
    return 0;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const project = await readProjectText({ root, outDir: join(root, 'dist') });
  const page = positionals[0] === undefined ? undefined : findPage(project, positionals[0]);
  if (positionals[0] !== undefined && !page) return usage(io, 'versions', `there is no page "${positionals[0]}" in briefings/`);
  const { versions, files } = await readVersions(root);
  const report = formatReport(files, { cwd: io.cwd, color: io.color });
  if (report) io.stderr.write(`${report}\n`);
  const pages = page ? [page] : project.pages.filter((candidate) => versions.has(candidate.sourcePath));
  if (pages.length === 0) io.stdout.write('No released versions yet: record one with briefkit release <slug>.\n');
  for (const shown of pages) {
    const current = typeof shown.meta.version === 'string' ? shown.meta.version : undefined;
    io.stdout.write(`${shown.sourcePath}${current ? ` (writing version ${current})` : ''}\n`);
    const list = versions.get(shown.sourcePath) ?? [];
    if (list.length === 0) io.stdout.write('  no released version\n');
    for (const released of [...list].reverse()) {
      const languages = [project.languages[0]!, ...[...released.translations.keys()].sort()].join(', ');
      const overrides = [...new Set([...released.overrides.keys()].map((key) => key.split('/')[0]!))].sort();
      io.stdout.write(
        `  ${released.version.padEnd(6)} ${released.date}  ${languages}${overrides.length > 0 ? `; overrides: ${overrides.join(', ')}` : ''}  ${released.folder}/\n`,
      );
    }
  }
  return hasErrors(files) ? 1 : 0;
}

/** A page by its slug or its path under `briefings/`. */
function findPage(project: ProjectText, name: string): Page | undefined {
  const path = name
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/^briefings\//, '');
  return project.pages.find(
    (page) => page.sourcePath === path || page.slug === path || page.sourcePath === `${path}.md` || page.sourcePath === `${path}/index.md`,
  );
}

function textOf(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

function usage(io: CommandIo, command: string, problem: string): number {
  io.stderr.write(`briefkit ${command}: ${problem}\n\n${RELEASE_HELP}\n`);
  return 2;
}
