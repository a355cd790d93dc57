import { brief } from './brief/index.js';
import { briefing } from './briefing/index.js';
import { caseStudy } from './case-study/index.js';
import type { ContentType } from './content-type.js';
import type { Page } from '../model/page.js';
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

/**
 * Whether a page's type names an output among those its pages get (`outputs`): a format that
 * makes files of some pages only asks this, so no format decides from a type's other fields.
 */
export function wants(page: Pick<Page, 'kind'>, format: string): boolean {
  return contentType(page.kind)?.outputs.includes(format) ?? false;
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

/** The types a sentence of help or a message is about: those that print PDFs, or those whose PDFs have a share page. */
export type TypeGroup = 'printed' | 'shared';

const inGroup: Record<TypeGroup, (type: ContentType) => boolean> = {
  printed: (type) => type.print !== undefined,
  shared: (type) => type.print?.share === true,
};

/**
 * The types of a group in words, from the registry, so no help or message lists them by hand:
 * `one` "technical briefing, case study or advocacy brief", `a` the same after "a" or "an",
 * `all` "technical briefings, case studies and advocacy briefs".
 */
export function typesInWords(group: TypeGroup, form: 'one' | 'a' | 'all'): string {
  const words = CONTENT_TYPES.filter(inGroup[group]).map((type) => (form === 'all' ? type.plural.charAt(0).toLowerCase() + type.plural.slice(1) : type.label));
  const listed = words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${form === 'all' ? 'and' : 'or'} ${words.at(-1)}`;
  return form === 'a' ? `${/^[aeiou]/i.test(listed) ? 'an' : 'a'} ${listed}` : listed;
}
