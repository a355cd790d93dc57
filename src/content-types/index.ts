import { brief } from './brief/index.js';
import { briefing } from './briefing/index.js';
import { caseStudy } from './case-study/index.js';
import type { ContentType } from './content-type.js';
import { plainPage } from './page/index.js';
import { training } from './training/index.js';

/**
 * Every content type, in the order of the menu and the home page. A source is of the first
 * type that places it; plain pages take the rest, so they come last.
 */
export const CONTENT_TYPES: readonly ContentType[] = [briefing, caseStudy, training, brief, plainPage];

const byName = new Map(CONTENT_TYPES.flatMap((type) => [type.name, ...(type.aliases ?? [])].map((name) => [name, type] as const)));
const reserved = new Set(CONTENT_TYPES.flatMap((type) => (type.folder ? [type.folder] : [])));

/** A content type by its name or an alias (`briefkit new training …`). */
export function contentType(name: string): ContentType | undefined {
  return byName.get(name);
}

/** What a source under `briefings/` is: its type and slug (before any `slug:` in its front matter). */
export function placeSource(sourcePath: string): { readonly type: ContentType; readonly slug: readonly string[] } {
  const parts = sourcePath.replace(/\.md$/, '').split('/');
  for (const type of CONTENT_TYPES) {
    const slug = type.place(parts, reserved);
    if (slug) return { type, slug };
  }
  throw new Error(`No content type for ${sourcePath}`);
}

/** Every front matter key any translation may set in its own language, by type. */
export function translatableKeys(type: string): readonly string[] {
  return ['title', 'summary', ...(contentType(type)?.translatable ?? [])];
}
