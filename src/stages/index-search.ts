import { readFile } from 'node:fs/promises';
import { warn } from '../messages.js';
import type { OutputFile } from '../model/output-file.js';
import type { Project } from '../run/types.js';

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

/** The search index as an earlier run made it, and the languages whose pages changed since (the others are kept as they were). */
export interface EarlierIndex {
  readonly files: readonly OutputFile[];
  readonly changed: ReadonlySet<string>;
}

/**
 * Each edition's search index (Pagefind), from the web pages just rendered, written to
 * `<edition>/pagefind/` with the rest of the output. Each language is indexed on its own
 * (Pagefind's files are per language but for the list of languages, `pagefind-entry.json`,
 * which is put together here), so a change to pages of one language indexes that language
 * again and keeps the others' files (`earlier`). Only pages marked `data-pagefind-body` are
 * indexed, so a page shown as a fallback in another language is found once, in the language
 * it is written in. Result addresses are from the edition's root; the search page adds
 * where the site is. Gives the index's files: all of them, or none if Pagefind failed (no
 * half an index).
 */
export async function indexSearch(project: Project, pages: readonly OutputFile[], earlier?: EarlierIndex): Promise<OutputFile[]> {
  const { config, file: configFile } = project.config;
  if (!config.search) return [];
  const { editions } = project;
  let pagefind: typeof import('pagefind');
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
  // Added to the output only once every edition is indexed: no half an index.
  const made: OutputFile[] = [];
  try {
    for (const edition of editions) {
      const folder = `${edition.prefix}pagefind/`;
      // The international edition is at the root, with the country editions in folders inside it.
      const others = editions.filter((other) => other !== edition && other.prefix.startsWith(edition.prefix)).map((other) => other.prefix);
      const byLanguage = new Map<string, { url: string; content: string }[]>();
      for (const file of pages) {
        if (!file.path.startsWith(edition.prefix) || others.some((prefix) => file.path.startsWith(prefix))) continue;
        if (!file.path.endsWith('.html') || !('content' in file) || typeof file.content !== 'string') continue;
        if (!file.content.includes(INDEXED)) continue;
        const url = `/${file.path.slice(edition.prefix.length).replace(/(^|\/)index\.html$/, '$1')}`;
        const lang = url.split('/')[1]!;
        let inLanguage = byLanguage.get(lang);
        if (!inLanguage) byLanguage.set(lang, (inLanguage = []));
        inLanguage.push({ url, content: file.content });
      }
      const entries: Entry[] = [];
      const shared = new Map<string, OutputFile>();
      const earlierFiles = earlier?.files.filter((file) => file.path.startsWith(folder)) ?? [];
      const earlierEntry = await entryOf(earlierFiles.find((file) => file.path === `${folder}${ENTRY}`));
      for (const lang of [...byLanguage.keys()].sort()) {
        const kept = earlier && !earlier.changed.has(lang) && earlierEntry?.languages[lang] !== undefined;
        if (kept) {
          entries.push({ ...earlierEntry, languages: { [lang]: earlierEntry.languages[lang] } });
          made.push(...earlierFiles.filter((file) => ofLanguage(file.path.slice(folder.length), lang)));
          continue;
        }
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(errors.join('; '));
        for (const page of byLanguage.get(lang)!) {
          const added = await index.addHTMLFile(page);
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
        }
        const { files, errors: failed } = await index.getFiles();
        if (failed.length > 0) throw new Error(failed.join('; '));
        for (const file of files) {
          if (UNUSED.test(file.path)) continue;
          if (file.path === ENTRY) entries.push(JSON.parse(Buffer.from(file.content).toString('utf8')) as Entry);
          else if (ofLanguage(file.path, lang)) made.push({ path: `${folder}${file.path}`, content: file.content });
          else shared.set(file.path, { path: `${folder}${file.path}`, content: file.content });
        }
        await index.deleteIndex();
      }
      // Pagefind's own files, the same for every language (kept from the earlier index when no language was indexed again).
      const common = shared.size > 0 ? [...shared.values()] : earlierFiles.filter((file) => isCommon(file.path.slice(folder.length)));
      made.push(...common);
      if (entries.length > 0) made.push({ path: `${folder}${ENTRY}`, content: JSON.stringify(mergeEntries(entries)) });
    }
    return made.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch (cause) {
    warn(configFile, {
      reason: `The site is built without a complete search index: Pagefind failed (${(cause as Error).message})`,
      rule: 'search-unavailable',
      hint: 'Build again; if it keeps failing, set "search: false" in briefkit.config.yaml and report it.',
    });
  } finally {
    await pagefind.close();
  }
  return [];
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

/** Pagefind's files that belong to no language: its scripts and styles, and the stemmer for languages without one (`wasm.unknown`). */
function isCommon(path: string): boolean {
  return !path.includes('/') && path !== ENTRY && !path.endsWith('.pf_meta') && (!path.startsWith('wasm.') || path === 'wasm.unknown.pagefind');
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

async function entryOf(file: OutputFile | undefined): Promise<Entry | undefined> {
  if (!file) return undefined;
  const text = 'content' in file ? Buffer.from(file.content).toString('utf8') : await readFile(file.copyFrom, 'utf8');
  try {
    const entry = JSON.parse(text) as Entry;
    return typeof entry?.languages === 'object' && entry.languages !== null ? entry : undefined;
  } catch {
    return undefined;
  }
}
