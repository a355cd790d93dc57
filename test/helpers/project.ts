import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll } from 'vitest';
import { build } from '../../src/build.js';
import type { BuildOptions } from '../../src/build.js';
import { formatReport } from '../../src/report.js';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temporary folder, removed after the test file. */
export async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefkit-test-'));
  made.push(dir);
  return dir;
}

/** Write a project from a map of paths to contents into a temporary folder. */
export async function makeProject(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await temporaryDir();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/**
 * Build a project and return the result with its report as a user sees it (paths relative
 * to the project). PDFs are left out unless asked for (`pdf: true`): they need Chromium and
 * time, and have tests of their own.
 */
export async function buildProject(root: string, options: Partial<BuildOptions> = {}) {
  const result = await build({ root, pdf: false, ...options });
  return { ...result, report: formatReport(result.files, { cwd: root }) };
}

/** Every file under a folder, as relative paths (forward slashes), sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Read a built file as text. */
export function readText(root: string, path: string): Promise<string> {
  return readFile(join(root, path), 'utf8');
}

/** Edit a file of a project as an author would: the first `from` in it becomes `to`. */
export async function editText(root: string, path: string, from: string, to: string): Promise<void> {
  const text = await readFile(join(root, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no "${from}" to edit`);
  await writeFile(join(root, path), text.replace(from, to));
}

/** A minimal valid case study, with overrides. */
export function caseStudy(fields: Record<string, string> = {}, body = 'Some text.\n'): string {
  const front = { title: 'A case study', country: 'GB-SCT', ...fields };
  return `---\n${Object.entries(front)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

/**
 * The files of a site's search index that Pagefind (1.5.2) does not write the same way twice:
 * its filter files list their values in an arbitrary order, and the language metadata and
 * entry file carry their hashes. Pages, assets, PDFs and the index's fragments and words are
 * byte-identical from the same input; these are left out where a test compares two builds.
 */
export const UNSTABLE_SEARCH_FILES = /(^|\/)pagefind\/(filter\/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)/;

/** The files of a built site, but those of the search index that change when any page's text does. */
export const SEARCH_INDEX = /(^|\/)pagefind\//;
