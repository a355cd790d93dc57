import { readFile } from 'node:fs/promises';
import { warn } from '../messages.js';
import type { Edition } from '../model/edition.js';
import type { OutputFile } from '../model/output-file.js';
import type { SearchIndexState } from '../model/search-index.js';
import type { Project } from '../run/types.js';
import { fragmentIds } from './fragment-ids.js';
import { PAGEFIND_MODULE, searchLoader } from './search-loader.js';

type Pagefind = typeof import('pagefind');

/** Pagefind's files a search page needs; its other interfaces (modular, component) are left out. */
const UNUSED = /^pagefind-(modular|component)-ui\.|^pagefind-highlight\.js$/;
/** Marks a page whose text goes into the index (set by the layout on content pages in their own language). */
export const INDEXED = 'data-pagefind-body';
/** The file that lists the languages of an index (and the name of each one's files). */
const ENTRY = 'pagefind-entry.json';

/** What `pagefind-entry.json` holds. */
interface Entry {
  readonly version: string;
  readonly languages: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** A page as Pagefind indexes it: its address from the edition's root, and its HTML. */
export interface IndexedPage {
  readonly url: string;
  readonly content: string;
}

/** The search indexes of a run: their files, and what each edition's index holds (by its folder). */
export interface SearchIndexes {
  readonly files: readonly OutputFile[];
  readonly states: ReadonlyMap<string, SearchIndexState>;
}

/** The folder of an edition's search index, from the output folder's top. */
export function indexFolder(edition: Edition): string {
  return `${edition.prefix}pagefind/`;
}

/*
 * Each edition's search index (Pagefind) is written to `<edition>/pagefind/` with the rest of
 * the output. Each language is indexed on its own (Pagefind's files are per language but for
 * the list of languages, `pagefind-entry.json`, which is put together here). Only pages
 * marked `data-pagefind-body` are indexed, so a page shown as a fallback in another language
 * is found once, in the language it is written in. Result addresses are from the edition's
 * root; the search page adds where the site is. A whole build feeds Pagefind as it makes the
 * pages (search-feeder.ts); a later build indexes the pages it made again (search-again.ts).
 */

/**
 * Run `work` with Pagefind loaded, and close it after. Gives no files, with a warning that
 * says what to do, when Pagefind cannot be loaded or fails.
 */
export async function withPagefind(project: Project, work: (pagefind: Pagefind) => Promise<OutputFile[]>): Promise<OutputFile[]> {
  const { config, file: configFile } = project.config;
  if (!config.search) return [];
  let pagefind: Pagefind;
  try {
    pagefind = await import('pagefind');
  } catch (cause) {
    warn(configFile, {
      reason: `The site is built without search: Pagefind could not be loaded (${(cause as Error).message})`,
      rule: 'search-unavailable',
      hint: 'Run npm ci again; if your system is not one Pagefind supports, set "search: false" in briefkit.config.yaml.',
    });
    return [];
  }
  try {
    return (await work(pagefind)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch (cause) {
    warn(configFile, {
      reason: `The site is built without a complete search index: Pagefind failed (${(cause as Error).message})`,
      rule: 'search-unavailable',
      hint: 'Build again; if it keeps failing, set "search: false" in briefkit.config.yaml and report it.',
    });
    return [];
  } finally {
    await pagefind.close();
  }
}

/**
 * The web pages of an edition that go into its index, by language: those under its folder
 * (not a country edition's inside it) marked `data-pagefind-body`, read back from the output
 * folder where the run has them there. With `only`, just the pages at those addresses.
 */
export async function indexedPages(
  project: Project,
  edition: Edition,
  files: readonly OutputFile[],
  only?: ReadonlySet<string>,
): Promise<Map<string, IndexedPage[]>> {
  const own = ownPages(project, edition, files).filter((file) => !only || only.has(pageAddress(edition, file.path)));
  const texts = await Promise.all(
    own.map((file) => ('copyFrom' in file ? readFile(file.copyFrom, 'utf8') : typeof file.content === 'string' ? file.content : '')),
  );
  const byLanguage = new Map<string, IndexedPage[]>();
  own.forEach((file, index) => {
    const content = texts[index]!;
    if (!content.includes(INDEXED)) return;
    const url = pageAddress(edition, file.path);
    const lang = url.split('/')[1]!;
    let inLanguage = byLanguage.get(lang);
    if (!inLanguage) byLanguage.set(lang, (inLanguage = []));
    inLanguage.push({ url, content });
  });
  return byLanguage;
}

/** The web pages of an edition among `files` (not those of a country edition in a folder inside it). */
export function ownPages(project: Project, edition: Edition, files: readonly OutputFile[]): OutputFile[] {
  const others = project.editions.filter((other) => other !== edition && other.prefix.startsWith(edition.prefix)).map((other) => other.prefix);
  return files.filter((file) => file.path.startsWith(edition.prefix) && file.path.endsWith('.html') && !others.some((prefix) => file.path.startsWith(prefix)));
}

/** A web page's address in its edition's index (`/en/case-studies/a/`). */
export function pageAddress(edition: Edition, path: string): string {
  return `/${path.slice(edition.prefix.length).replace(/(^|\/)index\.html$/, '$1')}`;
}

/** An edition's whole index, one language at a time, under `folder`, and the fragment of each page. */
export async function indexEdition(
  pagefind: Pagefind,
  folder: string,
  byLanguage: ReadonlyMap<string, readonly IndexedPage[]>,
): Promise<{ files: OutputFile[]; ids: Record<string, string> }> {
  const made = new Map<string, PagefindFile[]>();
  for (const lang of [...byLanguage.keys()].sort()) made.set(lang, await pagefindFiles(pagefind, byLanguage.get(lang)!));
  return bundleOf(folder, made);
}

/** A file Pagefind made, by its path in its bundle. */
export interface PagefindFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/**
 * An edition's index under `folder`, from Pagefind's files for each language (each indexed on
 * its own): each language's parts, Pagefind's shared files (its module as `pagefind-core.js`),
 * one `pagefind-entry.json` for them all, and briefkit's loader as `pagefind.js`; and the
 * fragment of each page. No files when no language has a page.
 */
export function bundleOf(folder: string, byLanguage: ReadonlyMap<string, readonly PagefindFile[]>): { files: OutputFile[]; ids: Record<string, string> } {
  const files: OutputFile[] = [];
  const entries: Entry[] = [];
  const shared = new Map<string, OutputFile>();
  let ids: Record<string, string> = {};
  for (const lang of [...byLanguage.keys()].sort()) {
    const made = byLanguage.get(lang)!;
    ids = { ...ids, ...fragmentIds(made) };
    for (const file of made) {
      if (UNUSED.test(file.path)) continue;
      if (file.path === ENTRY) entries.push(JSON.parse(Buffer.from(file.content).toString('utf8')) as Entry);
      else if (file.path === 'pagefind.js') shared.set(file.path, { path: `${folder}${PAGEFIND_MODULE}`, content: file.content });
      else if (ofLanguage(file.path, lang)) files.push({ path: `${folder}${file.path}`, content: file.content });
      else shared.set(file.path, { path: `${folder}${file.path}`, content: file.content });
    }
  }
  if (entries.length === 0) return { files: [], ids };
  files.push(...shared.values());
  files.push({ path: `${folder}${ENTRY}`, content: JSON.stringify(mergeEntries(entries)) });
  files.push({ path: `${folder}pagefind.js`, content: searchLoader({ languages: [], superseded: [] }) });
  return { files, ids };
}

/** Pagefind's files for some pages (of one language, or the pages indexed again). */
export async function pagefindFiles(pagefind: Pagefind, pages: readonly IndexedPage[]): Promise<PagefindFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  try {
    // One at a time: Pagefind numbers the pages in the order they come, and the same pages give the same index.
    for (const page of pages) {
      const added = await index.addHTMLFile(page);
      if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    }
    const { files, errors: notMade } = await index.getFiles();
    if (notMade.length > 0) throw new Error(notMade.join('; '));
    return files;
  } finally {
    await index.deleteIndex();
  }
}

/** Whether a file of a Pagefind bundle belongs to one language: its index, fragments, filters, metadata and stemmer. */
function ofLanguage(path: string, lang: string): boolean {
  return (
    path.startsWith(`fragment/${lang}_`) ||
    path.startsWith(`index/${lang}_`) ||
    path.startsWith(`filter/${lang}_`) ||
    path.startsWith(`pagefind.${lang}_`) ||
    path === `wasm.${lang}.pagefind`
  );
}

/** One `pagefind-entry.json` for the languages indexed one by one, languages in order. */
function mergeEntries(entries: readonly Entry[]): Entry {
  const languages: Record<string, unknown> = {};
  for (const entry of entries) for (const lang of Object.keys(entry.languages).sort()) languages[lang] = entry.languages[lang];
  const sorted = Object.fromEntries(
    Object.keys(languages)
      .sort()
      .map((lang) => [lang, languages[lang]]),
  );
  return { ...entries[0]!, languages: sorted };
}
