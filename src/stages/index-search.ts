import { warn } from '../messages.js';
import type { OutputFile } from '../model/output-file.js';
import type { Project } from '../run/types.js';

/** Pagefind's files a search page needs; its other interfaces (modular, component) are left out. */
const UNUSED = /^pagefind-(modular|component)-ui\.|^pagefind-highlight\.js$/;
/** Marks a page whose text goes into the index (set by the layout on content pages in their own language). */
const INDEXED = 'data-pagefind-body';

/**
 * Each edition's search index (Pagefind), from the web pages just rendered: one index per
 * language (Pagefind splits by `<html lang>`), written to `<edition>/pagefind/` with the
 * rest of the output. Only pages marked `data-pagefind-body` are indexed, so a page shown
 * as a fallback in another language is found once, in the language it is written in.
 * Result addresses are from the edition's root; the search page adds where the site is.
 * Gives the index's files: all of them, or none if Pagefind failed (no half an index).
 */
export async function indexSearch(project: Project, pages: readonly OutputFile[]): Promise<OutputFile[]> {
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
  const made: { readonly path: string; readonly content: Uint8Array }[] = [];
  try {
    for (const edition of editions) {
      // The international edition is at the root, with the country editions in folders inside it.
      const others = editions.filter((other) => other !== edition && other.prefix.startsWith(edition.prefix)).map((other) => other.prefix);
      const inEdition = pages.flatMap((file) => {
        if (!file.path.startsWith(edition.prefix) || others.some((prefix) => file.path.startsWith(prefix))) return [];
        if (!file.path.endsWith('.html') || !('content' in file) || typeof file.content !== 'string') return [];
        if (!file.content.includes(INDEXED)) return [];
        return [{ url: `/${file.path.slice(edition.prefix.length).replace(/(^|\/)index\.html$/, '$1')}`, content: file.content }];
      });
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(errors.join('; '));
      for (const page of inEdition) {
        const added = await index.addHTMLFile(page);
        if (added.errors.length > 0) throw new Error(added.errors.join('; '));
      }
      const { files, errors: failed } = await index.getFiles();
      if (failed.length > 0) throw new Error(failed.join('; '));
      for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        if (UNUSED.test(file.path)) continue;
        made.push({ path: `${edition.prefix}pagefind/${file.path}`, content: file.content });
      }
      await index.deleteIndex();
    }
    return made;
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
