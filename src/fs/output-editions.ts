import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile } from '../model/output-file.js';
import { MARKER_TEXT, OUTPUT_MARKER as MARKER } from './write-atomic.js';

/**
 * Which editions an output folder holds, and where. Each edition's folder carries the
 * output marker naming it (`edition: ua`), so a build can replace only the editions it
 * builds and keep the others: `--country ua` into a folder that holds the international
 * edition (and perhaps other countries, from `--all-countries`) updates `<out>/ua/` only.
 */
export interface OutputEditions {
  /** The edition at the root of the output ('international' or a country code), if any. */
  readonly root: string | undefined;
  /** Country editions in folders of their own (`<out>/<code>/`). */
  readonly folders: readonly string[];
  /** Everything at the top of the output folder. */
  readonly entries: readonly string[];
}

/** What an edition is called in markers. */
type Built = { readonly country: string | undefined; readonly prefix: string };

/** Read the editions of an existing output folder (none if there is no output yet). */
export async function readOutputEditions(outDir: string): Promise<OutputEditions> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch((reason: NodeJS.ErrnoException) =>
    reason.code === 'ENOENT' || reason.code === 'ENOTDIR' ? [] : Promise.reject(reason),
  );
  const marked = async (dir: string) =>
    readFile(join(dir, MARKER), 'utf8').then(
      (text) => /^edition: (\S+)$/m.exec(text)?.[1] ?? 'international',
      () => undefined,
    );
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && /^[a-z]{2}$/.test(entry.name) && (await marked(join(outDir, entry.name))) === entry.name) folders.push(entry.name);
  }
  return { root: await marked(outDir), folders, entries: entries.map((entry) => entry.name) };
}

/**
 * Where `--country <code>` writes: the root of an output folder that is new or holds this
 * same edition (a country's own site), else `<out>/<code>/` beside the editions already there.
 */
export function countryPrefix(previous: OutputEditions, code: string): string {
  return previous.root === undefined || previous.root === code ? '' : `${code}/`;
}

/** Why a country edition cannot go into its folder (one the output already uses for something else), if so. */
export function prefixClash(previous: OutputEditions, prefix: string): string | undefined {
  const name = prefix.slice(0, -1);
  if (name && previous.entries.includes(name) && !previous.folders.includes(name)) return name;
  return undefined;
}

/** The marker of each edition's folder, naming the edition. */
export function editionMarkers(editions: readonly Built[]): OutputFile[] {
  return editions.map((edition) => ({ path: `${edition.prefix}${MARKER}`, content: `${MARKER_TEXT}edition: ${edition.country ?? 'international'}\n` }));
}

/**
 * The entries of the previous output a build keeps: everything that is not an edition it
 * builds. `--all-countries` builds them all and keeps nothing, so editions whose profile is
 * gone disappear.
 */
export function keptEntries(previous: OutputEditions, editions: readonly Built[], all: boolean): string[] {
  if (all) return [];
  const folders = new Set(editions.filter((edition) => edition.prefix !== '').map((edition) => edition.prefix.slice(0, -1)));
  if (editions.some((edition) => edition.prefix === ''))
    return previous.folders.filter((name) => !folders.has(name) && !editions.some((edition) => edition.country === name));
  return previous.entries.filter((name) => !folders.has(name));
}
