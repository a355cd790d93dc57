import { CONTENT_TYPES } from './index.js';
import type { SiteIndex } from './content-type.js';
import type { Page } from '../model/page.js';

/** The pages of one language by content type, each type's in its own order, and by slug. */
export function siteIndex(all: readonly Page[], lang: string): SiteIndex {
  // Earlier versions of a page are reached from it, not listed (issue 33).
  const pages = all.filter((page) => page.superseded === undefined);
  const byType = new Map(
    CONTENT_TYPES.map((type) => [
      type.name,
      type.order(
        pages.filter((page) => page.kind === type.name),
        lang,
      ),
    ]),
  );
  const bySlug = new Map(pages.map((page) => [`${page.kind}\0${page.slug}`, page]));
  let printedIn: Map<string, Page[]> | undefined;
  /** For each front-matter list key asked about: the pages listing each slug (made once, not a scan of every page per question: issue 31). */
  const listings = new Map<string, Map<string, Page[]>>();
  const site: SiteIndex = {
    pagesOf: (type) => byType.get(type) ?? [],
    find: (type, slug) => bySlug.get(`${type}\0${slug}`),
    // Only the types whose schema has the list: another type's page may carry a key of that name as its own data.
    listing: (key, slug) => {
      let bySlug = listings.get(key);
      if (!bySlug) {
        listings.set(key, (bySlug = new Map()));
        for (const type of CONTENT_TYPES.filter((candidate) => key in candidate.schema.shape))
          for (const page of site.pagesOf(type.name)) {
            const listed: unknown = page.meta[key];
            if (!Array.isArray(listed)) continue;
            for (const item of new Set(listed)) if (typeof item === 'string') bySlug.set(item, [...(bySlug.get(item) ?? []), page]);
          }
      }
      return bySlug.get(slug) ?? [];
    },
    chapterOf: (page) => {
      printedIn ??= chapterOwners(site);
      return printedIn.get(`${page.kind}\0${page.slug}`) ?? [];
    },
  };
  return site;
}

/** Each page printed as a chapter (by kind and slug), with the pages that print it, in the order of the types and their pages. */
function chapterOwners(site: SiteIndex): Map<string, Page[]> {
  const owners = new Map<string, Page[]>();
  for (const type of CONTENT_TYPES) {
    const chapters = type.print?.chapters;
    if (!chapters) continue;
    for (const owner of site.pagesOf(type.name)) {
      for (const key of new Set(chapters(owner, site).map((chapter) => `${chapter.kind}\0${chapter.slug}`)))
        owners.set(key, [...(owners.get(key) ?? []), owner]);
    }
  }
  return owners;
}
