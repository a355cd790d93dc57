import { error } from '../messages.js';
import type { Page } from '../model/page.js';
import { closest } from '../text/closest.js';
import type { SiteIndex } from './content-type.js';
import { contentType } from './index.js';

/** The pages a front matter list names by slug (`case_studies: [...]`), those that exist, in its order. */
export function linkedPages(site: SiteIndex, kind: string, slugs: readonly string[]): Page[] {
  return slugs.flatMap((slug) => site.find(kind, slug) ?? []);
}

/**
 * Every slug a page of type `own` lists under `key` names a page of type `target`; each that
 * does not is an error at its item, with the closest slug as a suggestion.
 */
export function checkLinkedPages(pages: readonly Page[], own: string, key: string, target: string): void {
  const type = contentType(target)!;
  const known = new Set(pages.filter((page) => page.kind === target).map((page) => page.slug));
  const name = type.label.charAt(0).toUpperCase() + type.label.slice(1);
  for (const page of pages.filter((candidate) => candidate.kind === own)) {
    // A page with invalid front matter keeps what it had; its list may be anything.
    const listed: unknown = page.meta[key];
    if (!Array.isArray(listed)) continue;
    listed.forEach((slug: unknown, index) => {
      if (typeof slug !== 'string' || known.has(slug)) return;
      const suggestion = closest(slug, [...known]);
      error(page.file, {
        reason: `${name} "${slug}" not found`,
        rule: `${target}-missing`,
        place: page.yaml?.placeOf([key, index]),
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `${type.plural} are files in briefings/${type.folder ? `${type.folder}/` : ''}; "${slug}" means ${type.where.replace('<slug>', slug)}.`,
      });
    });
  }
}
