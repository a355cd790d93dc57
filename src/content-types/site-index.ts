import { CONTENT_TYPES } from './index.js';
import type { SiteIndex } from './content-type.js';
import type { Page } from '../model/page.js';

/** The pages of one language by content type, each type's in its own order, and by slug. */
export function siteIndex(pages: readonly Page[], lang: string): SiteIndex {
  const byType = new Map(CONTENT_TYPES.map((type) => [type.name, type.order(pages.filter((page) => page.kind === type.name), lang)]));
  const bySlug = new Map(pages.map((page) => [`${page.kind}\0${page.slug}`, page]));
  return { pagesOf: (type) => byType.get(type) ?? [], find: (type, slug) => bySlug.get(`${type}\0${slug}`) };
}
