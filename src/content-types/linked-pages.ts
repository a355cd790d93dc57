import { error } from '../messages.js';
import type { Page } from '../model/page.js';
import { closest } from '../text/closest.js';
import type { ContentType, SiteIndex } from './content-type.js';

/** The pages a front matter list names by slug (`case_studies: [...]`), those that exist, in its order. */
export function linkedPages(site: SiteIndex, type: ContentType, slugs: readonly string[]): Page[] {
  return slugs.flatMap((slug) => site.find(type.name, slug) ?? []);
}

/**
 * Every slug a page of type `own` lists under `key` names a page of type `type`; each that
 * does not is an error at its item, with the closest slug as a suggestion.
 */
export function checkLinkedPages(pages: readonly Page[], own: string, key: string, type: ContentType): void {
  const known = new Set(pages.filter((page) => page.kind === type.name).map((page) => page.slug));
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
        rule: `${type.name}-missing`,
        place: page.yaml?.placeOf([key, index]),
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `${type.plural} are files in briefings/${type.folder ? `${type.folder}/` : ''}; "${slug}" means ${type.where.replace('<slug>', slug)}.`,
      });
    });
  }
}
